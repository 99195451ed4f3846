#!/usr/bin/env bash
# Install (or upgrade) the Linux bundle for every user of this PC; run as root.
#
#   sudo packaging/linux/install.sh dist/cluster-desktop [--centre-certificate FILE]
#   sudo packaging/linux/install.sh --uninstall
#
# The program goes to /opt/cluster-desktop, the menu entry and icon to /usr/share. Office data never
# lives here: each user's office is in ~/.local/share/ClusterDesktop and is neither touched by an
# upgrade nor removed by --uninstall. A TPO certificate given here is copied to
# /usr/local/share/ClusterDesktop/centre-certificate.json and enrolled when a provincial office is set up.
set -euo pipefail

PREFIX=/opt/cluster-desktop
SHARED=/usr/local/share/ClusterDesktop
HERE="$(cd "$(dirname "$0")" && pwd)"
ICON="$HERE/../../resources/icons/cluster-desktop.png"

uninstall() {
  rm -rf "$PREFIX"
  rm -f /usr/share/applications/cluster-desktop.desktop /usr/share/icons/hicolor/256x256/apps/cluster-desktop.png
  rm -f /usr/local/bin/cluster-desktop
  echo "removed $PREFIX; office data in each user's ~/.local/share/ClusterDesktop was kept"
}

[ "${1:-}" = "--uninstall" ] && { uninstall; exit 0; }
[ $# -ge 1 ] || { echo "usage: $0 BUNDLE_DIR [--centre-certificate FILE] | --uninstall" >&2; exit 2; }
BUNDLE="$1"; shift
CERT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --centre-certificate) CERT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$BUNDLE/cluster-desktop" ] || { echo "$BUNDLE/cluster-desktop not found (build it: packaging/build.sh)" >&2; exit 1; }
[ -f "$ICON" ] || ICON="$BUNDLE/_internal/resources/icons/cluster-desktop.png"

# Replace the program folder as a whole so no file of the previous version lingers.
rm -rf "$PREFIX.new"
cp -a "$BUNDLE" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/cluster-desktop" /usr/local/bin/cluster-desktop
install -Dm644 "$HERE/cluster-desktop.desktop" /usr/share/applications/cluster-desktop.desktop
install -Dm644 "$ICON" /usr/share/icons/hicolor/256x256/apps/cluster-desktop.png
if [ -n "$CERT" ]; then
  install -Dm644 "$CERT" "$SHARED/centre-certificate.json"
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
"$PREFIX/cluster-desktop" --version
