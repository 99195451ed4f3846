"""Phases 2 and 3 in the centre's GUI: a clerk-proof walk of one development programme through real
widgets — recorded, reviewed, approved in a minuted meeting, its support package drawn up and
notified, resources allocated, executed and monitored — with bad input refused beside its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from sqlalchemy import func, select

from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.programmes import EntryDialog, ProgrammeDialog, ProgrammesView, monitoring_view
from cluster_desktop.services import programmes as prog
from cluster_desktop.store.models import Allocation, IndicatorValue, Programme, SupportItem
from tests.gui.conftest import type_text


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")
    return AppContext(ws, actor, "fa")


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok).click()


def error_text(dialog, name: str) -> str:  # type: ignore[no-untyped-def]
    label = dialog.findChild(QLabel, f"{name}_error")
    return label.text() if label is not None and not label.isHidden() else ""


def count(ctx: AppContext, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def click_action(qtbot, view: ProgrammesView, action: str) -> None:  # type: ignore[no-untyped-def]
    button = view.findChild(QPushButton, f"action_{action}")
    assert button is not None, f"no button for {action}: {list(view.action_buttons)}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def state(ctx: AppContext, pid: str) -> str:
    with ctx.session() as s:
        return prog.get_programme(s, pid).state


def test_a_programme_from_receipt_to_monitoring_through_the_screens(cctx, qtbot, asked) -> None:
    view = ProgrammesView(cctx)
    qtbot.addWidget(view)
    view.show()
    before = count(cctx, Programme)
    # WHEN a new programme is saved empty, with letters for the budget
    qtbot.mouseClick(view.buttons["new_button"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, ProgrammeDialog) and dialog.isVisible()
    type_text(dialog.budget_rial_edit, "دوازده میلیارد")
    dialog.submitted_on_edit.line.setText("1404/12/30")
    ok(dialog)
    # THEN each problem is named beside its field and nothing is saved
    assert "خوشه" in error_text(dialog, "cluster")
    assert error_text(dialog, "title") and error_text(dialog, "proposer_name")
    assert error_text(dialog, "budget_rial") and error_text(dialog, "submitted_on")
    assert "شناسهٔ ملی" in error_text(dialog, "proposer_national_id")  # a legal person's identifier
    assert dialog.isVisible() and count(cctx, Programme) == before
    # WHEN it is filled in properly (Persian digits in the budget)
    dialog.cluster_combo.setCurrentIndex(1)
    type_text(dialog.title_edit, "ایجاد آزمایشگاه مشترک <کیفیت>")
    type_text(dialog.proposer_name_edit, "شرکت عامل توسعهٔ خوشه")
    dialog.proposer_kind_combo.setCurrentIndex(dialog.proposer_kind_combo.findData("cda"))
    dialog.submitted_on_edit.line.setText("۱۴۰۵/۰۸/۰۱")
    dialog.budget_rial_edit.setText("۹٬۰۰۰٬۰۰۰٬۰۰۰")
    type_text(dialog.identity_edits["proposer_national_id"], "۱۰۳۸۰۲۸۴۷۹۱")  # a wrong check digit
    ok(dialog)
    assert "رقم کنترل" in error_text(dialog, "proposer_national_id") and count(cctx, Programme) == before
    dialog.identity_edits["proposer_national_id"].setText("۱۰۳۸۰۲۸۴۷۹۰")
    ok(dialog)
    assert not dialog.isVisible() and count(cctx, Programme) == before + 1
    pid = dialog.programme_id
    assert pid and view.current_id == pid
    assert "&lt;کیفیت&gt;" in view.header_label.text()  # user text is escaped in the rich-text header
    # the review starts after a confirmation; the approval needs the meeting
    click_action(qtbot, view, "start_central_review")
    assert state(cctx, pid) == "referred_to_center" and asked.said("confirm")
    click_action(qtbot, view, "approve_central")
    decision = view.dialog
    decision.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "صورتجلسه" in decision.findChild(QLabel, "minutes_error").text()
    assert state(cctx, pid) == "referred_to_center"
    decision.meeting_combo.setCurrentIndex(1)
    decision.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert state(cctx, pid) == "centrally_approved"
    # the package: proposing it empty is refused under the actions
    click_action(qtbot, view, "propose_package")
    assert "قلم" in view.action_error.text() and state(cctx, pid) == "centrally_approved"
    qtbot.mouseClick(view.buttons["add_item_button"], Qt.MouseButton.LeftButton)
    entry = view.dialog
    assert isinstance(entry, EntryDialog) and entry.kind == "item"
    items = count(cctx, SupportItem)
    type_text(entry.w["item_title_edit"], "تسهیلات سرمایه در گردش")
    entry.w["item_amount_edit"].setText("چهار")
    ok(entry)
    assert error_text(entry, "organization") and error_text(entry, "item_amount")
    assert count(cctx, SupportItem) == items  # nothing half-saved
    entry.w["organization_combo"].setCurrentIndex(entry.w["organization_combo"].findData("BANKS"))
    entry.w["item_amount_edit"].setText("4,000,000,000")
    ok(entry)
    assert (
        not entry.isVisible() and view.items_model.rowCount() == 1 and count(cctx, SupportItem) == items + 1
    )
    click_action(qtbot, view, "propose_package")
    assert state(cctx, pid) == "package_proposed"
    assert not view.buttons["add_item_button"].isEnabled()  # a proposed package is not changed
    click_action(qtbot, view, "approve_package")
    view.dialog.meeting_combo.setCurrentIndex(1)
    view.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert state(cctx, pid) == "package_approved"
    assert "ابلاغ" in view.notes["package"].text()
    # allocations: more than the item asks is refused beside the amount
    qtbot.mouseClick(view.buttons["add_allocation_button"], Qt.MouseButton.LeftButton)
    entry = view.dialog
    allocations = count(cctx, Allocation)
    entry.w["allocation_amount_edit"].setText("5000000000")
    ok(entry)
    assert "بیشتر" in error_text(entry, "allocation_amount") and count(cctx, Allocation) == allocations
    entry.w["allocation_amount_edit"].setText("3000000000")
    type_text(entry.w["allocation_reference_edit"], "۱۲۳/ت")
    ok(entry)
    assert count(cctx, Allocation) == allocations + 1 and view.allocations_model.rowCount() == 1
    click_action(qtbot, view, "allocate")
    # execution: an activity whose end comes before its start is refused
    qtbot.mouseClick(view.buttons["add_activity_button"], Qt.MouseButton.LeftButton)
    entry = view.dialog
    type_text(entry.w["activity_title_edit"], "خرید تجهیزات آزمایشگاه")
    type_text(entry.w["activity_responsible_edit"], "شرکت مدیریت خوشه")
    entry.w["activity_starts_edit"].line.setText("1405/09/01")
    entry.w["activity_ends_edit"].line.setText("1405/08/01")
    entry.w["activity_progress_edit"].setText("120")
    ok(entry)
    assert error_text(entry, "activity_ends") and error_text(entry, "activity_progress")
    entry.w["activity_ends_edit"].line.setText("1405/12/29")
    entry.w["activity_progress_edit"].setText("۱۰")
    ok(entry)
    click_action(qtbot, view, "start_execution")
    assert state(cctx, pid) == "in_execution"
    # monitoring (phase 3's view): an indicator, then a period's target and actual
    phase3 = monitoring_view(cctx)
    qtbot.addWidget(phase3)
    assert phase3.select_programme(pid) and phase3.tabs.currentIndex() == 3
    qtbot.mouseClick(phase3.buttons["add_indicator_button"], Qt.MouseButton.LeftButton)
    entry = phase3.dialog
    type_text(entry.w["indicator_title_edit"], "صادرات خوشه")
    type_text(entry.w["indicator_unit_edit"], "هزار دلار")
    entry.w["indicator_baseline_edit"].setText("۸۰۰")
    ok(entry)
    qtbot.mouseClick(phase3.buttons["set_value_button"], Qt.MouseButton.LeftButton)
    entry = phase3.dialog
    values = count(cctx, IndicatorValue)
    entry.w["value_period_edit"].setText("1405-Q5")
    entry.w["value_target_edit"].setText("900")
    ok(entry)
    assert error_text(entry, "value_period") and count(cctx, IndicatorValue) == values
    entry.w["value_period_edit"].setText("۱۴۰۵-Q3")
    entry.w["value_actual_edit"].setText("۸۱۰")
    ok(entry)
    [row] = phase3.monitoring_model.rows
    assert (row.period, row.target, row.actual, row.gap) == ("1405-Q3", 900, 810, -90)
    texts = [phase3.monitoring_model.index(0, c).data() for c in range(phase3.monitoring_model.columnCount())]
    assert "۱۴۰۵، فصل ۳" in texts and "−۹۰" in texts and "۹۰٪" in texts
    # the history shows every step with its process code and the minutes of the decisions
    with cctx.session() as s:
        steps = [(t.f_code, bool(t.minutes_number)) for t in prog.history(s, pid)]
    assert steps == [
        ("F9-1", False),
        ("F9-3", True),
        ("F10", False),
        ("F11", True),
        ("F12", False),
        ("F13", False),
    ]


def test_a_viewer_gets_no_steps_and_the_service_refuses_changes(fa_app, central_demo, qtbot, asked) -> None:
    from dataclasses import replace

    from cluster_desktop.domain.roles import Role

    ws, actor = central_demo("secretary")
    ctx = AppContext(ws, replace(actor, role=Role.VIEWER), "fa")
    view = ProgrammesView(ctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() >= 10 and view.current_id
    assert view.action_buttons == {}
    monitored = next(r for r in view.model.rows if r.state == "in_execution")
    view.select_programme(monitored.id)
    qtbot.mouseClick(view.buttons["add_indicator_button"], Qt.MouseButton.LeftButton)
    entry = view.dialog
    type_text(entry.w["indicator_title_edit"], "شاخص تازه")
    type_text(entry.w["indicator_unit_edit"], "نفر")
    ok(entry)
    assert entry.isVisible() and "اجازه" in error_text(entry, "form")


def test_the_national_dashboard_lists_programmes_waiting_and_opens_them(cctx, qtbot) -> None:
    from PySide6.QtWidgets import QListWidget

    from cluster_desktop.gui.mainwindow import MainWindow

    win = MainWindow(cctx)
    qtbot.addWidget(win)
    dashboard = win.show_view("central-dashboard")
    with cctx.session() as s:
        waiting = prog.awaiting_group(s)
    assert {r.state for r in waiting} == {"referred_to_center", "package_proposed"}
    assert dashboard.findChild(QLabel, "programmes_value").text() == f"{len(waiting):,}".translate(
        str.maketrans("0123456789,", "۰۱۲۳۴۵۶۷۸۹٬")
    )
    listing = dashboard.findChild(QListWidget, "waiting_list")
    items = [listing.item(i) for i in range(listing.count())]
    item = next(i for i in items if str(i.data(Qt.ItemDataRole.UserRole)).startswith("programme:"))
    assert item.text().startswith("طرح توسعه‌ای: ")
    dashboard.open_waiting(item)
    view = win.views["programmes"]
    assert win.tabs.currentWidget() is view and view.current_id == waiting[0].id


def test_closing_a_form_with_unsaved_edits_asks_first(cctx, qtbot, asked) -> None:
    view = ProgrammesView(cctx)
    qtbot.addWidget(view)
    before = count(cctx, Programme)
    qtbot.mouseClick(view.buttons["new_button"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.reject()  # nothing typed: closes without asking
    assert not dialog.isVisible() and asked.said("unsaved") == []
    qtbot.mouseClick(view.buttons["new_button"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    type_text(dialog.title_edit, "طرح نیمه‌کاره")
    asked.save_answer = "cancel"
    dialog.reject()
    assert dialog.isVisible() and len(asked.said("unsaved")) == 1  # stays open with the text
    assert dialog.title_edit.text() == "طرح نیمه‌کاره"
    asked.save_answer = "save"  # saving an incomplete form shows why and stays open
    dialog.reject()
    assert dialog.isVisible() and error_text(dialog, "proposer_name") and count(cctx, Programme) == before
    asked.save_answer = "discard"
    dialog.reject()
    assert not dialog.isVisible() and count(cctx, Programme) == before
