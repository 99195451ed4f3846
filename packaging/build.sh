#!/usr/bin/env bash
# Build the Linux one-folder bundle into dist/cluster-desktop (see packaging/build.py for options).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" -c 'import PyInstaller' 2>/dev/null || { echo "PyInstaller missing: $PY -m pip install -e '.[package]'" >&2; exit 1; }
exec "$PY" packaging/build.py "$@"
