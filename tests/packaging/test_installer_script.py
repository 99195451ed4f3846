"""The Windows installer script and the Linux desktop entry agree with the spec and the program.

The Inno Setup compiler does not run here (no Windows); these checks keep the script consistent with
what the spec builds and where the program looks for its files.
"""

from __future__ import annotations

import re
from pathlib import Path

from cluster_desktop import __version__, paths

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
ISS = PACKAGING / "windows" / "cluster-desktop.iss"
SPEC = PACKAGING / "cluster-desktop.spec"


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', text))


def test_inno_script_matches_the_spec_and_the_program() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Persian text only from UTF-8 with a BOM"
    text = raw.decode("utf-8-sig")
    d = _defines(text)
    spec = SPEC.read_text(encoding="utf-8")
    # the version, the bundle folder and both executables the spec builds on Windows
    assert d["AppVersion"] == __version__
    assert d["BundleDir"].endswith(r"dist\cluster-desktop") and 'APP = "cluster-desktop"' in spec
    assert d["CliExe"] == "cluster-desktop.exe" and d["GuiExe"] == "ClusterDesktop.exe"
    assert '_exe("ClusterDesktop", console=False)' in spec
    assert (ISS.parent / re.search(r"SetupIconFile=(.+)", text).group(1).strip().replace("\\", "/")).is_file()
    # per-machine, Start-menu entry in Persian that opens the windowed executable
    assert "PrivilegesRequired=admin" in text and r"DefaultDirName={autopf}" in text
    assert d["AppNameFa"] == "میزکار خوشه"
    assert re.search(r'Name: "\{autoprograms\}\\\{#AppNameFa\}"; Filename: "\{app\}\\\{#GuiExe\}"', text)
    # the centre certificate goes where the program looks for it (platformdirs site_data_dir)
    assert d["SharedDir"] == rf"{{commonappdata}}\{paths.APP_AUTHOR}\{paths.APP_NAME}"
    assert 'DestName: "centre-certificate.json"' in text and "{param:CENTRECERT|}" in text
    # the office data (per-user, outside {app}) is never deleted by the uninstaller
    uninstall = text.split("[UninstallDelete]", 1)[1].split("[", 1)[0]
    assert "localappdata" not in uninstall.lower() and "userappdata" not in uninstall.lower()
    assert all("{app}" in line for line in uninstall.splitlines() if line.startswith("Type:"))


def test_linux_desktop_entry_is_persian_and_points_at_the_install_script_prefix() -> None:
    entry = (PACKAGING / "linux" / "cluster-desktop.desktop").read_text(encoding="utf-8")
    install = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "Name[fa]=میزکار خوشه" in entry and "Icon=cluster-desktop" in entry
    prefix = re.search(r"^PREFIX=(\S+)", install, re.M).group(1)
    assert f"Exec={prefix}/cluster-desktop" in entry
    icons = Path(__file__).resolve().parents[2] / "resources" / "icons"
    assert {"cluster-desktop.svg", "cluster-desktop.png", "cluster-desktop.ico"} <= {
        p.name for p in icons.iterdir()
    }
