#!/usr/bin/env bash
# Set up Cluster Desktop from a source checkout on Debian/Ubuntu with Python 3.11:
# the system libraries Qt needs, a virtualenv in .venv, the package (and with --test, the test tools).
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
for arg in "$@"; do
  case "$arg" in
    --test) WITH_TEST=1 ;;
    *) echo "usage: scripts/install.sh [--test]" >&2; exit 2 ;;
  esac
done

# Qt's libraries (also offscreen) and poppler-utils (pdftoppm, used to look at printed PDFs); for the
# tests also the PostgreSQL server (the suite starts a throw-away cluster of its own with initdb/pg_ctl
# and runs the store, services, sync and central-screen tests on it as well as on SQLite) and GNU
# FriBidi's command (the reference the print bidi is tested against).
DEB_PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 poppler-utils"
[ "$WITH_TEST" = 1 ] && DEB_PACKAGES="$DEB_PACKAGES postgresql libfribidi-bin"
missing=""
for p in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "Please install these Debian packages first:$missing" >&2; exit 1
  fi
  # Another apt (an unattended upgrade, a second install) may hold the locks: wait for it.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if $SUDO apt-get -o DPkg::Lock::Timeout=60 update -qq \
      && DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=60 install -y -qq $missing >/dev/null; then
      break
    fi
    [ "$attempt" = 10 ] && { echo "apt-get failed; install these Debian packages:$missing" >&2; exit 1; }
    sleep 30
  done
fi

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$WITH_TEST" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test,package,postgres]"
else
  .venv/bin/python -m pip install -q -e .
fi
# Qt comes as three pinned wheels (pyproject.toml): Essentials, the PDF module and Addons, of which the
# program uses Qt Charts alone (the dashboards' charts). A partial download shows here, not at first start.
.venv/bin/python -c 'import PySide6.QtCharts, PySide6.QtPdfWidgets' \
  || { echo "Qt Charts (PySide6-Addons) or Qt PDF did not install; run scripts/install.sh again" >&2; exit 1; }
