#!/usr/bin/env bash
# Builds the Linux packages from target/ (run `./mvnw -Pinstaller package`, which calls this):
#   target/installer/berkas-desa_<version>_amd64.deb      .deb with its own Java runtime
#   target/installer/berkas-desa-<version>-linux-portable.zip   the app image, runs from any folder
# Needs JDK 17 with jmods (Debian: openjdk-17-jdk-headless), dpkg-deb and fakeroot.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
VERSION=$(sed -n 's/^version=//p' target/classes/id/berkasdesa/app/build.properties)
APP_VERSION="${VERSION%%-*}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input/lib"

# the app and its libraries; JavaFX goes into the runtime image as modules instead
cp target/berkas-desa.jar "$OUT/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$OUT/input/lib/" ;; esac
done
JAVAFX=$(ls target/lib/javafx-*-linux.jar | paste -sd:)

# The JDK 17 jpackage launcher for Linux asks, at every start, which package owns it (`rpm -qf`, then
# `dpkg -S`, twice, and `dpkg -L` when installed: processes and searches of the package database, some
# 200 ms of every start on a Debian PC). The image's bin/berkas-desa is a small script instead that
# starts the same runtime with what jpackage wrote in lib/app/berkas-desa.cfg: the Java options (from
# installer/jpackage/launcher.txt), the class path and the main class. Windows keeps jpackage's launcher.
write_launcher() {
  local image=$1
  local cfg=$image/lib/app/berkas-desa.cfg
  local main
  main=$(sed -n 's/^app.mainclass=//p' "$cfg")
  [ -n "$main" ] || { echo "no main class in $cfg" >&2; exit 1; }
  {
    echo '#!/bin/sh'
    echo '# Berkas Desa: the bundled Java runtime with the options, class path and main class jpackage wrote in'
    echo '# lib/app/berkas-desa.cfg (made by installer/build-linux.sh, which says why it is not jpackage'"'"'s launcher)'
    echo 'IMAGE="$(dirname "$(dirname "$(readlink -f "$0")")")"'
    echo 'APPDIR="$IMAGE/lib/app"'
    printf 'exec "$IMAGE/lib/runtime/bin/java"'
    # each option in double quotes: $APPDIR expands, the * of a CompileCommand pattern does not
    sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do printf ' \\\n  "%s"' "$option"; done
    printf ' \\\n  -cp "%s"' "$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd:)"
    printf ' \\\n  %s "$@"\n' "$main"
  } > "$image/bin/berkas-desa.sh"
  chmod 755 "$image/bin/berkas-desa.sh"
  mv "$image/bin/berkas-desa.sh" "$image/bin/berkas-desa"
}

"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$JAVAFX" \
  --add-modules "$(paste -sd, installer/modules.txt)" \
  --include-locales=en,id --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$OUT/runtime"

"$JAVA_HOME/bin/jpackage" @installer/jpackage/common.txt @installer/jpackage/launcher.txt @installer/jpackage/linux.txt \
  --type app-image --runtime-image "$OUT/runtime" --input "$OUT/input" \
  --app-version "$APP_VERSION" --dest "$OUT/image"
write_launcher "$OUT/image/berkas-desa"
cp LICENSE "$OUT/image/berkas-desa/"
(cd "$OUT/image" && zip -qr "../berkas-desa-$APP_VERSION-linux-portable.zip" berkas-desa)

"$JAVA_HOME/bin/jpackage" @installer/jpackage/common.txt @installer/jpackage/linux-deb.txt \
  --type deb --app-image "$OUT/image/berkas-desa" --app-version "$APP_VERSION" --dest "$OUT"

ls -l "$OUT"/*.deb "$OUT"/*.zip
