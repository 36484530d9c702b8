# Builds the Windows packages from target\ (after .\mvnw.cmd -B -DskipTests package), on Windows only:
#   target\installer\berkas-desa-<version>.msi                   per-user install, Start menu + desktop shortcut
#   target\installer\berkas-desa-<version>-windows-portable.zip  the app image, runs from any folder or stick
# Needs JDK 17 with jmods (Temurin has them) in JAVA_HOME and WiX Toolset 3.x (3.14) on the PATH.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

function Run($exe, [string[]] $arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

$version = (Select-String -Path 'target\classes\id\berkasdesa\app\build.properties' -Pattern '^version=(.*)$').Matches[0].Groups[1].Value
$appVersion = $version -replace '-.*$', ''   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
$out = 'target\installer'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input\lib" | Out-Null

# the app and its libraries; JavaFX goes into the runtime image as modules instead
Copy-Item 'target\berkas-desa.jar' "$out\input\"
Get-ChildItem 'target\lib\*.jar' | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$out\input\lib\"
$javafx = (Get-ChildItem 'target\lib\javafx-*-win.jar' | ForEach-Object { $_.FullName }) -join ';'
$modules = (Get-Content 'installer\modules.txt') -join ','

Run "$env:JAVA_HOME\bin\jlink.exe" @('--module-path', "$env:JAVA_HOME\jmods;$javafx", '--add-modules', $modules,
    '--include-locales=en,id', '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2',
    '--generate-cds-archive', '--output', "$out\runtime")

Run "$env:JAVA_HOME\bin\jpackage.exe" @('@installer\jpackage\common.txt', '@installer\jpackage\launcher.txt',
    '@installer\jpackage\windows-image.txt', '--type', 'app-image', '--runtime-image', "$out\runtime",
    '--input', "$out\input", '--app-version', $appVersion, '--dest', "$out\image")
Copy-Item 'LICENSE' "$out\image\berkas-desa\"
Compress-Archive -Path "$out\image\berkas-desa" -DestinationPath "$out\berkas-desa-$appVersion-windows-portable.zip"

Run "$env:JAVA_HOME\bin\jpackage.exe" @('@installer\jpackage\common.txt', '@installer\jpackage\windows.txt',
    '--type', 'msi', '--app-image', "$out\image\berkas-desa", '--app-version', $appVersion, '--dest', $out)

Get-ChildItem "$out\*.msi", "$out\*.zip"
