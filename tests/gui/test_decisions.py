"""Workflow buttons and the minuted decision dialog, driven through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from sqlalchemy import func, select

from cluster_desktop.domain.errors import PermissionDenied, TransitionError
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.gui import password_dialog
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.decision_dialog import DecisionDialog
from cluster_desktop.gui.decisions import DecisionPanel
from cluster_desktop.gui.history_view import HistoryView
from cluster_desktop.services import central, groups, users, workflow
from cluster_desktop.services.clusters import ClusterInput
from cluster_desktop.store.models import DatabankEntry, Dossier, License, Transition
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text
from tests.gui.test_evaluation import CODES, dossier_at, member_ctx, submit_via_services


def scored_dossier_and_meeting(ctx: AppContext) -> tuple[str, str]:
    """Setup: a dossier in provincial evaluation with one submitted sheet, and a recorded meeting."""
    dossier_id = dossier_at(ctx)
    m = member_ctx(ctx, "member.a", "مریم احمدی")
    submit_via_services(m, dossier_id, {c: 4 for c in CODES})
    with ctx.session() as s:
        meeting = groups.create_meeting(
            s, ctx.actor, groups.MeetingInput("1405/02/10", attendee_ids=[m.actor.member_id])
        )
        return dossier_id, meeting.number


def state_of(ctx: AppContext, dossier_id: str) -> str:
    with ctx.session() as s:
        return s.get(Dossier, dossier_id).state


def record_button(dialog: DecisionDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_approval_needs_a_meeting_and_then_moves_the_state(ctx, qtbot, asked) -> None:
    # GIVEN a scored dossier, a meeting with minutes 1405/001, and the secretary's panel
    dossier_id, number = scored_dossier_and_meeting(ctx)
    panel = DecisionPanel(ctx, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    approve = panel.findChild(QPushButton, "action_approve_provincial")
    assert approve is not None and "F3-4" in approve.text() and "تأیید" in approve.text()
    # WHEN approve is clicked and recorded without choosing a meeting
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.meeting_combo.itemText(1) == "صورتجلسه ۱۴۰۵/۰۰۱ — ۱۴۰۵/۰۲/۱۰"
    qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    # THEN the dialog stays open with the reason beside the meeting field, and nothing changed
    minutes_error = dialog.findChild(QLabel, "minutes_error")
    assert dialog.isVisible() and "صورتجلسه" in minutes_error.text()
    assert state_of(ctx, dossier_id) == "provincial_evaluation"
    with pytest.raises(TransitionError), ctx.session() as s:  # the service refuses too
        workflow.transition(s, ctx.actor, dossier_id, "approve_provincial")
    # WHEN the meeting is chosen, a comment typed, and the decision recorded
    assert dialog.choose_meeting(number)
    type_text(dialog.comment_edit, "امتیاز بالاتر از حد نصاب")
    with qtbot.waitSignal(ctx.changed) as signal:
        qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    # THEN the dossier is approved with the minutes number, and history shows it with F3-4
    assert signal.args == [f"dossier:{dossier_id}"] and not dialog.isVisible()
    assert state_of(ctx, dossier_id) == "provincially_approved"
    with ctx.session() as s:
        last = workflow.history(s, dossier_id)[-1]
        assert (last.action, last.minutes_number, last.f_code) == ("approve_provincial", "1405/001", "F3-4")
    assert panel.findChild(QPushButton, "action_approve_provincial") is None or not panel.buttons.get(
        "approve_provincial"
    )
    history = HistoryView(ctx, dossier_id)
    qtbot.addWidget(history)
    row = history.rows()[-1]
    assert row[3] == "F3-4" and row[5] == "۱۴۰۵/۰۰۱" and row[6] == "امتیاز بالاتر از حد نصاب"
    assert "تأییدشده در استان" in row[2]


def test_return_for_revision_needs_the_reason(ctx, qtbot, asked) -> None:
    dossier_id, number = scored_dossier_and_meeting(ctx)
    panel = DecisionPanel(ctx, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.buttons["return_provincial"], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.choose_meeting(number)
    qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    assert "دلیل" in dialog.findChild(QLabel, "comment_error").text()
    assert state_of(ctx, dossier_id) == "provincial_evaluation"
    type_text(dialog.comment_edit, "بخش بازار ناقص است")
    qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    assert state_of(ctx, dossier_id) == "returned"


def test_finalized_minutes_are_not_offered_for_a_decision(ctx, qtbot, asked) -> None:
    # GIVEN a scored dossier whose only meeting's minutes were finalized
    dossier_id, number = scored_dossier_and_meeting(ctx)
    with ctx.session() as s:
        groups.finalize_meeting(s, ctx.actor, groups.list_meetings(s, ctx.actor)[0].id)
    panel = DecisionPanel(ctx, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    # WHEN the approval dialog opens
    qtbot.mouseClick(panel.buttons["approve_provincial"], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    # THEN the signed minutes are not in the list and the meeting field says why
    assert dialog.meeting_combo.count() == 1 and not dialog.choose_meeting(number)
    assert "نهایی" in dialog.findChild(QLabel, "minutes_error").text()
    qtbot.mouseClick(record_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and state_of(ctx, dossier_id) == "provincial_evaluation"


def test_a_viewer_sees_no_decision_buttons_and_is_refused_if_forced(ctx, qtbot, asked) -> None:
    # GIVEN a viewer logged in on a dossier ready for a decision
    dossier_id, number = scored_dossier_and_meeting(ctx)
    with ctx.session() as s:
        users.create_user(
            s, ctx.actor, username="viewer", full_name="ناظر", role=Role.VIEWER, password=PASSWORD
        )
    with ctx.session() as s:
        viewer = AppContext(ctx.ws, users.authenticate(s, "viewer", PASSWORD), "fa")
    panel = DecisionPanel(viewer, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    # THEN no action is offered, with a note naming the role
    assert panel.buttons == {} and not panel.findChildren(QPushButton)
    assert "ناظر" in panel.no_actions.text()
    # WHEN the decision is forced through the dialog, or through the service
    panel.run_action("approve_provincial")
    panel.dialog.choose_meeting(number)
    qtbot.mouseClick(record_button(panel.dialog), Qt.MouseButton.LeftButton)
    # THEN the service refuses in Persian and nothing changes
    assert "اجازه" in panel.dialog.findChild(QLabel, "form_error").text()
    with pytest.raises(PermissionDenied), ctx.session() as s:
        workflow.transition(s, viewer.actor, dossier_id, "approve_provincial")
    assert state_of(ctx, dossier_id) == "provincial_evaluation"


def test_other_steps_ask_first_and_an_incomplete_plan_is_named(ctx, qtbot, asked) -> None:
    # GIVEN a draft and a dossier whose plan is still empty
    draft = dossier_at(ctx, "draft")
    in_progress = dossier_at(ctx, "plan_in_progress", name="زعفران قائنات")
    panel = DecisionPanel(ctx, draft)
    qtbot.addWidget(panel)
    panel.show()
    # WHEN nomination is declined, then confirmed
    asked.confirm_answer = False
    qtbot.mouseClick(panel.buttons["nominate"], Qt.MouseButton.LeftButton)
    assert state_of(ctx, draft) == "draft"
    asked.confirm_answer = True
    qtbot.mouseClick(panel.buttons["nominate"], Qt.MouseButton.LeftButton)
    # THEN only the confirmed click nominated it, and the panel offers the next step
    assert state_of(ctx, draft) == "nominated"
    assert "F3-2" in asked.said("confirm")[0] and "issue_plan" in panel.buttons
    # WHEN the empty plan is submitted
    plan_panel = DecisionPanel(ctx, in_progress)
    qtbot.addWidget(plan_panel)
    plan_panel.show()
    qtbot.mouseClick(plan_panel.buttons["submit_plan"], Qt.MouseButton.LeftButton)
    # THEN the missing sections are named and the state stays
    assert "کمبودها" in asked.said("error")[-1]
    assert state_of(ctx, in_progress) == "plan_in_progress"
    with ctx.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(Transition).where(Transition.dossier_id == in_progress))
            == 2
        )


# --- the centre: steps with a record of their own go through their services ---------------------


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")  # the central group's secretary
    return AppContext(ws, actor, "fa")


def test_register_and_license_from_the_panel_write_their_records(cctx, qtbot, asked, monkeypatch) -> None:
    # GIVEN a finally approved dossier at the centre
    with cctx.session() as s:
        dossier_id = s.scalars(
            select(Dossier.id).where(Dossier.state == "approved").order_by(Dossier.id)
        ).first()
    panel = DecisionPanel(cctx, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    register = panel.findChild(QPushButton, "action_register")
    assert register is not None and "F7" in register.text() and "بانک اطلاعات" in register.text()
    # WHEN register is clicked and confirmed
    with qtbot.waitSignal(cctx.changed):
        qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    # THEN the databank entry is written with the step, and its registry number is shown
    with cctx.session() as s:
        entry = s.scalar(select(DatabankEntry).where(DatabankEntry.dossier_id == dossier_id))
        assert entry is not None and s.get(Dossier, dossier_id).state == "registered"
        number = entry.registry_no
    assert to_persian_digits(number) in asked.said("info")[-1]
    # WHEN the license step is clicked THEN the license form opens (not a bare state change)
    license_button = panel.findChild(QPushButton, "action_license")
    assert license_button is not None and "F8" in license_button.text()
    qtbot.mouseClick(license_button, Qt.MouseButton.LeftButton)
    dialog = panel.license_dialog
    assert dialog is not None and dialog.isVisible()
    assert state_of(cctx, dossier_id) == "registered"
    # AND issuing it there (the centre's key unlocked with the password) numbers, signs and moves it
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)
    with qtbot.waitSignal(cctx.changed):
        qtbot.mouseClick(dialog.findChild(QPushButton, "issue_ok_button"), Qt.MouseButton.LeftButton)
    with cctx.session() as s:
        lic = s.scalar(select(License).where(License.dossier_id == dossier_id))
        assert lic is not None and lic.signature and s.get(Dossier, dossier_id).state == "licensed"
    assert lic.number in asked.said("info")[-1] and not panel.buttons


def test_the_centre_asks_the_province_for_the_plan_from_the_panel(cctx, qtbot, asked) -> None:
    # GIVEN an initial-list entry recorded without asking the province yet
    with cctx.session() as s:
        entry = central.add_to_initial_list(
            s,
            cctx.actor,
            ClusterInput(name="گلاب میمند", county="فیروزآباد", province_code="IR-07"),
            note="نقشهٔ ملی خوشه‌ها",
            request=False,
        )
        entry_id = entry.id
    panel = DecisionPanel(cctx, entry_id)
    qtbot.addWidget(panel)
    panel.show()
    # WHEN the request is declined, then confirmed
    asked.confirm_answer = False
    qtbot.mouseClick(panel.buttons["request_plan"], Qt.MouseButton.LeftButton)
    assert state_of(cctx, entry_id) == "draft"
    asked.confirm_answer = True
    qtbot.mouseClick(panel.buttons["request_plan"], Qt.MouseButton.LeftButton)
    # THEN the plan request that travels to the province was written with the step
    assert "استان" in asked.said("confirm")[-1]
    with cctx.session() as s:
        req = central.plan_request_of(s, entry_id)
        assert req is not None and req.province_code == "IR-07" and req.note == "نقشهٔ ملی خوشه‌ها"
        assert s.get(Dossier, entry_id).state == "plan_in_progress"
    # AND the service refuses the bare step, so no other caller can skip the request
    with pytest.raises(PermissionDenied), cctx.session() as s:
        workflow.transition(s, cctx.actor, entry_id, "request_plan")
