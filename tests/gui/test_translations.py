"""Every user-visible string is translated to Persian, compiled, and English remains available."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402


def test_no_unfinished_persian_translation() -> None:
    problems = translations.check()
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    for ts in sorted(translations.TS_DIR.glob("*.ts")):
        out = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [translations._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(out)], check=True
        )
        assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"{ts.name}: run translations.py release"
        )


def test_english_for_support_staff(qapp, workspace, province_admin, qtbot) -> None:
    from cluster_desktop.gui.application import setup_application
    from cluster_desktop.gui.context import AppContext
    from cluster_desktop.gui.mainwindow import MainWindow

    setup_application("en", qapp)
    try:
        win = MainWindow(AppContext(workspace, province_admin, "en"))
        qtbot.addWidget(win)
        titles = [win.nav.topLevelItem(i).text(0) for i in range(win.nav.topLevelItemCount())]
        assert "Phase 1: review and evaluation" in titles
        assert win.menuBar().actions()[0].text() == "&File"
    finally:
        setup_application("fa", qapp)


@pytest.mark.parametrize("lang", ["fa"])
def test_persian_shows_persian(ctx, qtbot, lang) -> None:
    from cluster_desktop.gui.mainwindow import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.menuBar().actions()[0].text() == "&پرونده"
