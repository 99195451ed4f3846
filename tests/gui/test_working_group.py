"""Working group (F2): members, meetings with Jalali dates, attendees and numbered minutes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from cluster_desktop.gui.meeting_dialog import MeetingDialog
from cluster_desktop.gui.member_dialog import MemberDialog
from cluster_desktop.gui.working_group import WorkingGroupView
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.group_views import meeting_rows
from cluster_desktop.services.groups import MemberInput, add_member, list_meetings, list_members
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text


def _click(qtbot, view, name: str) -> None:
    qtbot.mouseClick(view.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _error(dialog, name: str) -> str:
    label = dialog.ui.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def _open_dialog(view, cls):  # type: ignore[no-untyped-def]
    dialogs = [d for d in view.findChildren(cls) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_add_member_with_organization_and_seat(ctx, qtbot, asked) -> None:
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    view.show()
    _click(qtbot, view, "add_member_button")
    dialog = _open_dialog(view, MemberDialog)
    # WHEN saved empty THEN the name and organization are asked for, beside their fields
    dialog.save()
    assert "نام و نام خانوادگی" in _error(dialog, "full_name_error")
    assert "دستگاه" in _error(dialog, "organization_error")
    type_text(dialog.name_edit, "الهام صادقی")
    dialog.org_combo.setCurrentIndex(dialog.org_combo.findData("CHAMBER_COMMERCE"))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("chair"))
    type_text(dialog.phone_edit, "شماره")
    assert not dialog.save()
    assert "رقم" in _error(dialog, "phone_error")
    with ctx.session() as s:
        assert list_members(s, ctx.actor) == []  # nothing saved while the form is refused
    dialog.phone_edit.clear()
    type_text(dialog.phone_edit, "۰۹۱۲۱۲۳۴۵۶۷")
    assert dialog.save()
    # THEN the member is stored and listed with the organization's Persian name and seat
    with ctx.session() as s:
        (m,) = list_members(s, ctx.actor)
        assert (m.full_name, m.organization_code, m.member_role, m.phone) == (
            "الهام صادقی",
            "CHAMBER_COMMERCE",
            "chair",
            "09121234567",
        )
    assert view.members.item(0, 1).text() == "اتاق بازرگانی"
    assert view.members.item(0, 2).text() == "رئیس"
    assert view.members.item(0, 4).text() == "۰۹۱۲۱۲۳۴۵۶۷"


def test_deactivate_member(ctx, qtbot, asked) -> None:
    with ctx.session() as s:
        add_member(s, ctx.actor, MemberInput("احمد نوری", "BANKS"))
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    view.members.setCurrentCell(0, 0)
    _click(qtbot, view, "deactivate_member_button")
    assert asked.said("confirm")
    with ctx.session() as s:
        assert not list_members(s, ctx.actor)[0].active
    assert view.members.rowCount() == 0  # former members are hidden until asked for
    view.show_inactive.setChecked(True)
    assert view.members.item(0, 5).text() == "عضو پیشین"


def test_meeting_with_invalid_date_saves_nothing_then_gets_minutes_number(ctx, qtbot, asked) -> None:
    with ctx.session() as s:
        add_member(s, ctx.actor, MemberInput("الهام صادقی", "PROV_COMMERCE"))
        add_member(s, ctx.actor, MemberInput("احمد نوری", "BANKS"))
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    view.show()
    _click(qtbot, view, "new_meeting_button")
    dialog = _open_dialog(view, MeetingDialog)
    # GIVEN attendees, a place and a date that does not exist (1404 is not a leap year)
    first = dialog.attendees.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    a = first.data(Qt.ItemDataRole.UserRole)
    type_text(dialog.location, "سالن جلسات")
    type_text(dialog.agenda, "بررسی طرح‌های توجیهی")
    dialog.held_on.line.clear()
    qtbot.keyClicks(dialog.held_on.line, "1404/12/30")
    assert not dialog.save()
    # THEN the reason stands beside the date and nothing is saved
    assert "۱۴۰۴/۱۲/۳۰ وجود ندارد" in _error(dialog, "held_on_error")
    assert dialog.isVisible()
    with ctx.session() as s:
        assert list_meetings(s, ctx.actor) == []
    # WHEN the date is corrected (Persian digits typed) THEN the meeting gets minutes 1405/001
    dialog.held_on.line.clear()
    type_text(dialog.held_on.line, "۱۴۰۵/۰۲/۱۰")
    assert dialog.save()
    with ctx.session() as s:
        (m,) = list_meetings(s, ctx.actor)
        assert m.number == "1405/001" and [x.member_id for x in m.attendees] == [a]
        assert m.held_on.isoformat() == "2026-04-30"
    assert view.meetings.item(0, 0).text() == "۱۴۰۵/۰۰۱"
    assert view.meetings.item(0, 1).text() == "۱۴۰۵/۰۲/۱۰"


def test_meeting_without_attendees_is_refused(ctx, qtbot, asked) -> None:
    with ctx.session() as s:
        add_member(s, ctx.actor, MemberInput("الهام صادقی", "PROV_COMMERCE"))
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    dialog = view.new_meeting()
    assert not dialog.save()
    assert "حاضران" in _error(dialog, "attendees_error")


def test_closing_a_meeting_with_unsaved_edits_asks_first(ctx, qtbot, asked) -> None:
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    view.show()
    dialog = view.new_meeting()
    type_text(dialog.location, "سالن")
    asked.save_answer = "cancel"
    dialog.reject()
    assert asked.said("unsaved") and dialog.isVisible()
    asked.save_answer = "discard"
    dialog.reject()
    assert not dialog.isVisible()
    with ctx.session() as s:
        assert list_meetings(s, ctx.actor) == []


def test_each_meeting_lists_the_decisions_taken_in_it(ctx, province_admin, qtbot, asked) -> None:
    fill_demo(ctx.ws, province_admin, PASSWORD, count=14)
    with ctx.session() as s:
        rows = meeting_rows(s, ctx.actor)
    busiest = max(rows, key=lambda r: r.decisions)
    assert busiest.decisions > 0
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    view._select_meeting(busiest.id)
    assert view.decisions.rowCount() == busiest.decisions
    assert view.decisions.item(0, 1).text().startswith("F3-4")
    opened: list[str] = []
    ctx.open_dossier.connect(opened.append)
    view.decisions.cellDoubleClicked.emit(0, 0)
    assert len(opened) == 1


def test_finalized_minutes_are_read_only(ctx, qtbot, asked) -> None:
    with ctx.session() as s:
        add_member(s, ctx.actor, MemberInput("الهام صادقی", "PROV_COMMERCE"))
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    dialog = view.new_meeting()
    dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    view.meetings.setCurrentCell(0, 0)
    _click(qtbot, view, "finalize_meeting_button")
    assert view.meetings.item(0, 5).text() == "نهایی‌شده"
    reopened = view.open_meeting()
    assert reopened is not None and reopened.location.isReadOnly()
