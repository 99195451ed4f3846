#!/usr/bin/env bash
# Compile the Wine-only stand-ins into OUT (a Wine prefix's drive_c/windows/system32).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build.sh WINEPREFIX/drive_c/windows/system32}"
cc=x86_64-w64-mingw32-gcc
"$cc" -O2 -shared -Wall -Wextra -o "$out/icuuc.dll" "$here/icuuc.c" -Wl,--kill-at
"$cc" -O2 -shared -Wall -Wextra -o "$out/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32 -Wl,--kill-at
