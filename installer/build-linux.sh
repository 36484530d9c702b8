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

"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$JAVAFX" \
  --add-modules "$(paste -sd, installer/modules.txt)" \
  --include-locales=en,id --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$OUT/runtime"

"$JAVA_HOME/bin/jpackage" @installer/jpackage/common.txt @installer/jpackage/launcher.txt @installer/jpackage/linux.txt \
  --type app-image --runtime-image "$OUT/runtime" --input "$OUT/input" \
  --app-version "$APP_VERSION" --dest "$OUT/image"
cp LICENSE "$OUT/image/berkas-desa/"
(cd "$OUT/image" && zip -qr "../berkas-desa-$APP_VERSION-linux-portable.zip" berkas-desa)

"$JAVA_HOME/bin/jpackage" @installer/jpackage/common.txt @installer/jpackage/linux-deb.txt \
  --type deb --app-image "$OUT/image/berkas-desa" --app-version "$APP_VERSION" --dest "$OUT"

ls -l "$OUT"/*.deb "$OUT"/*.zip
