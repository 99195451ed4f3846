#!/usr/bin/env bash
# Prove the Windows installer under Wine, as a new office would meet it:
#
#   bash packaging/windows/test-installer.sh [dist/ClusterDesktopSetup-<version>.exe]
#
# In a fresh Wine prefix: a silent install without and then with /CENTRECERT= (TPO's certificate
# shipped to a province), checks of the program folder, Start-menu entry, uninstall key and .bundle
# association; the installed cluster-desktop.exe --self-check with its output in a file (UTF-8 through
# Windows' narrow streams); a provincial office set up in a data folder with a Persian name and a %
# sign, whose bundle a Linux centre (this checkout's .venv) imports; the log file; then the silent
# uninstall, which must remove program, Start-menu entry, association and uninstall key and keep the
# data. Sizes and times go to build/windows/install-test.json.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=wine-env.sh
. "$HERE/wine-env.sh"

VENV_PY="$ROOT/.venv/bin/python"
VERSION="$("$VENV_PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
SETUP="$(realpath "${1:-$ROOT/dist/ClusterDesktopSetup-$VERSION.exe}")"
[ -f "$SETUP" ] || die "no installer at $SETUP: run packaging/windows/build-on-linux.sh first"
W="$ROOT/build/windows"
T="$W/install-test"
rm -rf "$T"; mkdir -p "$T"
exec > >(tee "$W/install-test.log") 2>&1
T0=$SECONDS
PW="install-test-pass-1"
APP_ID='{6C1D2F0E-7B2A-4D7E-9A51-3C6F0B8E2D41}_is1'
UNINSTALL_KEY="HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$APP_ID"
CENTRE_LINUX=(.venv/bin/cluster-desktop --data-dir "$T/centre")

install_wine_packages
find_wine
start_display
trap stop_display EXIT

step "Wine prefix" make_prefix "$W/test-prefix"
APPDIR="$WINEPREFIX/drive_c/Program Files/Cluster Desktop"
SHARED="$WINEPREFIX/drive_c/ProgramData/TPO/ClusterDesktop"
STARTMENU="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/میزکار خوشه.lnk"
EXE='C:\Program Files\Cluster Desktop\cluster-desktop.exe'
# A data folder a Windows user may well have: Persian words, spaces, a ZWNJ and a percent sign.
DATA_WIN='C:\users\Public\داده‌های اداره ۱۰۰% کامل'
DATA_LINUX="$WINEPREFIX/drive_c/users/Public/داده‌های اداره ۱۰۰% کامل"

centre() {
  "${CENTRE_LINUX[@]}" setup --office central --admin admin --password-stdin <<<"$PW" >/dev/null
  "${CENTRE_LINUX[@]}" --user admin --password-stdin keys export-certificate "$T/tpo-certificate.json" <<<"$PW" >/dev/null
  say "Linux centre set up in $T/centre; its certificate: $T/tpo-certificate.json"
}
step "a central office on Linux" centre

# 64-bit reg.exe: the 32-bit one sees only the WOW6432Node view of HKLM\Software.
# Wine gives a Windows program an invalid handle for a standard stream that is a regular Linux file
# ("init_sys_streams: can't initialize sys standard streams: [WinError 6]"), so every run below talks
# through pipes: wrun OUT ERR [INPUT] -- PROGRAM ARGS...
wrun() {
  local out="$1" err="$2" input="$3" rc; shift 4
  set +e
  printf '%s\n' "$input" | "$WINE64" "$@" 2> >(cat > "$err") | cat > "$out"
  rc=${PIPESTATUS[1]}
  set -e
  sleep 0.2  # let the stderr copy finish before anyone reads it
  return "$rc"
}

reg_has() { "$WINE64" reg query "$1" >/dev/null 2>&1; }

install_plain() {
  wine "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=$(winpath "$T/install-1.log")"
  wineserver -w
  [ -f "$APPDIR/cluster-desktop.exe" ] && [ -f "$APPDIR/ClusterDesktop.exe" ] || die "program not installed in $APPDIR"
  [ -f "$STARTMENU" ] || die "no Start-menu entry at $STARTMENU"
  reg_has "$UNINSTALL_KEY" || die "no uninstall key $UNINSTALL_KEY"
  reg_has 'HKLM\Software\Classes\.bundle' || die ".bundle is not associated"
  "$WINE64" reg query 'HKLM\Software\Classes\ClusterDesktop.Bundle\shell\open\command' /ve | grep -q 'ClusterDesktop.exe' \
    || die ".bundle does not open ClusterDesktop.exe"
  [ ! -e "$SHARED/centre-certificate.json" ] || die "a centre certificate was installed although none was given"
  say "installed: $(du -sm "$APPDIR" | cut -f1) MB in Program Files, Start-menu entry, uninstall key, .bundle association; no centre certificate"
}
step "silent install without /CENTRECERT" install_plain

install_with_cert() {
  wine "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/CENTRECERT=$(winpath "$T/tpo-certificate.json")" \
    "/LOG=$(winpath "$T/install-2.log")"
  wineserver -w
  cmp -s "$SHARED/centre-certificate.json" "$T/tpo-certificate.json" || die "/CENTRECERT= did not install TPO's certificate"
  say "reinstalled over the first with /CENTRECERT=: $SHARED/centre-certificate.json is TPO's certificate"
}
step "silent install with /CENTRECERT=" install_with_cert

self_check() {
  # Output redirected to a file by cmd.exe, as an administrator on Windows does: the standard
  # streams are a Windows file handle in the ANSI code page, and the program must write UTF-8 there.
  local pub="$WINEPREFIX/drive_c/users/Public" rc=0
  printf '@echo off\r\n"C:\\Program Files\\Cluster Desktop\\cluster-desktop.exe" --self-check > C:\\users\\Public\\self-check.txt 2>&1\r\nexit /b %%ERRORLEVEL%%\r\n' \
    > "$pub/self-check.cmd"
  set +e
  "$WINE64" cmd /c 'C:\users\Public\self-check.cmd' < /dev/null 2>&1 | cat
  rc=${PIPESTATUS[0]}
  set -e
  cp "$pub/self-check.txt" "$T/self-check.txt"
  cat "$T/self-check.txt"
  [ "$rc" = 0 ] || die "installed --self-check exited $rc"
  grep -q "self-check passed" "$T/self-check.txt" || die "self-check output incomplete"
  grep -q "(frozen," "$T/self-check.txt" || die "the self-check did not run the frozen program"
  grep -q "→" "$T/self-check.txt" || die "the arrow did not survive the redirected stream"
  "$VENV_PY" -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$T/self-check.txt" \
    || die "the self-check output is not UTF-8"
}
step "installed --self-check, output in a file" self_check

province() {
  local pub="$WINEPREFIX/drive_c/users/Public"
  wrun "$T/province-demo.txt" "$T/province-demo.err" "$PW" -- "$EXE" --data-dir "$DATA_WIN" demo \
    --office province --province IR-07 --admin admin --password-stdin --clusters 8 \
    || { cat "$T/province-demo.txt" "$T/province-demo.err"; die "province demo failed"; }
  grep -q "TPO" "$T/province-demo.txt" || say "(setup output: $(head -3 "$T/province-demo.txt"))"
  wrun "$T/provinces.txt" "$T/provinces.err" "" -- "$EXE" --data-dir "$DATA_WIN" reference provinces \
    || die "reference provinces failed (see $T/provinces.err)"
  grep -q "اصفهان" "$T/provinces.txt" || die "Persian names did not reach the output"
  wrun "$T/cert.txt" "$T/cert.err" "$PW" -- "$EXE" --data-dir "$DATA_WIN" --user admin --password-stdin \
    keys export-certificate 'C:\users\Public\IR-07-certificate.json' || { cat "$T/cert.err"; die "certificate export failed"; }
  wrun "$T/export.json" "$T/export.err" "$PW" -- "$EXE" --data-dir "$DATA_WIN" --user admin --password-stdin \
    bundle export 'C:\users\Public\IR-07-to-TPO.bundle' --json || { cat "$T/export.err"; die "bundle export failed"; }
  [ -f "$pub/IR-07-to-TPO.bundle" ] || die "no bundle written"
  [ -f "$DATA_LINUX/cluster-desktop.sqlite3" ] || die "no database in the Persian data folder"
  grep -q "start demo" "$DATA_LINUX/logs/cluster-desktop.log" && grep -q "exported bundle" "$DATA_LINUX/logs/cluster-desktop.log" \
    || die "the log lacks the start or the export"
  ! grep -q "$PW" "$DATA_LINUX/logs/cluster-desktop.log" || die "a password reached the log"
  # The default data folder (%LOCALAPPDATA%\TPO\ClusterDesktop), which uninstalling must keep too.
  wrun "$T/criteria.txt" "$T/criteria.err" "" -- "$EXE" reference criteria || die "reference criteria failed"
  say "province office IR-07 in «$DATA_WIN»: demo, Persian output, bundle $(stat -c %s "$pub/IR-07-to-TPO.bundle") bytes, log written"
}
step "a provincial office under Wine (Persian % data folder)" province

centre_import() {
  "${CENTRE_LINUX[@]}" --user admin --password-stdin trust add "$WINEPREFIX/drive_c/users/Public/IR-07-certificate.json" <<<"$PW" >/dev/null
  "${CENTRE_LINUX[@]}" --user admin --password-stdin bundle import "$WINEPREFIX/drive_c/users/Public/IR-07-to-TPO.bundle" --json \
    <<<"$PW" > "$T/import.json" || die "the Linux centre refused the Windows province's bundle"
  "$VENV_PY" - "$T/import.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["applied"] and r["sender"]["office_id"] == "IR-07", r
assert r["dossiers"], "no dossier arrived"
print(f"imported at the Linux centre: {len(r['dossiers'])} dossiers, {sum(r['record_counts'].values())} records from IR-07")
PYEOF
}
step "the Linux centre imports the Windows bundle" centre_import

uninstall() {
  local data_default="$WINEPREFIX/drive_c/users/${USER:-$(id -un)}/AppData/Local/TPO/ClusterDesktop"
  [ -d "$data_default" ] || data_default="$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Local/TPO/ClusterDesktop' -maxdepth 6 | head -1)"
  [ -n "$data_default" ] && [ -f "$data_default/cluster-desktop.sqlite3" ] || die "no default data folder before uninstalling"
  wine "$APPDIR/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
  wineserver -w
  sleep 2  # the uninstaller finishes in a copy of itself that deletes the original
  wineserver -w
  [ ! -e "$APPDIR/cluster-desktop.exe" ] && [ ! -e "$APPDIR/_internal" ] || die "program files left in $APPDIR"
  [ ! -e "$STARTMENU" ] || die "the Start-menu entry is still there"
  ! reg_has "$UNINSTALL_KEY" || die "the uninstall key is still there"
  ! reg_has 'HKLM\Software\Classes\ClusterDesktop.Bundle' || die "the .bundle association is still there"
  [ -f "$DATA_LINUX/cluster-desktop.sqlite3" ] && [ -f "$data_default/cluster-desktop.sqlite3" ] \
    || die "uninstalling removed office data"
  say "uninstalled: program, Start-menu entry, association and uninstall key gone; both data folders kept"
}
step "silent uninstall keeps the data" uninstall

total=$((SECONDS - T0))
"$VENV_PY" - "$W/install-test.json" "$SETUP" "$total" "${STEP_TIMES[@]}" <<'PYEOF'
import json, os, sys
out, setup, total, *steps = sys.argv[1:]
json.dump({"setup": os.path.basename(setup), "setup_bytes": os.path.getsize(setup),
           "total_seconds": int(total), "steps": steps}, open(out, "w"), indent=2)
PYEOF
cat "$W/install-test.json"
say "installer proven in ${total} s"
