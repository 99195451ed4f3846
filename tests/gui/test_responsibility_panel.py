"""The responsibility matrix on screen: the dossier's workflow tab, the programme screen and the
national dashboard name the current and next steps with their agencies; approving a package in the
programme screen opens its notification letters, one per responsible agency, each previewed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import select

from cluster_desktop.gui.central_dashboard import CentralDashboardView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.dossier_page import page_at
from cluster_desktop.gui.programmes import ProgrammesView
from cluster_desktop.gui.responsibility_panel import ResponsibilityPanel
from cluster_desktop.services import programmes as prog
from cluster_desktop.services import responsibility as rsp
from cluster_desktop.store.models import Dossier, Programme
from tests.gui.test_print_wiring import pdf_text, wait_preview
from tests.printing.pdftext import normalise


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")
    return AppContext(ws, actor, "fa")


def labels(panel: ResponsibilityPanel) -> dict[str, str]:
    """What the panel's labels say now, by object name (each a plain-text label)."""
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in panel.labels.values())
    return {name: w.text() for name, w in panel.labels.items()}


def first(ctx: AppContext, model, state: str) -> str:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return str(s.scalars(select(model.id).where(model.state == state).order_by(model.id)).first())


def test_the_workflow_tab_names_who_acts_now_and_next(cctx, qtbot, asked) -> None:
    # GIVEN a dossier received at the centre, on its workflow tab
    did = first(cctx, Dossier, "received")
    page = page_at(cctx, did, "decisions")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    panel = page.sections["decisions"].findChild(ResponsibilityPanel)
    assert panel is not None and panel.isVisible()
    shown = labels(panel)
    # THEN the current step (F6, received) and the next (F6-1) with their agencies and roles, in Persian
    assert shown["step_current_0_title"].endswith("F6 — تهیه لیست ثانویه خوشه‌ها")
    assert shown["step_next_0_title"].lstrip("\u200f").startswith("F6-1 — بررسی ثانویه")
    details = shown["step_next_0_details"]
    assert "محل انجام: سازمان توسعه تجارت ایران (مرکز)" in details
    assert "سازمان توسعه تجارت ایران (اقدام‌کننده)" in details
    assert "کارگروه‌های کارشناسی توسعه خوشه‌ها (تصمیم در جلسهٔ کارگروه)" in details
    assert "بانک‌ها و موسسات مالی (مشارکت)" in details
    # WHEN the secretary opens the secondary review with the workflow tab's own button
    decisions = page.sections["decisions"]
    qtbot.mouseClick(decisions.buttons["open_central_review"], Qt.MouseButton.LeftButton)
    # THEN the panel follows: F6-1 is now the current step, decided next by the working groups
    shown = labels(decisions.matrix)
    assert asked.said("confirm")
    assert shown["step_current_0_title"].lstrip("\u200f").startswith("F6-1")
    assert "اقدام‌ها: آغاز بررسی ثانویه" in shown["step_current_0_details"]
    assert "تأیید نهایی" in shown["step_next_0_details"]


def test_the_programme_screen_shows_its_matrix_and_prints_a_letter_per_agency(
    cctx, qtbot, asked, tmp_path: Path
) -> None:
    view = ProgrammesView(cctx)
    qtbot.addWidget(view)
    view.show()
    button = view.findChild(QPushButton, "letters_button")
    assert button is not None
    # GIVEN a programme whose package is proposed: its matrix tab, and no letters yet (the reason shown)
    pid = first(cctx, Programme, "package_proposed")
    assert view.select_programme(pid)
    view.tabs.setCurrentWidget(view.matrix_tab)
    shown = labels(view.matrix_tab.panel)
    assert shown["step_current_0_title"].endswith("F10 — پیشنهاد و تنظیم بسته حمایتی تخصصی")
    assert shown["step_next_0_title"].endswith("F11 — تایید و ابلاغ بسته حمایتی")
    assert "F14" in shown["step_alongside_0_title"] and "متن برنامه" in shown["step_alongside_0_details"]
    assert not button.isEnabled() and "تأیید" in button.toolTip()
    # WHEN the working group approves the package in a minuted meeting, through the screen
    view.findChild(QPushButton, "action_approve_package").click()
    view.dialog.meeting_combo.setCurrentIndex(1)
    view.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with cctx.session() as s:
        assert prog.get_programme(s, pid).state == "package_approved"
        items = prog.item_rows(s, pid)
    # THEN the matrix tab moves on (F11 done, F12 next) and the letters list every responsible agency
    shown = labels(view.matrix_tab.panel)
    assert shown["step_current_0_title"].endswith("F11 — تایید و ابلاغ بسته حمایتی")
    assert shown["step_next_0_title"].lstrip("\u200f").startswith("F12")
    assert button.isEnabled()
    actions = view.matrix_tab.letter_actions
    assert set(actions) == {i.organization_code for i in items}
    # WHEN one agency's letter is chosen from the menu
    code = items[0].organization_code
    assert actions[code] in button.menu().actions()
    actions[code].trigger()
    dialog = wait_preview(qtbot, view)
    # THEN its preview is that agency's letter with its items and the official block
    text = pdf_text(dialog, tmp_path)
    assert normalise(f"به: {items[0].organization_fa}") in text
    assert normalise(items[0].title) in text and "شماره:" in text and "پیوست: ندارد" in text
    for other in (i for i in items if i.organization_code != code):
        assert normalise(other.title) not in text


def test_the_national_dashboard_lists_each_waiting_state_with_its_agencies(cctx, qtbot) -> None:
    view = CentralDashboardView(cctx)
    qtbot.addWidget(view)
    view.show()
    view.left_tabs.setCurrentWidget(view.steps)
    table = view.steps.table
    with cctx.session() as s:
        rows = rsp.overview(s, cctx.actor.office_kind)
    assert table.rowCount() == len(rows) > 0
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    # every row: record, state, count, next step, where, agencies (in Persian)
    approved = next(
        i
        for i, r in enumerate(rows)
        if (r.machine, r.responsibilities.state) == ("programme", "package_approved")
    )
    assert cells[approved][0] == "طرح توسعه‌ای" and cells[approved][1] == "بسته حمایتی تأیید و ابلاغ‌شده"
    assert "F12" in cells[approved][3] and cells[approved][4] == "مرکز"
    assert "بانک‌ها و موسسات مالی" in cells[approved][5]
    sent = next(i for i, r in enumerate(rows) if r.responsibilities.state == "provincially_approved")
    assert "نام نبرده" in cells[sent][5]  # P1-7 is in no row of the matrix
    # WHEN a row is chosen THEN the panel beside it shows that state in full
    table.setCurrentCell(approved, 0)
    shown = labels(view.steps.panel)
    assert shown["step_current_0_title"].endswith("F11 — تایید و ابلاغ بسته حمایتی")
    assert "F14" in shown["step_alongside_0_title"]
