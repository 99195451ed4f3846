"""The Windows build made on Linux (packaging/windows/): the short checks run in every suite; building
and proving the real installer under Wine is opt-in (``pytest -m windows``, several minutes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from cluster_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
WIN = ROOT / "packaging" / "windows"


def test_windows_pins_are_the_tested_versions_and_include_tzdata() -> None:
    out = subprocess.run(
        [sys.executable, str(WIN / "requirements.py")], capture_output=True, text=True, check=True
    ).stdout
    pins = dict(line.split("==", 1) for line in out.split() if "==" in line)
    names = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    # the releases the tests ran against, not whatever is newest on PyPI
    for dist in (
        "PySide6-Essentials",
        "PySide6-Addons",
        "SQLAlchemy",
        "alembic",
        "cryptography",
        "pyrage",
        "reportlab",
    ):
        assert names[dist.lower()] == metadata.version(dist), dist
    # Windows-only: the time-zone database and what PyInstaller needs there
    assert "tzdata" in names
    assert re.search(r"^pefile", out, re.M) and re.search(r"^pywin32-ctypes", out, re.M)
    assert "pytest" not in names and "ruff" not in names  # test tools stay out of the program


def test_persian_installer_messages_are_complete_and_right_to_left() -> None:
    raw = (WIN / "Persian.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert re.search(r"^RightToLeft=yes", text, re.M) and re.search(r"^LanguageID=\$0429", text, re.M)
    keys = re.findall(r"^(\w+)=", text, re.M)
    assert len(keys) >= 278 and len(keys) == len(set(keys))
    assert "ي" not in text and "ك" not in text  # Persian ی and ک, never the Arabic letters
    iss = (WIN / "cluster-desktop.iss").read_text(encoding="utf-8-sig")
    assert 'Name: "fa"; MessagesFile: "Persian.isl"' in iss
    assert iss.index('Name: "fa"') < iss.index('Name: "en"')  # Persian is the default language


def test_bundle_files_are_associated_with_the_windowed_program() -> None:
    iss = (WIN / "cluster-desktop.iss").read_text(encoding="utf-8-sig")
    assert "ChangesAssociations=yes" in iss
    assert re.search(r'Subkey: "Software\\Classes\\\.bundle"; .*ValueData: "ClusterDesktop\.Bundle"', iss)
    assert '"""{app}\\{#GuiExe}"" ""%1"""' in iss


def test_wine_standins_are_never_shipped() -> None:
    spec = (ROOT / "packaging" / "cluster-desktop.spec").read_text(encoding="utf-8")
    assert "standin" not in spec.lower() and "icuuc" not in spec
    build = (WIN / "build-on-linux.sh").read_text(encoding="utf-8")
    assert "a Wine stand-in DLL reached the build folder" in build


@pytest.mark.skipif(shutil.which("x86_64-w64-mingw32-gcc") is None, reason="mingw-w64 is not installed")
def test_wine_standins_compile_with_the_exports_qt_and_rust_import(tmp_path: Path) -> None:
    subprocess.run(["bash", str(WIN / "wine-standins" / "build.sh"), str(tmp_path)], check=True)
    dump = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(tmp_path / "bcryptprimitives.dll")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ProcessPrng" in dump
    icu = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(tmp_path / "icuuc.dll")], capture_output=True, text=True
    ).stdout
    for name in (
        "ucnv_open",
        "ucnv_close",
        "ucnv_toUnicode",
        "ucnv_fromUnicode",
        "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    ):
        assert name in icu, name


def test_xwd_dumps_become_png(tmp_path: Path) -> None:
    """The installer screenshots' converter, on a 2×1 dump of the kind Xvfb writes (24-bit, LSB first)."""
    import struct

    from PIL import Image

    header = struct.pack(
        ">25I", 100, 7, 2, 24, 2, 1, 0, 0, 32, 0, 32, 24, 8, 4, 0xFF0000, 0xFF00, 0xFF, 8, 0, 0, 2, 1, 0, 0, 0
    )
    xwd = tmp_path / "s.xwd"
    xwd.write_bytes(header + bytes([0, 0, 255, 0, 255, 0, 0, 0]))  # red, green (as BGR) + padding
    subprocess.run([sys.executable, str(WIN / "xwd2png.py"), str(xwd), str(tmp_path / "s.png")], check=True)
    png = Image.open(tmp_path / "s.png")
    assert (png.getpixel((0, 0)), png.getpixel((1, 0))) == ((255, 0, 0), (0, 255, 0))


@pytest.mark.windows
@pytest.mark.slow
def test_the_windows_installer_builds_installs_runs_and_uninstalls_under_wine() -> None:
    """The real thing (needs Debian's Wine; the scripts install it): build, then the install test."""
    setup = ROOT / "dist" / f"ClusterDesktopSetup-{__version__}.exe"
    if not setup.exists() or os.environ.get("CLUSTER_DESKTOP_REBUILD_WINDOWS"):
        subprocess.run(["bash", str(WIN / "build-on-linux.sh")], check=True, timeout=3600)
    assert setup.stat().st_size > 30_000_000
    subprocess.run(["bash", str(WIN / "test-installer.sh"), str(setup)], check=True, timeout=1800)
    summary = json.loads((ROOT / "build" / "windows" / "install-test.json").read_text(encoding="utf-8"))
    assert summary["setup"] == setup.name and len(summary["steps"]) == 8
