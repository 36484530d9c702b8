#!/usr/bin/env bash
# What CI checks of the Linux package (after `./mvnw -Pinstaller package`): it installs, the installed
# `berkas-desa` answers on the PATH, the window opens under Xvfb, the package removes cleanly, and the
# user's data folder is still there afterwards. Run as root or with sudo; installs Xvfb if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
DEB=$(ls target/installer/berkas-desa_*_amd64.deb)

if ! command -v Xvfb >/dev/null; then
  $SUDO apt-get update -q && $SUDO apt-get install -y -q xvfb
fi
# apt resolves the package's Depends (libgtk-3-0, libgl1, …) where dpkg -i would stop
$SUDO apt-get install -y -q "./$DEB"

# a fresh user data folder for this check (the app follows XDG_DATA_HOME on Linux)
export XDG_DATA_HOME
XDG_DATA_HOME=$(mktemp -d)
test "$(command -v berkas-desa)" = /usr/bin/berkas-desa
# the launcher is build-linux.sh's script (jpackage's asks the package database at every start)
head -1 /opt/berkas-desa/bin/berkas-desa | grep -q '^#!/bin/sh' || { echo "check-deb: jpackage's launcher" >&2; exit 1; }
berkas-desa --version | grep -q '^Berkas Desa '
berkas-desa nik 3201015708850003 | grep -q '"verdict":"valid"'
berkas-desa demo --households 3 --seed 1 >/dev/null
DATA="$XDG_DATA_HOME/berkas-desa"
# the store is encrypted, its key wrapped in kunci.json beside it; nothing of the data in clear
test -f "$DATA/berkas-desa-terenkripsi.mv.db"
test -f "$DATA/kunci.json"
if grep -q "DESA CONTOH" "$DATA/berkas-desa-terenkripsi.mv.db"; then
  echo "check-deb: the store holds its data in clear" >&2
  exit 1
fi

Xvfb :77 -screen 0 1366x768x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
shown=$(DISPLAY=:77 timeout 60 berkas-desa --exit-after-shown)
echo "$shown"
grep -q '"first_window_ms"' <<<"$shown"

# the post-install step made the class-data archive the launcher maps; one cut short or with changed
# bytes only costs the start its speed (the JVM refuses it and loads the classes from the jars)
JSA=/opt/berkas-desa/lib/app/berkas-desa.jsa
test -s "$JSA"
$SUDO cp "$JSA" "$XDG_DATA_HOME/jsa.bak"
$SUDO truncate -s 1000000 "$JSA"
berkas-desa nik 3201015708850003 | grep -q '"verdict":"valid"'
DISPLAY=:77 timeout 60 berkas-desa --exit-after-shown | grep -q '"first_window_ms"'
$SUDO cp "$XDG_DATA_HOME/jsa.bak" "$JSA"

$SUDO apt-get remove -y -q berkas-desa >/dev/null
test ! -e /usr/bin/berkas-desa
test ! -e /opt/berkas-desa/bin/berkas-desa
test ! -e "$JSA"
test -f "$DATA/berkas-desa-terenkripsi.mv.db"
echo "check-deb: installed, ran, showed the window, removed; the data folder is still there"
