#!/usr/bin/env bash
# Start-up as an operator sees it, timed from outside the process under Xvfb at 1366x768:
#  1. from `java -jar` to the first *visible* X window of the app, alternating round by round with a
#     bare JavaFX window launched the same way (installer/startup/BareWindow.java);
#  2. from `java -jar` to the home screen's numbers on screen, on STORE (the app, started with
#     --exit-after-dashboard, prints one line once the numbers are drawn; the line's arrival is
#     timed here, by this script's clock).
# Usage: installer/startup-bench.sh [ROUNDS] [STORE_DIR] [JAVA_COMMAND]
#   ROUNDS defaults to 10; STORE_DIR defaults to a fresh 300-household demo store; JAVA_COMMAND
#   defaults to `java -jar target/berkas-desa.jar` (give the installed launcher to time a package).
# Needs: Xvfb, xdotool (apt-get install -y xvfb xdotool libgtk-3-0), after ./mvnw -DskipTests package.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-10}
STORE=${2:-}
APP=${3:-java -jar target/berkas-desa.jar}
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y xvfb xdotool libgtk-3-0" >&2; exit 2; }; done

# the bare window, as a jar whose manifest points at the same JavaFX jars as the app's
mkdir -p target/bare
FX=$(ls target/lib/javafx-*.jar | tr '\n' ':')
javac -d target/bare -cp "$FX" installer/startup/BareWindow.java
{ echo "Main-Class: BareWindow"; echo "Class-Path: $(cd target && ls lib/javafx-*.jar | tr '\n' ' ')"; } > target/bare/MANIFEST.MF
jar cfm target/bare-window.jar target/bare/MANIFEST.MF -C target/bare BareWindow.class -C target/bare 'BareWindow$App.class'

if [ -z "$STORE" ]; then
  STORE=$(mktemp -d)
  java -jar target/berkas-desa.jar --data-dir "$STORE" demo --households 300 --requests 200 >/dev/null
fi

DISPLAY_NO=:79
Xvfb $DISPLAY_NO -screen 0 1366x768x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=$DISPLAY_NO
sleep 1

now() { date +%s%N; }

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
  echo $(( (t1 - t0) / 1000000 ))
}

# ms from start to the app's line saying the home screen's numbers are on screen
dashboard_ms() {
  local t0 t1 line
  t0=$(now)
  line=$($APP --data-dir "$STORE" --exit-after-dashboard 2>/dev/null | grep -m1 start_to_dashboard)
  t1=$(now)
  echo "$(( (t1 - t0) / 1000000 )) $line"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

bare=(); app=()
for i in $(seq "$ROUNDS"); do
  bare+=("$(window_ms "Bare JavaFX window" java -jar target/bare-window.jar)")
  # shellcheck disable=SC2086
  app+=("$(window_ms "Berkas Desa" $APP --data-dir "$STORE")")
done
dash=()
for i in $(seq "$ROUNDS"); do
  d=$(dashboard_ms)
  dash+=("${d%% *}")
  inside="${d#* }"
done
mb=$(printf '%s\n' "${bare[@]}" | median)
ma=$(printf '%s\n' "${app[@]}" | median)
md=$(printf '%s\n' "${dash[@]}" | median)
echo "bare window ms:  ${bare[*]}"
echo "app window ms:   ${app[*]}"
echo "home screen ms:  ${dash[*]}"
echo "last in-JVM line: $inside"
awk -v b="$mb" -v a="$ma" -v d="$md" -v n="$ROUNDS" 'BEGIN {
  printf "{\"rounds\": %d, \"bare_window_ms\": %d, \"app_window_ms\": %d, \"ratio\": %.2f, \"home_screen_ms\": %d}\n", n, b, a, a / b, d }'
