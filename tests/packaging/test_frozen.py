"""The frozen Linux bundle: built once per session with the project's own spec, then run offscreen.

Skipped when PyInstaller is absent; ``pip install -e .[test,package]`` (the README's test command)
installs it, so the default suite builds. Set CLUSTER_DESKTOP_PACKAGING_REPORT=FILE to get the
measurements (build time, bundle size, start-up times) as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[package]')")

from cluster_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build as packaging_build  # noqa: E402

pytestmark = [pytest.mark.packaging, pytest.mark.slow]
MEASURED: dict[str, float] = {}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    out = tmp_path_factory.mktemp("frozen")
    started = time.time()
    try:
        result = packaging_build.build(out / "dist", out / "work")
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"PyInstaller failed (exit {exc.returncode})")
    result["started"] = started
    MEASURED["build_seconds"] = float(result["build_seconds"])  # type: ignore[arg-type]
    MEASURED["bundle_mb"] = round(int(result["size_bytes"]) / 1e6, 1)  # type: ignore[call-overload]
    yield result
    report = os.environ.get("CLUSTER_DESKTOP_PACKAGING_REPORT")
    if report:
        Path(report).write_text(json.dumps(MEASURED, indent=2), encoding="utf-8")


def run(
    exe: object, *args: str, stdin: str = "", timeout: float = 300
) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(exe), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=Path(str(exe)).parent.parent,
    )
    return proc, time.perf_counter() - t0


def test_bundle_holds_the_application_files_and_no_qml(bundle: dict[str, object]) -> None:
    internal = Path(str(bundle["bundle"])) / "_internal"
    assert (internal / "resources" / "fonts" / "Vazirmatn-Regular.ttf").is_file()
    assert (internal / "resources" / "reference" / "provinces_extended.csv").is_file()
    assert (internal / "resources" / "icons" / "cluster-desktop.png").is_file()
    assert (internal / "migrations" / "env.py").is_file()
    assert sorted(p.name[:4] for p in (internal / "migrations" / "versions").glob("0*.py"))[0] == "0001"
    assert list((internal / "ui").glob("*.ui")), "no Qt Designer forms in the bundle"
    # Every Persian .ts that existed when the build started is shipped compiled (others may be added
    # to the shared tree while the build runs); no .qm without its .ts.
    qm = {
        p.relative_to(internal / "resources").with_suffix("")
        for p in internal.glob("resources/translations/*/*.qm")
    }
    ts = {
        p.relative_to(ROOT / "resources").with_suffix(""): p
        for p in ROOT.glob("resources/translations/*/*.ts")
    }
    assert qm and qm <= set(ts)
    assert {k for k, p in ts.items() if p.stat().st_mtime < float(bundle["started"])} <= qm  # type: ignore[arg-type]
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "qml").exists() and not list(internal.rglob("libQt6Quick*"))
    assert {p.name for p in (qt / "translations").glob("*.qm")} <= {"qt_fa.qm", "qtbase_fa.qm"}
    for lib in ("libQt6Pdf", "libQt6PdfWidgets", "libQt6Svg", "libQt6PrintSupport", "libQt6Charts"):
        assert list(internal.rglob(f"{lib}.so*")), f"{lib} missing"
    # Of PySide6-Addons only Qt Charts is shipped: no other module of that wheel, none of their Qt libraries
    addons = _addons_files()
    shipped = {p.relative_to(internal).as_posix() for p in (internal / "PySide6").rglob("*") if p.is_file()}
    assert "PySide6/QtCharts.abi3.so" in shipped
    others = {f for f in addons if "Charts" not in f and f.startswith("PySide6/") and ".so" in f}
    assert not shipped & others, sorted(shipped & others)[:10]


def _addons_files() -> set[str]:
    from importlib import metadata

    return {f.as_posix() for f in metadata.files("PySide6-Addons") or []}


def test_frozen_version_starts(bundle: dict[str, object]) -> None:
    proc, seconds = run(bundle["executable"], "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"cluster-desktop {__version__}"
    MEASURED["version_seconds"] = round(seconds, 2)


def test_frozen_self_check_passes_offscreen(bundle: dict[str, object]) -> None:
    proc, seconds = run(bundle["executable"], "--self-check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "(frozen, UTF-8 mode," in proc.stdout and "self-check passed" in proc.stdout  # spec: X utf8
    MEASURED["self_check_seconds"] = round(seconds, 2)


def test_frozen_first_window_offscreen(bundle: dict[str, object], tmp_path: Path) -> None:
    # GIVEN an office set up by the frozen program itself
    data = tmp_path / "office"
    proc, _ = run(
        bundle["executable"],
        "--data-dir",
        str(data),
        "setup",
        "--office",
        "province",
        "--province",
        "IR-07",
        "--admin",
        "admin",
        "--password-stdin",
        stdin="frozen-pass-1\n",
    )
    assert proc.returncode == 0, proc.stderr
    # WHEN it starts and renders its main window offscreen, THEN the window is grabbed to a PNG
    png = tmp_path / "main.png"
    proc, seconds = run(bundle["executable"], "--data-dir", str(data), "screenshot", "main", str(png))
    assert proc.returncode == 0, proc.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    MEASURED["first_window_seconds"] = round(seconds, 2)
