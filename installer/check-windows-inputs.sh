#!/usr/bin/env bash
# What the Windows build needs that can be checked on Linux (the .msi itself is built and installed on a
# Windows runner by installer/windows/windows-installer.yml, never here):
#  - the JavaFX jars for Windows resolve from Maven Central, at the pom's version, with their DLLs;
#  - the Windows launcher is made from the same launcher arguments as the Linux one, class-data
#    archive included, and its runtime by the same jlink options;
#  - the workflow runs the class-archive step and checks the launcher with it;
#  - no jar in target/lib (what both installers take) is signed, so the archive can hold every class.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-windows-inputs: $*" >&2; exit 1; }

VERSION=$(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' pom.xml)
[ -n "$VERSION" ] || fail "no javafx.version in pom.xml"
REPO=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")
for module in base graphics controls fxml; do
  ./mvnw -B -q dependency:get -Dartifact="org.openjfx:javafx-$module:$VERSION:jar:win" -Dtransitive=false >/dev/null \
    || fail "javafx-$module $VERSION for Windows does not resolve"
  test -s "$REPO/org/openjfx/javafx-$module/$VERSION/javafx-$module-$VERSION-win.jar" || fail "javafx-$module-$VERSION-win.jar missing"
done
unzip -l "$REPO/org/openjfx/javafx-graphics/$VERSION/javafx-graphics-$VERSION-win.jar" | grep 'glass.dll' >/dev/null \
  || fail "javafx-graphics for Windows has no glass.dll"

grep -q "'@installer\\\\jpackage\\\\launcher.txt'" installer/build-windows.ps1 || fail "the Windows launcher does not use installer/jpackage/launcher.txt"
grep -q "java-options" installer/jpackage/windows*.txt installer/windows/cli-launcher.properties \
  && fail "Windows-only launcher options: keep them in installer/jpackage/launcher.txt"
grep -q -- '-XX:SharedArchiveFile=\$APPDIR/berkas-desa.jsa' installer/jpackage/launcher.txt || fail "launcher without the class-data archive"
grep -q -- '-XX:+VerifySharedSpaces' installer/jpackage/launcher.txt || fail "launcher maps the archive unchecked"
grep -q -- '-XX:Tier4InvocationThreshold=' installer/jpackage/launcher.txt || fail "launcher without the compiler thresholds"
grep -q -- 'CompileThresholdScaling,com.sun.crypto.provider' installer/jpackage/launcher.txt \
  || fail "launcher raises the thresholds for the cipher too (its first bundle would run on the slow path)"
# every launcher option this JDK takes, and none of them prints (the commands' standard output is JSON lines)
OPTIONS=$(sed -n 's/^--java-options \(-XX:[^$]*\)$/\1/p' installer/jpackage/launcher.txt | tr '\n' ' ')
# shellcheck disable=SC2086
OUT=$(java $OPTIONS -version 2>/dev/null) || fail "this JDK refuses a launcher option: $OPTIONS"
[ -z "$OUT" ] || fail "a launcher option prints on standard output: $OUT"
for option in --include-locales=en,id --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive; do
  grep -q -- "$option" installer/build-linux.sh || fail "build-linux.sh: jlink without $option"
  grep -q -- "'$option'" installer/build-windows.ps1 || fail "build-windows.ps1: jlink without $option"
done
# the class-data archive skips every class of a signed jar: the jars the installers take carry no signature
for jar in target/lib/*.jar; do
  if unzip -Z1 "$jar" | grep -qE '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$'; then fail "$jar is signed: its classes stay out of the class archive"; fi
done
grep -q 'berkas-desa-cli.exe" class-archive' installer/windows/windows-installer.yml || fail "the workflow skips the class-archive step"
echo "check-windows-inputs: JavaFX $VERSION for Windows resolves; the launcher, the runtime and the class archive step match Linux"
