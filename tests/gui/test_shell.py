"""The application shell: every .ui loads, the main window navigates by the seed's phases, RTL Persian."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from cluster_desktop.gui.mainwindow import STEP_ROLE, MainWindow
from cluster_desktop.gui.uiloader import load_ui
from cluster_desktop.paths import ui_dir

UI_FILES = sorted(p.name for p in ui_dir().glob("*.ui"))


@pytest.mark.parametrize("name", UI_FILES)
def test_every_ui_file_loads(fa_app, name: str) -> None:
    form = load_ui(name)
    assert form is not None and form.objectName()


def test_main_window_is_right_to_left_persian(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    texts = [win.nav.topLevelItem(i).text(0) for i in range(win.nav.topLevelItemCount())]
    assert any("فاز" in t for t in texts), texts
    status = win.findChild(QLabel, "status_date").text()
    assert any(
        m in status
        for m in (
            "فروردین",
            "اردیبهشت",
            "خرداد",
            "تیر",
            "مرداد",
            "شهریور",
            "مهر",
            "آبان",
            "آذر",
            "دی",
            "بهمن",
            "اسفند",
        )
    ), status
    assert not any(c.isascii() and c.isdigit() for c in status)


def _phase(win: MainWindow, digit: str):  # type: ignore[no-untyped-def]
    return next(
        win.nav.topLevelItem(i)
        for i in range(win.nav.topLevelItemCount())
        if "فاز " + digit in win.nav.topLevelItem(i).text(0)
    )


def test_navigation_by_step_opens_the_step_reference(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    # P1-7 (sending approved plans to the centre) is done by a bundle: no view serves it
    step = next(
        c
        for c in (_phase(win, "۱").child(i) for i in range(_phase(win, "۱").childCount()))
        if c.data(0, STEP_ROLE) == "P1-7"
    )
    win._nav_activated(step)
    view = win.tabs.currentWidget()
    assert "P1-7" in view.details.toPlainText() or "مرکز" in view.details.toPlainText()
    assert "مسئول" in view.findChild(QLabel, "intro_label").text() or view.details.toPlainText()


def test_a_province_navigates_phase_2_to_its_development_programmes(ctx, qtbot) -> None:
    from cluster_desktop.gui.programmes import ProgrammesView

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    phase2 = _phase(win, "۲")
    assert phase2.childCount() >= 5  # the seed's steps of phase 2 (F9 … F11)
    win._nav_activated(phase2.child(0))
    assert isinstance(win.tabs.currentWidget(), ProgrammesView)
    win._nav_activated(_phase(win, "۳").child(0))
    assert isinstance(win.tabs.currentWidget(), ProgrammesView)


def test_screenshot_renders(ctx, tmp_path: Path) -> None:
    from cluster_desktop.gui.screenshots import render

    out = render(ctx.ws, "process-steps", tmp_path / "p.png")
    assert out.stat().st_size > 10_000


def test_screenshot_refuses_a_view_of_the_other_kind_of_office(ctx, tmp_path: Path) -> None:
    from cluster_desktop.domain.errors import DomainError
    from cluster_desktop.gui.screenshots import render

    # GIVEN a provincial office; WHEN a central-only view is asked for THEN it is refused, no file
    with pytest.raises(DomainError, match="national-list"):
        render(ctx.ws, "national-list", tmp_path / "n.png")
    assert not (tmp_path / "n.png").exists()


def test_status_bar_and_printed_pages_name_tehrans_day_after_its_midnight(ctx, qtbot, monkeypatch) -> None:
    """At 21:00 UTC Tehran is already past midnight: the screen and the paper both say the next day."""
    import datetime as dt
    import io

    from cluster_desktop.domain import jalali
    from cluster_desktop.printing.document import OfficialDocument
    from cluster_desktop.printing.documents.common import printed_note

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            t = dt.datetime(2026, 11, 28, 21, 0, tzinfo=dt.UTC)
            return t.astimezone(tz) if tz else t.replace(tzinfo=None)

    monkeypatch.setattr(jalali, "datetime", Frozen)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    status = win.findChild(QLabel, "status_date").text()
    assert "۸ آذر" in status or "۰۸ آذر" in status, status
    doc = OfficialDocument(io.BytesIO(), title="آزمون")
    assert doc.date_text == "۱۴۰۵/۰۹/۰۸"
    assert "۱۴۰۵/۰۹/۰۸ ۰۰:۳۰" in printed_note("دفتر", Frozen.now(dt.UTC))


def test_multi_line_boxes_and_the_navigation_sit_on_the_reading_side(ctx, qtbot) -> None:
    from PySide6.QtWidgets import QDockWidget, QPlainTextEdit

    form = load_ui("event_dialog.ui")
    qtbot.addWidget(form)
    box = form.findChild(QPlainTextEdit, "description_edit")
    box.setPlainText("کفش خوی")  # a short paragraph Qt would otherwise put against the left edge
    assert box.document().defaultTextOption().alignment() & Qt.AlignmentFlag.AlignRight
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    dock = win.findChild(QDockWidget, "navigation_dock")
    assert win.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
