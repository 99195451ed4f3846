"""Issue 3's walk-through: one cluster from the first-run wizard to a minuted provincial approval.

Every step a person takes goes through the real widgets: the setup wizard, the cluster list and
profile form, the dossier page's workflow buttons and plan editor (with an attachment), the working
group's member and meeting dialogs, the login dialog, three members' evaluation sheets, and the
decision dialog. The only thing set up behind the GUI is the members' login accounts (there is no
users screen yet): the administrator creates them with ``services.users.create_user``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QWizard
from sqlalchemy import select

from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.cluster_form import NewClusterDialog
from cluster_desktop.gui.cluster_list import ClusterListView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.decisions import DecisionPanel
from cluster_desktop.gui.dossier_page import DossierPage
from cluster_desktop.gui.evaluation_sheet import EvaluationSheet
from cluster_desktop.gui.history_view import HistoryView
from cluster_desktop.gui.login import LoginDialog
from cluster_desktop.gui.meeting_dialog import MeetingDialog
from cluster_desktop.gui.member_dialog import MemberDialog
from cluster_desktop.gui.plan_editor import PlanEditor
from cluster_desktop.gui.setup_wizard import SetupWizard
from cluster_desktop.gui.working_group import WorkingGroupView
from cluster_desktop.services import plans, users, workflow
from cluster_desktop.store.models import Attachment, Dossier, Evaluation, FeasibilityPlan, Meeting
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton
MEMBERS = [("member1", "مریم احمدی", 4), ("member2", "رضا کریمی", 5), ("member3", "سارا نیک‌نام", 3)]
PLAN_TEXT = {
    "overview": "۲۴۰ کارگاه فرش دستباف در کاشان و آران و بیدگل",
    "market": "آلمان، امارات و چین",
    "strengths": "طرح‌های اصیل و نیروی ماهر",
    "weaknesses": "بسته‌بندی ضعیف",
    "opportunities": "نمایشگاه‌های بین‌المللی",
    "threats": "فرش ماشینی ارزان",
    "investment_note": "کارگاه رنگرزی مشترک",
    "actions": "آموزش صادرات و برند مشترک",
    "expected_results": "دو برابر شدن صادرات در سه سال",
}


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, LEFT)


def ok(qtbot, box: QDialogButtonBox) -> None:  # type: ignore[no-untyped-def]
    """Press the box's accepting button (OK or Save)."""
    accept = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
    assert accept, "no accepting button"
    qtbot.mouseClick(accept[0], LEFT)


def newest(parent, cls):  # type: ignore[no-untyped-def]
    """The dialog a button just opened (dialogs open non-modally in these views)."""
    found = [w for w in parent.findChildren(cls) if w.isVisible()]
    assert found, f"no open {cls.__name__}"
    return found[-1]


def run_wizard(qtbot, workspace) -> AppContext:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    nxt = wizard.button(QWizard.WizardButton.NextButton)
    combo = wizard.office_page.province_combo
    combo.setCurrentIndex(combo.findData("IR-07"))
    click(qtbot, nxt)
    type_text(wizard.secretariat_page.secretary_edit, "مهدی جعفری")
    click(qtbot, nxt)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "admin")
    type_text(admin.full_name_edit, "علی رضایی")
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.again_edit, PASSWORD)
    click(qtbot, nxt)
    click(qtbot, wizard.keys_page.create_button)
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=30_000)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.actor is not None
    return AppContext(workspace, wizard.actor, "fa")


def record_cluster(qtbot, ctx: AppContext) -> str:  # type: ignore[no-untyped-def]
    clusters = ClusterListView(ctx)
    qtbot.addWidget(clusters)
    clusters.show()
    click(qtbot, clusters.new_button)
    dialog = clusters.new_dialog
    assert isinstance(dialog, NewClusterDialog)
    form = dialog.form
    type_text(form.edits["name"], "فرش دستباف کاشان")
    type_text(form.edits["county"], "کاشان")
    qtbot.keyClicks(form.edits["employees"], "1200")
    click(qtbot, form.findChild(QPushButton, "add_products_button"))
    form.tables["products"].item(0, 0).setText("5701.10")
    form.tables["products"].item(0, 1).setText("فرش دستباف پشمی")
    with qtbot.waitSignal(ctx.open_dossier) as opened:
        click(qtbot, form.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return opened.args[0]


def take(qtbot, page: DossierPage, action: str) -> None:  # type: ignore[no-untyped-def]
    panel = page.show_section("decisions")
    assert isinstance(panel, DecisionPanel)
    assert action in panel.buttons, f"{action} not offered: {list(panel.buttons)}"
    click(qtbot, panel.buttons[action])


def write_plan(qtbot, page: DossierPage, scan: Path, asked) -> None:  # type: ignore[no-untyped-def]
    editor = page.show_section("plan")
    assert isinstance(editor, PlanEditor) and not editor.read_only
    for key, text in PLAN_TEXT.items():
        type_text(editor.texts[key], text)
    qtbot.keyClicks(editor.investment_edit, "250000000000")
    click(qtbot, editor.findChild(QPushButton, "add_target_button"))
    for col, text in enumerate(("1405", "3000000", "1500")):
        editor.targets_table.item(0, col).setText(text)
    click(qtbot, editor.save_button)
    asked.files.append(scan)
    click(qtbot, editor.add_attachment_button)
    qtbot.waitUntil(lambda: editor.attachment_operation is None, timeout=20_000)  # stored off the GUI thread


def add_member(qtbot, ctx: AppContext, group: WorkingGroupView, name: str) -> str:  # type: ignore[no-untyped-def]
    click(qtbot, group.findChild(QPushButton, "add_member_button"))
    dialog = newest(group, MemberDialog)
    type_text(dialog.name_edit, name)
    dialog.org_combo.setCurrentIndex(1)
    ok(qtbot, dialog.findChild(QDialogButtonBox, "buttons"))
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.member_id
    return dialog.member_id


def log_in(qtbot, workspace, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    login = LoginDialog(workspace)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.username_edit, username)
    qtbot.keyClicks(login.password_edit, PASSWORD)
    click(qtbot, login.ok_button)
    assert login.actor is not None and login.actor.member_id
    return AppContext(workspace, login.actor, "fa")


def score(qtbot, ctx: AppContext, dossier_id: str, level: int) -> None:  # type: ignore[no-untyped-def]
    sheet = EvaluationSheet(ctx, dossier_id)
    qtbot.addWidget(sheet)
    sheet.show()
    for row in sheet.rows.values():
        row.score.setCurrentIndex(level + 1)
    type_text(sheet.comment_edit, "بر پایهٔ طرح توجیهی و بازدید")
    click(qtbot, sheet.submit_button)
    assert sheet.state is not None and sheet.state.submitted_at is not None


def hold_meeting(qtbot, group: WorkingGroupView) -> str:  # type: ignore[no-untyped-def]
    click(qtbot, group.findChild(QPushButton, "new_meeting_button"))
    dialog = newest(group, MeetingDialog)
    dialog.held_on.line.clear()
    qtbot.keyClicks(dialog.held_on.line, "1405/02/10")
    type_text(dialog.location, "سالن جلسات سازمان")
    for i in range(dialog.attendees.count()):
        dialog.attendees.item(i).setCheckState(Qt.CheckState.Checked)
    ok(qtbot, dialog.buttons)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.messages()
    return dialog.meeting_id


def test_one_cluster_from_the_wizard_to_a_minuted_approval(fa_app, workspace, qtbot, asked, tmp_path) -> None:
    # GIVEN a first run: the wizard sets up the Fars office and logs its administrator in
    ctx = run_wizard(qtbot, workspace)
    # WHEN a clerk records the cluster, nominates it and issues the plan template
    dossier_id = record_cluster(qtbot, ctx)
    page = DossierPage(ctx, dossier_id)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    take(qtbot, page, "nominate")
    take(qtbot, page, "issue_plan")
    # AND writes the feasibility plan with a scanned attachment, then submits it and opens scoring
    scan = tmp_path / "plan-scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scanned page\n%%EOF\n")
    write_plan(qtbot, page, scan, asked)
    take(qtbot, page, "submit_plan")
    take(qtbot, page, "open_evaluation")
    # AND the secretary adds three working-group members (the admin gives each a login)
    group = WorkingGroupView(ctx)
    qtbot.addWidget(group)
    group.show()
    for username, name, _level in MEMBERS:
        member_id = add_member(qtbot, ctx, group, name)
        with ctx.session() as s:
            users.create_user(
                s,
                ctx.actor,
                username=username,
                full_name=name,
                role=Role.EVALUATOR,
                password=PASSWORD,
                member_id=member_id,
            )
    # AND each member logs in and submits their own sheet
    for username, _name, level in MEMBERS:
        score(qtbot, log_in(qtbot, workspace, username), dossier_id, level)
    # AND the working group meets, and the secretary records the approval with its minutes
    meeting_id = hold_meeting(qtbot, group)
    page.refresh()
    take(qtbot, page, "approve_provincial")
    dialog = page.sections["decisions"].dialog
    dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(meeting_id))
    type_text(dialog.comment_edit, "امتیاز بالاتر از حد نصاب؛ تأیید شد")
    ok(qtbot, dialog.buttons)
    QApplication.processEvents()
    # THEN the database holds the approved dossier, three submitted sheets, the minuted transition,
    # the complete plan and its attachment
    with ctx.session() as s:
        dossier = s.get(Dossier, dossier_id)
        assert dossier.state == "provincially_approved"
        assert dossier.cluster.name == "فرش دستباف کاشان" and dossier.nominated_on is not None
        sheets = list(s.scalars(select(Evaluation).where(Evaluation.dossier_id == dossier_id)))
        assert len(sheets) == 3 and all(e.submitted_at is not None and len(e.scores) == 9 for e in sheets)
        assert dossier.provincial_score == 80.0  # (4 + 5 + 3) / 3 of 5, on every criterion
        meeting = s.get(Meeting, meeting_id)
        steps = workflow.history(s, dossier_id)
        assert [t.action for t in steps] == [
            "nominate",
            "issue_plan",
            "submit_plan",
            "open_evaluation",
            "approve_provincial",
        ]
        last = steps[-1]
        assert (last.f_code, last.meeting_id, last.minutes_number) == ("F3-4", meeting_id, meeting.number)
        assert last.comment == "امتیاز بالاتر از حد نصاب؛ تأیید شد"
        plan = s.scalar(select(FeasibilityPlan).where(FeasibilityPlan.dossier_id == dossier_id))
        assert plan.market == PLAN_TEXT["market"] and plans.is_complete(s, dossier_id)
        attachment = s.scalar(select(Attachment).where(Attachment.dossier_id == dossier_id))
        assert attachment.filename == "plan-scan.pdf"
        assert plans.blob_path(workspace.attachments_dir, attachment.sha256).read_bytes() == scan.read_bytes()
    # AND the dossier's history shows the decision with its minutes number
    history = page.show_section("history")
    assert isinstance(history, HistoryView)
    assert history.rows()[-1][3] == "F3-4" and history.rows()[-1][5] == "۱۴۰۵/۰۰۱"
