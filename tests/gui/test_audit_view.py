"""The audit log on screen (issue 17): the red warning at start when someone edited an entry by hand,
the audit view with its filters, paging, Excel export and the broken entry marked, only for the
administrator and the secretary; a peer's rewritten history in the bundles view and the audit view."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.audit_model import BROKEN_BACKGROUND
from cluster_desktop.gui.audit_view import AuditView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.services import audit, clusters, sync
from cluster_desktop.store.db import DB_FILENAME
from cluster_desktop.store.models import AuditEntry
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text
from tests.sync.offices import Pair, build_pair, copy_pair
from tests.sync.test_audit_heads import rehash_from

ROOT = Path(__file__).resolve().parents[2]
WAIT = 30_000


def _history(ctx: AppContext, extra: int = 0) -> None:
    for name in ("زعفران قائنات", "پستهٔ رفسنجان", "گلاب کاشان"):
        with ctx.session() as s:
            clusters.create_cluster(s, ctx.actor, clusters.ClusterInput(name, "قائنات"))
    with ctx.session() as s:
        for i in range(extra):
            audit.record(
                s,
                replace(ctx.actor, username="m.ahmadi"),
                "member.update",
                "member",
                f"m{i}",
                name=f"عضو {i}",
            )


def _entries(ctx: AppContext) -> list[AuditEntry]:
    with ctx.session() as s:
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


def _edit_by_hand(ctx: AppContext, entry_id: int) -> None:
    """What someone with the database file and the sqlite3 tool does: change one entry in place."""
    con = sqlite3.connect(ctx.ws.data_dir / DB_FILENAME)
    with con:
        con.execute("UPDATE audit_log SET username = 'someone-else' WHERE id = ?", (entry_id,))
    con.close()


def _loaded(qtbot, view: AuditView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.busy(), timeout=WAIT)


def _view(qtbot, ctx: AppContext) -> AuditView:  # type: ignore[no-untyped-def]
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    _loaded(qtbot, view)
    return view


def test_an_entry_edited_by_hand_makes_verify_fail_and_the_main_window_warn_in_red(ctx, qtbot) -> None:
    # GIVEN an office with some history, and one entry changed afterwards with the sqlite3 module
    _history(ctx)
    victim = _entries(ctx)[2]
    _edit_by_hand(ctx, victim.id)
    # THEN `audit verify` exits 1 naming that entry
    r = subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(ctx.ws.data_dir), "audit", "verify"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 1 and f"ردیف {victim.id}" in r.stderr, r.stderr
    # WHEN the main window opens
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.audit_banner.status is not None, timeout=WAIT)
    # THEN a red warning above the pages names the entry's number and date and asks to call IT
    banner = win.audit_banner
    assert banner.isVisible() and banner.textFormat() == Qt.TextFormat.PlainText
    text = banner.text()
    assert f"ردیف شمارهٔ {to_persian_digits(victim.id)}" in text
    assert format_jalali_datetime(victim.at) in text and "فناوری اطلاعات" in text
    assert "b00020" in banner.styleSheet()


def test_an_intact_chain_shows_no_warning(ctx, qtbot) -> None:
    _history(ctx)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.audit_banner.status is not None, timeout=WAIT)
    assert win.audit_banner.status.intact and not win.audit_banner.isVisible()


@pytest.mark.parametrize("role", [Role.CLERK, Role.EVALUATOR, Role.VIEWER, Role.SECRETARY])
def test_only_the_administrator_and_the_secretary_see_the_view(ctx, qtbot, role) -> None:
    win = MainWindow(AppContext(ctx.ws, replace(ctx.actor, role=role), "fa"))
    qtbot.addWidget(win)
    assert ("audit" in win.view_classes) == (role is Role.SECRETARY)
    qtbot.waitUntil(lambda: win.audit_banner.status is not None, timeout=WAIT)


def test_the_view_lists_pages_and_filters(ctx, qtbot) -> None:
    _history(ctx, extra=450)
    view = _view(qtbot, ctx)
    model = view.model
    total = len(_entries(ctx))
    # the first page, with the full count
    assert model.count == total and len(model.rows) == model.PAGE
    assert "۴۵" in view.count_label.text()
    assert [r.id for r in model.rows] == sorted((r.id for r in model.rows), reverse=True)
    first = {model.headers[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert first["کاربر"] == "m.ahmadi" and first["عمل"] == "ویرایش عضو کارگروه"
    assert first["جزئیات"] == "" and first["موضوع"].startswith("عضو کارگروه: عضو ")
    assert first["زمان"].startswith("۱۴")
    # scrolling to the end reads the next pages in the background, each once
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(model.rows) >= 2 * model.PAGE and not model.busy(), timeout=WAIT)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.busy(), timeout=WAIT)
    assert len(model.rows) == total and len({r.id for r in model.rows}) == total
    # a user
    view.user_combo.setCurrentIndex(view.user_combo.findData("admin"))
    _loaded(qtbot, view)
    assert model.count == total - 450 and {r.username for r in model.rows} == {"admin"}
    # an action, chosen by its Persian title
    i = view.action_combo.findText("ثبت خوشه")
    assert i > 0
    view.action_combo.setCurrentIndex(i)
    _loaded(qtbot, view)
    assert model.count == 3
    # a dossier, typed in Persian
    type_text(view.search_edit, "پسته")
    view.apply_filters()
    _loaded(qtbot, view)
    assert [r.dossier_name for r in model.rows] == ["پستهٔ رفسنجان"]
    assert model.index(0, 5).data() == "پستهٔ رفسنجان"
    # Jalali days: a day that does not exist is refused beside the dates, the list stays
    type_text(view.since_edit.line, "1404/12/30")
    assert view.apply_filters() is None
    assert view.date_error.isVisible() and "۱۴۰۴/۱۲/۳۰" in view.date_error.text()
    view.since_edit.line.clear()
    type_text(view.since_edit.line, "۱۳۹۰/۰۱/۰۱")
    type_text(view.until_edit.line, "۱۳۹۰/۱۲/۲۹")
    view.apply_filters()
    _loaded(qtbot, view)
    assert not view.date_error.isVisible() and model.count == 0
    view.clear_filters()
    _loaded(qtbot, view)
    assert model.count == total and view.search_edit.text() == ""


def test_the_broken_entry_is_marked_in_the_view(ctx, qtbot) -> None:
    _history(ctx, extra=300)
    victim = _entries(ctx)[5].id
    _edit_by_hand(ctx, victim)
    view = _view(qtbot, ctx)
    assert view.banner.isVisible() and to_persian_digits(victim) in view.banner.text()
    assert view.broken_button.isVisible() and view.model.row_of(victim) == -1  # far down the list
    qtbot.mouseClick(view.broken_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, view)
    assert view.model.rows[0].id == victim
    assert view.model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) == BROKEN_BACKGROUND
    assert view.model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "۶" in view.count_label.text()  # entries up to number six


def test_export_to_excel_writes_what_the_filters_select(ctx, qtbot, asked, tmp_path) -> None:
    _history(ctx, extra=30)
    view = _view(qtbot, ctx)
    view.user_combo.setCurrentIndex(view.user_combo.findData("m.ahmadi"))
    _loaded(qtbot, view)
    out = tmp_path / "ممیزی"
    asked.files = [out]
    export: QPushButton = view.export_button
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.operation is None, timeout=WAIT)
    path = out.with_suffix(".xlsx")
    assert path.exists(), asked.messages
    sheet = load_workbook(path).active
    assert sheet.sheet_view.rightToLeft and sheet.max_row == 31
    assert {r[3] for r in sheet.iter_rows(min_row=2, values_only=True)} == {"m.ahmadi"}
    assert any("۳۰" in m for m in asked.said("info"))


@pytest.fixture(scope="module")
def offices_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit-view-offices")
    build_pair(root, clusters=6)
    return root


@pytest.fixture
def offices(offices_template: Path, tmp_path: Path) -> Iterator[Pair]:
    p = copy_pair(offices_template, tmp_path / "offices")
    yield p
    p.close()


def test_a_peers_rewritten_history_is_shown_in_the_bundles_and_audit_views(
    offices, fa_app, qtbot, asked, monkeypatch, tmp_path
) -> None:
    from cluster_desktop.gui import password_dialog
    from cluster_desktop.gui.sync_view import SyncView

    p, c = offices.province, offices.centre
    sync.import_bundle(
        c.ws, c.actor, c.keys, sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "1.bundle").files[0]
    )
    # GIVEN the province's log edited and re-hashed so that its own check passes
    with p.ws.db.session() as s:
        victim = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()[2]
    con = sqlite3.connect(p.ws.data_dir / DB_FILENAME)
    with con:
        con.execute("UPDATE audit_log SET username = 'nobody' WHERE id = ?", (victim,))
    con.close()
    rehash_from(p, victim)
    second = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "2.bundle").files[0]
    # WHEN the centre checks and applies the next bundle in the bundles view
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)
    cctx = AppContext(c.ws, c.actor, "fa")
    sview = SyncView(cctx)
    qtbot.addWidget(sview)
    sview.show()
    assert sview.offer(second)  # as when the file is double-clicked: the receive page, checked
    qtbot.waitUntil(lambda: sview.operation is None, timeout=WAIT)
    # THEN a red warning says so before anything is applied, and after
    label = sview.audit_warning
    assert label.isVisible() and "IR-07" in label.text() and "بازنویسی" in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert sview.apply()
    qtbot.waitUntil(lambda: sview.operation is None, timeout=WAIT)
    assert sview.import_report and sview.import_report["applied"] and label.isVisible()
    # AND the centre's audit view lists the province's heads with the warning
    view = _view(qtbot, cctx)
    assert view.peers_warning.isVisible() and "IR-07" in view.peers_warning.text()
    assert view.peers_table.rowCount() == 2
    statuses = [view.peers_table.item(r, 5).text() for r in range(2)]
    assert statuses[0] != statuses[1]
    assert any(r.action == "audit.peer_rewritten" for r in view.model.rows)


def test_names_that_look_like_markup_stay_text(ctx, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    hostile = '<img src="/etc/passwd"/> <b>x</b>'
    with ctx.session() as s:
        clusters.create_cluster(s, ctx.actor, clusters.ClusterInput(hostile, "قائنات"))
    view = _view(qtbot, ctx)
    row = next(i for i, r in enumerate(view.model.rows) if r.action == "cluster.create")
    assert view.model.index(row, 5).data() == hostile  # shown as typed
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in view.findChildren(QLabel))
    # the tooltip shown over the cell is escaped (Qt would otherwise render it as HTML)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    index = view.model.index(row, 5)
    view.table.scrollTo(index)
    pos = view.table.visualRect(index).center()
    viewport = view.table.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert "&lt;img" in QToolTip.text() and "<img" not in QToolTip.text()


@pytest.mark.slow
def test_the_benchmark_steps_run(fa_app, tmp_path) -> None:
    # the short version of tests/benchmarks/bench_audit.py (its figures are in the README; no timing here)
    from tests.benchmarks.bench_audit import run

    figures = run(400, tmp_path, fa_app)
    assert "start-up check: longest pause of the GUI thread" in figures and len(figures) == 14
    assert (tmp_path / "all.xlsx").exists()
