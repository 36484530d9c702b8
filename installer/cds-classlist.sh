#!/usr/bin/env bash
# Regenerates src/main/resources/cds/kelas.txt, the class names the class-data archive is made from
# (id.berkasdesa.common.ClassArchive): the classes a real start loads, recorded by the JVM
# (-XX:DumpLoadedClassList) under Xvfb on two paths: a signed-in store from launch through the sign-in
# typed here to the home screen's numbers, and a new folder to its setup form; and on the command
# line's: a signed-in command (operator list), nik, verify of the example bundle, a Dinas Sosial's
# init and inbox (the inbox's sign-in, store and bundle reading). Run it after
# `./mvnw -DskipTests package` when the start path changed much; a stale list only makes the archive
# cover less (a name that no longer exists is skipped when the archive is made).
# Needs: Xvfb, xdotool (apt-get install -y xvfb xdotool libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
WORK=$(mktemp -d)
Xvfb :78 -screen 0 1366x768x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$WORK"' EXIT
export DISPLAY=:78 BERKAS_DESA_PASSWORD="kuda lari pagi hujan 42"
sleep 1
java -jar target/berkas-desa.jar --data-dir "$WORK/store" demo --households 200 --requests 50 >/dev/null

java -XX:DumpLoadedClassList="$WORK/signin.lst" -jar target/berkas-desa.jar --data-dir "$WORK/store" \
  --exit-after-dashboard >"$WORK/signin.out" 2>&1 &
pid=$!
until xdotool search --onlyvisible --name "Berkas Desa" >/dev/null 2>&1; do sleep 0.1; done
sleep 4
xdotool search --onlyvisible --name "Berkas Desa" windowactivate --sync >/dev/null 2>&1 || true
xdotool type --delay 20 admin
xdotool key Tab
xdotool type --delay 20 "$BERKAS_DESA_PASSWORD"
xdotool key Return
wait $pid

BERKAS_DESA_TRACE=1 java -XX:DumpLoadedClassList="$WORK/setup.lst" -jar target/berkas-desa.jar \
  --data-dir "$WORK/new" >"$WORK/setup.out" 2>&1 &
pid=$!
until grep -q "trace setup-shown" "$WORK/setup.out" 2>/dev/null; do sleep 0.1; done
sleep 3
kill $pid
wait $pid 2>/dev/null || true

# the command line: every command a person waits for at a prompt or a script runs many times
EXAMPLE=$(ls docs/contoh/*.zip | grep -v balasan | head -1)
export BERKAS_DESA_USER=admin
cli() { local name=$1; shift; java -XX:DumpLoadedClassList="$WORK/cli-$name.lst" -jar target/berkas-desa.jar "$@" >/dev/null 2>&1 || true; }
cli operator --data-dir "$WORK/store" operator list
cli nik nik 3201015708850003
cli verify verify "$EXAMPLE"
cli dinit --data-dir "$WORK/dinas" dinas init --kabupaten 32.01 --office "Dinas Sosial contoh" --admin admin
cli dsettings --data-dir "$WORK/dinas" dinas settings --allow-plain true
cli inbox --data-dir "$WORK/dinas" dinas inbox "$EXAMPLE"

mkdir -p src/main/resources/cds
LISTS=("$WORK/signin.lst" "$WORK/setup.lst" "$WORK"/cli-*.lst)
# the class names first, then the lambdas' lines (@lambda-proxy: the lambda classes themselves;
# @lambda-form-invoker: the method-handle forms they call), which need their classes loaded before them
# (less the classes generated at run time under a new name each time: JFR's event handlers, proxies)
cat "${LISTS[@]}" | grep -v '^[#@]' | cut -d' ' -f1 | grep -vE 'jdk/jfr/internal/handlers/EventHandler|/\$Proxy[0-9]+$' \
  | sort -u > src/main/resources/cds/kelas.txt
cat "${LISTS[@]}" | grep '^@lambda-' | sort -u >> src/main/resources/cds/kelas.txt
wc -l src/main/resources/cds/kelas.txt
