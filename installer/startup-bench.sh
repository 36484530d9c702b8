#!/usr/bin/env bash
# Start-up as an operator sees it, every figure timed from outside the process by this script's clock,
# under Xvfb at 1366x768, each row alternating round by round with its baseline:
#  1. first window: `java -jar` (or the installed launcher) to the first *visible* X window of the app,
#     against a bare JavaFX window launched the same way (installer/startup/BareWindow.java);
#  2. launch to the sign-in form of a signed-in store (the app's "signin-shown" phase line arriving);
#  3. Enter on the sign-in to the home screen's numbers drawn: the script types the name and the
#     password (xdotool), presses Enter and times until the app's start_to_dashboard line arrives;
#  4. first start on a new, empty data folder to the setup form ("setup-shown");
#  5. the command line: `nik` of one number, `verify` of the example bundle in docs/contoh, and a
#     signed-in command (`operator list`: the password's hash and the store opened), against
#     `java -version` as the bare JVM.
# The phase lines come from BERKAS_DESA_TRACE=1 (names and times only, on standard error).
# Usage: installer/startup-bench.sh [ROUNDS] [STORE_DIR] [JAVA_COMMAND]
#   ROUNDS defaults to 5; STORE_DIR defaults to a new demo store of 20,000 households and 2,000
#   requests (about a minute to make) whose Administrator is admin / $BERKAS_DESA_PASSWORD;
#   JAVA_COMMAND defaults to `java -jar target/berkas-desa.jar` with the class-data archive the
#   launcher uses (target/berkas-desa.jsa, made first by `class-archive`) and its compiler thresholds;
#   give the installed launcher to time a package, NOCDS=1 to time the jar without the archive, or
#   NOJIT=1 without the thresholds. A STORE_DIR of your own needs BERKAS_DESA_USER and
#   BERKAS_DESA_PASSWORD set.
# Needs: Xvfb, xdotool (apt-get install -y xvfb xdotool libgtk-3-0), after ./mvnw -DskipTests package.
# The export / verify --key row of 500 requests is `bench-bundle` (README, Benchmark): 1.35 GB of scans.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
STORE=${2:-}
CDS="-XX:SharedArchiveFile=target/berkas-desa.jsa -XX:+VerifySharedSpaces -Xlog:cds=off -Xlog:cds+dynamic=off"
[ -z "${NOCDS:-}" ] || CDS=""
# the installed launcher's compiler thresholds (installer/jpackage/launcher.txt), so the jar is timed as it starts
JIT=$(sed -n 's/^--java-options \(-XX:\(Tier4\|CompileCommand\)[^ ]*\)$/\1/p' installer/jpackage/launcher.txt | tr '\n' ' ')
[ -n "$JIT" ] || { echo "no compiler thresholds in installer/jpackage/launcher.txt" >&2; exit 2; }
[ -z "${NOJIT:-}" ] || JIT=""
APP=${3:-java $CDS $JIT -jar target/berkas-desa.jar}
export BERKAS_DESA_USER=${BERKAS_DESA_USER:-admin}
export BERKAS_DESA_PASSWORD=${BERKAS_DESA_PASSWORD:-kuda lari pagi hujan 42}
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y xvfb xdotool libgtk-3-0" >&2; exit 2; }; done

# the bare window, as a jar whose manifest points at the same JavaFX jars as the app's
mkdir -p target/bare
FX=$(ls target/lib/javafx-*.jar | tr '\n' ':')
javac -d target/bare -cp "$FX" installer/startup/BareWindow.java
{ echo "Main-Class: BareWindow"; echo "Class-Path: $(cd target && ls lib/javafx-*.jar | tr '\n' ' ')"; } > target/bare/MANIFEST.MF
jar cfm target/bare-window.jar target/bare/MANIFEST.MF -C target/bare BareWindow.class -C target/bare 'BareWindow$App.class'

if [ -n "$CDS" ] && [ -z "${3:-}" ]; then
  # shellcheck disable=SC2086
  java $CDS -jar target/berkas-desa.jar class-archive >/dev/null
fi

WORK=$(mktemp -d)
if [ -z "$STORE" ]; then
  STORE=$WORK/store
  echo "making a demo store of 20,000 households and 2,000 requests in $STORE ..." >&2
  java -jar target/berkas-desa.jar --data-dir "$STORE" demo --households 20000 --requests 2000 >/dev/null
fi

DISPLAY_NO=:79
Xvfb $DISPLAY_NO -screen 0 1366x768x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$WORK"' EXIT
export DISPLAY=$DISPLAY_NO
sleep 1

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# ms from start to a visible window whose name contains $1; the rest is the command
window_ms() {
  local title=$1; shift
  local t0 t1 pid
  t0=$(now)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
    sleep 0.005
    kill -0 $pid 2>/dev/null || { echo "process ended before its window" >&2; return 1; }
  done
  t1=$(now)
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  ms "$t0" "$t1"
}

# each line of standard input, prefixed with the clock when it arrived (no polling: a blocking read)
stamp() { while IFS= read -r line; do echo "$(date +%s%N) $line"; done; }

# the arrival time of the first line matching $2 in stamped file $1, waiting for it (or process $3's end)
wait_line() {
  until grep -q "$2" "$1" 2>/dev/null; do
    sleep 0.05 # the time is the line's stamp, not this check's: a slow poll costs the app nothing
    kill -0 "$3" 2>/dev/null || grep -q "$2" "$1" 2>/dev/null || { echo "process ended before '$2'" >&2; return 1; }
  done
  grep -m1 "$2" "$1" | cut -d' ' -f1
}

# launch -> sign-in form, then the sign-in typed and Enter -> the home screen's numbers: "FORM ENTER"
signin_ms() {
  local log=$WORK/signin.log t0 t1 t2 t3 pid
  rm -f "$log"
  t0=$(now)
  # shellcheck disable=SC2086
  (BERKAS_DESA_TRACE=1 $APP --data-dir "$STORE" --exit-after-dashboard 2>&1 | stamp >"$log") &
  pid=$!
  t1=$(wait_line "$log" "trace signin-shown" $pid)
  sleep 2 # a person reads the form and types: the app is idle (or warming up) meanwhile
  xdotool search --onlyvisible --name "Berkas Desa" windowactivate --sync >/dev/null 2>&1 || true
  xdotool type --delay 20 "$BERKAS_DESA_USER"
  xdotool key Tab
  xdotool type --delay 20 "$BERKAS_DESA_PASSWORD"
  t2=$(now)
  xdotool key Return
  t3=$(wait_line "$log" start_to_dashboard $pid)
  wait $pid 2>/dev/null || true
  echo "$(ms "$t0" "$t1") $(ms "$t2" "$t3")"
}

# a new, empty data folder -> its setup form on screen
setup_ms() {
  local log=$WORK/setup.log dir=$WORK/new-$RANDOM t0 t1 pid
  rm -f "$log"
  t0=$(now)
  # shellcheck disable=SC2086
  (BERKAS_DESA_TRACE=1 $APP --data-dir "$dir" 2>&1 | stamp >"$log") &
  pid=$!
  t1=$(wait_line "$log" "trace setup-shown" $pid)
  pkill -f -- "--data-dir $dir" 2>/dev/null || true
  wait $pid 2>/dev/null || true
  rm -rf "$dir"
  ms "$t0" "$t1"
}

# one whole command, start to exit
cmd_ms() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>&1 || true
  t1=$(now)
  ms "$t0" "$t1"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
row() { # name, values...
  local name=$1; shift
  printf '%-28s median %6s ms   (%s)\n' "$name" "$(printf '%s\n' "$@" | median)" "$*"
}

EXAMPLE=$(ls docs/contoh/*.zip | grep -v balasan | head -1)
bare=(); app=(); form=(); enter=(); setup=(); jvm=(); nik=(); verify=(); signed=()
for i in $(seq "$ROUNDS"); do
  bare+=("$(window_ms "Bare JavaFX window" java -jar target/bare-window.jar)")
  # shellcheck disable=SC2086
  app+=("$(window_ms "Berkas Desa" $APP --data-dir "$STORE")")
  s=$(signin_ms); form+=("${s%% *}"); enter+=("${s##* }")
  setup+=("$(setup_ms)")
  jvm+=("$(cmd_ms java -version)")
  # shellcheck disable=SC2086
  nik+=("$(cmd_ms $APP nik 3201014101900001)")
  # shellcheck disable=SC2086
  verify+=("$(cmd_ms $APP verify "$EXAMPLE")")
  # shellcheck disable=SC2086
  signed+=("$(cmd_ms $APP --data-dir "$STORE" operator list)")
done
echo "rounds: $ROUNDS; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
row "bare JavaFX window" "${bare[@]}"
row "app first window" "${app[@]}"
row "launch -> sign-in form" "${form[@]}"
row "Enter -> home numbers" "${enter[@]}"
row "new folder -> setup form" "${setup[@]}"
row "bare JVM (java -version)" "${jvm[@]}"
row "nik" "${nik[@]}"
row "verify (example bundle)" "${verify[@]}"
row "operator list (signed in)" "${signed[@]}"
mb=$(printf '%s\n' "${bare[@]}" | median); ma=$(printf '%s\n' "${app[@]}" | median)
awk -v b="$mb" -v a="$ma" 'BEGIN { printf "first window ratio app / bare: %.2f\n", a / b }'
