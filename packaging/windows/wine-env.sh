# Sourced by build-on-linux.sh and test-installer.sh: Debian packages, a headless display and a Wine
# prefix that behaves like Windows 10 for our program.
# shellcheck shell=bash

WIN_DEB_PACKAGES="wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 osslsigncode xvfb xauth"

stamp() { date -u +%H:%M:%S; }
say() { printf '[%s] %s\n' "$(stamp)" "$*"; }
die() { printf '[%s] FAILED: %s\n' "$(stamp)" "$*" >&2; exit 1; }

# Time every step; the summary goes to the log and the README.
declare -a STEP_TIMES=()
step() {  # step NAME COMMAND...
  local name="$1"; shift
  local t0=$SECONDS
  say "── $name"
  "$@"
  local dt=$((SECONDS - t0))
  STEP_TIMES+=("$name: ${dt} s")
  say "   $name took ${dt} s"
}

install_wine_packages() {
  local missing="" p
  dpkg --print-foreign-architectures | grep -qx i386 || missing="i386-architecture"
  for p in $WIN_DEB_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && { say "Debian packages present: $WIN_DEB_PACKAGES"; return; }
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "install these Debian packages (as root):$missing"
    sudo=sudo
  fi
  say "installing Debian packages:$missing"
  $sudo dpkg --add-architecture i386
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends $WIN_DEB_PACKAGES >/dev/null
}

WINE64=""
find_wine() {
  WINE64="$(command -v wine64 || true)"
  [ -n "$WINE64" ] || WINE64=/usr/lib/wine/wine64
  [ -x "$WINE64" ] || die "wine64 not found"
  command -v wine >/dev/null || die "wine not found"
}

XVFB_PID=""
start_display() {
  # Wine draws its dialogs (and Inno Setup its wizard) on an X display; none exists here.
  local n
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
  done
  Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && return; sleep 0.1; done
  die "Xvfb did not start on :$n"
}

stop_display() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}

# make_prefix DIR: a new 64-bit prefix reporting Windows 10, with the Wine-only stand-in DLLs.
make_prefix() {
  export WINEPREFIX="$1" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  rm -rf "$WINEPREFIX"
  mkdir -p "$(dirname "$WINEPREFIX")"
  wineboot -i >/dev/null 2>&1 || die "wineboot failed for $WINEPREFIX"
  wine reg add 'HKCU\Software\Wine' /v Version /t REG_SZ /d win10 /f >/dev/null 2>&1
  wineserver -w
  bash "$HERE/wine-standins/build.sh" "$WINEPREFIX/drive_c/windows/system32"
  say "Wine prefix $WINEPREFIX (Windows 10), stand-ins icuuc.dll and bcryptprimitives.dll in its system32 only"
}

# winpath PATH: the Windows name of a Linux path (Wine maps / to Z:).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | sed 's#/#\\#g')"; }
