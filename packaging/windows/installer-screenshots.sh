#!/usr/bin/env bash
# Screenshots of the Persian installer's pages, drawn by Wine on a virtual X display:
#
#   bash packaging/windows/installer-screenshots.sh [SETUP.exe] [OUT_DIR]   (default docs/screenshots)
#
# Starts the setup in Persian (/LANG=fa) in a fresh Wine prefix, photographs each wizard page and
# presses Enter (Next) until the last page, then stops the setup before it would start the program.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=wine-env.sh
. "$HERE/wine-env.sh"
WIN_DEB_PACKAGES="$WIN_DEB_PACKAGES xdotool x11-apps"

VENV_PY="$ROOT/.venv/bin/python"
VERSION="$("$VENV_PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
SETUP="$(realpath "${1:-$ROOT/dist/ClusterDesktopSetup-$VERSION.exe}")"
OUT="$(realpath -m "${2:-$ROOT/docs/screenshots}")"
[ -f "$SETUP" ] || die "no installer at $SETUP"
mkdir -p "$OUT"
install_wine_packages
find_wine
start_display
trap 'wineserver -k 2>/dev/null || true; stop_display' EXIT
make_prefix "$ROOT/build/windows/shots-prefix"

shot() {
  local name="$1" tmp
  tmp="$(mktemp --suffix=.xwd)"
  xwd -root -silent > "$tmp"
  # Only the wizard: crop to its window.
  local id geo
  id="$(xdotool search --onlyvisible --class "setup" 2>/dev/null | tail -1 || true)"
  "$VENV_PY" "$HERE/xwd2png.py" "$tmp" "$OUT/$name.png"
  if [ -n "$id" ]; then
    geo="$(xdotool getwindowgeometry --shell "$id")"
    eval "$geo"
    "$VENV_PY" -c 'import sys; from PIL import Image; x,y,w,h=map(int,sys.argv[2:6]); Image.open(sys.argv[1]).crop((x,y,x+w,y+h)).save(sys.argv[1])' \
      "$OUT/$name.png" "$X" "$Y" "$WIDTH" "$HEIGHT"
  fi
  rm -f "$tmp"
  say "photographed $name"
}

wine "$SETUP" /LANG=fa > /dev/null 2>&1 &
for _ in $(seq 60); do
  xdotool search --onlyvisible --name "نصب" >/dev/null 2>&1 && break
  xdotool search --onlyvisible --class "setup" >/dev/null 2>&1 && break
  sleep 1
done
sleep 3
pages=(installer-1-folder installer-2-tasks installer-3-ready)
for page in "${pages[@]}"; do
  shot "$page"
  xdotool key --clearmodifiers Return
  sleep 3
done
# Installing, then the last page (with "start the program" ticked: the setup is stopped there).
for _ in $(seq 60); do
  sleep 2
  title="$(xdotool getactivewindow getwindowname 2>/dev/null || true)"
  [ -f "$WINEPREFIX/drive_c/Program Files/Cluster Desktop/unins000.exe" ] && break
done
sleep 4
shot installer-4-finished
wineserver -k || true
say "screenshots in $OUT"
