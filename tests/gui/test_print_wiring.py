"""Print preview and license verification reached from the screens that show a document.

Each test clicks the screen's real button or menu action; the preview opens (non-modal) as a child of
the screen once the PDF is made off the GUI thread, so the tests wait for it and read its PDF back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import select

from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.gui.cluster_list import ClusterListView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.dossier_page import DossierPage
from cluster_desktop.gui.evaluation_sheet import EvaluationSheet
from cluster_desktop.gui.license_verify import LicenseVerifyDialog
from cluster_desktop.gui.licenses_view import LicensesView
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.national_list import NationalListView
from cluster_desktop.gui.print_preview import PrintPreviewDialog
from cluster_desktop.gui.process_steps import ProcessStepsView
from cluster_desktop.gui.scores_view import ScoresView
from cluster_desktop.gui.working_group import WorkingGroupView
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.licenses import qr_text
from cluster_desktop.services.users import actor_for
from cluster_desktop.store.models import Cluster, Dossier, Evaluation, License, Meeting, Province, User
from tests.conftest import PASSWORD
from tests.printing.pdftext import extract_logical, normalise

TIMEOUT = 20_000


@pytest.fixture
def centre(central_ctx: AppContext) -> AppContext:
    fill_demo(central_ctx.ws, central_ctx.actor, PASSWORD, count=15)
    return central_ctx


def wait_preview(qtbot, parent: QWidget, count: int = 1) -> PrintPreviewDialog:
    """The ``count``-th preview opened over ``parent`` (made in a worker thread, shown when done)."""
    qtbot.waitUntil(lambda: len(parent.findChildren(PrintPreviewDialog)) >= count, timeout=TIMEOUT)
    dialog = parent.findChildren(PrintPreviewDialog)[count - 1]
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.document.pageCount() > 0 and dialog.pdf.startswith(b"%PDF")
    return dialog


def pdf_text(dialog: PrintPreviewDialog, tmp_path: Path) -> str:
    path = tmp_path / f"preview-{id(dialog)}.pdf"
    path.write_bytes(dialog.pdf)
    return extract_logical(path)


def licensed_dossier(ctx: AppContext) -> tuple[str, str, License]:
    """A licensed dossier, its cluster name and its license."""
    with ctx.session() as s:
        lic = s.scalars(select(License).where(License.status == "valid")).first()
        name = s.get(Cluster, lic.cluster_id).name
        s.expunge(lic)
        return lic.dossier_id, name, lic


def member_ctx(ctx: AppContext, dossier_id: str, level: str) -> AppContext:
    """Acting as a working-group member who submitted a sheet on the dossier at ``level``."""
    with ctx.session() as s:
        sheet = s.scalars(
            select(Evaluation).where(
                Evaluation.dossier_id == dossier_id,
                Evaluation.level == level,
                Evaluation.submitted_at.is_not(None),
            )
        ).first()
        user = s.scalars(select(User).where(User.member_id == sheet.member_id)).first()
        actor = actor_for(s, user)
    return AppContext(ctx.ws, actor, ctx.lang)


def test_dossier_print_menu_previews_every_document(centre, qtbot, asked, tmp_path: Path) -> None:
    # GIVEN a licensed dossier's page, opened by a central member who scored it
    dossier_id, name, _lic = licensed_dossier(centre)
    mctx = member_ctx(centre, dossier_id, "central")
    page = DossierPage(mctx, dossier_id)
    qtbot.addWidget(page)
    page.show()
    # WHEN the Print menu opens THEN every document can be made and says so
    page.print_menu.popup(page.print_button.mapToGlobal(QPoint(0, page.print_button.height())))
    qtbot.waitUntil(page.print_menu.isVisible)
    actions = page.print_menu.actions()
    assert [a.objectName() for a in actions] == [
        "print_nomination_action",
        "print_plan_action",
        "print_my_sheet_action",
        "print_sheets_action",
        "print_summary_action",
        "print_license_action",
    ]
    assert all(a.isEnabled() for a in actions), [a.toolTip() for a in actions]
    page.print_menu.hide()
    # WHEN each entry is chosen THEN its preview opens with the document
    texts = []
    for i, action in enumerate(actions, start=1):
        action.trigger()
        texts.append(pdf_text(wait_preview(qtbot, page, i), tmp_path))
    assert asked.said("error") == []
    nomination, plan, my_sheet, sheets, summary, license_text = texts
    for text in texts:
        assert normalise(name) in text
    assert "معرفی" in nomination and "طرح توجیهی" in plan
    # my sheet is one page with my name; all sheets carry every submitted central sheet
    with mctx.session() as s:
        count = len(
            s.scalars(
                select(Evaluation).where(
                    Evaluation.dossier_id == dossier_id,
                    Evaluation.level == "central",
                    Evaluation.submitted_at.is_not(None),
                )
            ).all()
        )
    dialogs = page.findChildren(PrintPreviewDialog)
    assert dialogs[2].document.pageCount() == 1 and normalise(mctx.actor.full_name) in my_sheet
    assert dialogs[3].document.pageCount() == count >= 2
    assert normalise(mctx.actor.full_name) in sheets and normalise(mctx.actor.full_name) in summary
    assert "پروانه" in license_text
    # the preview's title names the document
    assert "پروانه" in dialogs[5].windowTitle()


def test_dossier_print_menu_disables_what_cannot_be_made(centre, qtbot, asked) -> None:
    # GIVEN a draft dossier (no plan, no sheets, no license) opened by the centre's administrator
    with centre.session() as s:
        draft = s.scalars(select(Dossier).where(Dossier.state == DossierState.DRAFT.value)).first().id
    page = DossierPage(centre, draft)
    qtbot.addWidget(page)
    page.update_print_actions()
    acts = page.print_actions
    # THEN the nomination form prints; the rest are disabled with the reason as tooltip
    assert acts["nomination"].isEnabled()
    for key in ("plan", "my_sheet", "sheets", "summary", "license"):
        assert not acts[key].isEnabled(), key
        assert acts[key].toolTip(), key
    assert "طرح توجیهی" in acts["plan"].toolTip()
    assert "پروانه" in acts["license"].toolTip()
    assert "اعضای کارگروه" in acts["my_sheet"].toolTip()
    assert page.print_menu.toolTipsVisible()
    # a refusal from the services (the dossier vanished meanwhile) is shown once, no preview opens
    page.dossier_id = "no-such-dossier"
    op = page.print_document("license")
    with qtbot.waitSignal(op.finished, timeout=TIMEOUT):
        pass
    assert len(asked.said("error")) == 1 and page.findChildren(PrintPreviewDialog) == []


def test_scores_and_sheet_sections_print(centre, qtbot, asked, tmp_path: Path) -> None:
    dossier_id, name, _lic = licensed_dossier(centre)
    mctx = member_ctx(centre, dossier_id, "central")
    # GIVEN the consolidated scores WHEN Print is clicked THEN the consolidated sheet previews
    scores = ScoresView(mctx, dossier_id)
    qtbot.addWidget(scores)
    assert scores.print_button.isEnabled()
    qtbot.mouseClick(scores.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, scores), tmp_path)
    assert normalise(name) in text
    # GIVEN my submitted sheet WHEN Print is clicked THEN my sheet previews
    sheet = EvaluationSheet(mctx, dossier_id)
    qtbot.addWidget(sheet)
    sheet.show()
    assert sheet.print_button.isVisible() and sheet.print_button.isEnabled()
    qtbot.mouseClick(sheet.print_button, Qt.MouseButton.LeftButton)
    assert wait_preview(qtbot, sheet).document.pageCount() == 1
    assert asked.said("error") == [] and asked.said("confirm") == []


def test_sheet_with_unsaved_edits_asks_before_printing(ctx, province_admin, qtbot, asked) -> None:
    # GIVEN a member's draft sheet with an edit not saved yet
    fill_demo(ctx.ws, province_admin, PASSWORD, count=10)
    with ctx.session() as s:
        sheet_row = s.scalars(select(Evaluation).where(Evaluation.submitted_at.is_(None))).first()
        user = s.scalars(select(User).where(User.member_id == sheet_row.member_id)).first()
        mctx = AppContext(ctx.ws, actor_for(s, user), ctx.lang)
        dossier_id = sheet_row.dossier_id
    sheet = EvaluationSheet(mctx, dossier_id)
    qtbot.addWidget(sheet)
    sheet.comment_edit.setPlainText("یادداشت تازه")
    assert sheet.has_unsaved_edits() and sheet.print_button.isEnabled()
    # WHEN Print is clicked and the user declines THEN nothing is printed and the edit stays
    asked.confirm_answer = False
    qtbot.mouseClick(sheet.print_button, Qt.MouseButton.LeftButton)
    assert len(asked.said("confirm")) == 1 and sheet.operation is None and sheet.has_unsaved_edits()
    # WHEN accepted THEN the sheet as last saved previews
    asked.confirm_answer = True
    qtbot.mouseClick(sheet.print_button, Qt.MouseButton.LeftButton)
    assert wait_preview(qtbot, sheet).document.pageCount() == 1
    assert sheet.has_unsaved_edits() and asked.said("error") == []


def test_scores_print_disabled_before_any_sheet(centre, qtbot) -> None:
    with centre.session() as s:
        draft = s.scalars(select(Dossier).where(Dossier.state == DossierState.DRAFT.value)).first().id
    scores = ScoresView(centre, draft)
    qtbot.addWidget(scores)
    assert not scores.print_button.isEnabled()
    assert scores.print_button.toolTip() == scores.note.text() != ""
    sheet = EvaluationSheet(centre, draft)  # the administrator is no member: no sheet, no button
    qtbot.addWidget(sheet)
    sheet.show()
    assert not sheet.print_button.isVisible()


def test_working_group_prints_the_selected_minutes(ctx, province_admin, qtbot, asked, tmp_path) -> None:
    # GIVEN a province's working group with meetings
    fill_demo(ctx.ws, province_admin, PASSWORD, count=14)
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    with ctx.session() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.number.is_not(None))).first()
        number, location = meeting.number, meeting.location
    view._select_meeting(meeting.id)
    assert view.print_button.isEnabled()
    # WHEN Print minutes is clicked THEN that meeting's minutes preview
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    dialog = wait_preview(qtbot, view)
    assert "صورتجلسه" in dialog.windowTitle()
    text = pdf_text(dialog, tmp_path)
    assert normalise(location) in text
    assert asked.said("error") == [] and number


def test_working_group_without_meetings_cannot_print(ctx, qtbot) -> None:
    view = WorkingGroupView(ctx)
    qtbot.addWidget(view)
    assert not view.print_button.isEnabled() and view.print_button.toolTip()


def test_ranking_reports_follow_the_province(centre, qtbot, asked, tmp_path) -> None:
    # GIVEN the national list filtered to one province
    view = NationalListView(centre)
    qtbot.addWidget(view)
    with centre.session() as s:
        rows = s.execute(
            select(Dossier.province_code, Province.name_fa, Cluster.name)
            .join(Province, Province.code == Dossier.province_code)
            .join(Cluster, Cluster.id == Dossier.cluster_id)
        ).all()
    code, province_name, inside = rows[0]
    outside = next(n for c, _p, n in rows if c != code)
    view.province_combo.setCurrentIndex(view.province_combo.findData(code))
    assert province_name in view.print_button.toolTip()
    # WHEN Print ranking is clicked THEN the report covers that province only
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, view), tmp_path)
    assert normalise(inside) in text and normalise(outside) not in text
    # the centre's cluster list prints the national report when no province is chosen
    clusters = ClusterListView(centre)
    qtbot.addWidget(clusters)
    qtbot.mouseClick(clusters.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, clusters), tmp_path)
    assert normalise(inside) in text and normalise(outside) in text
    assert asked.said("error") == []


def test_province_cluster_list_prints_its_ranking(ctx, province_admin, qtbot, asked, tmp_path) -> None:
    fill_demo(ctx.ws, province_admin, PASSWORD, count=10)
    view = ClusterListView(ctx)
    qtbot.addWidget(view)
    assert view.ranking_province() == "IR-07"
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, view), tmp_path)
    with ctx.session() as s:
        province = s.get(Province, "IR-07").name_fa
        names = s.scalars(select(Cluster.name)).all()
    assert normalise(province) in text and all(normalise(n) in text for n in names)
    assert asked.said("error") == []


def test_licenses_view_prints_and_verifies(centre, qtbot, asked, tmp_path: Path) -> None:
    _dossier_id, name, lic = licensed_dossier(centre)
    view = LicensesView(centre)
    qtbot.addWidget(view)
    view.table.clearSelection()
    assert not view.print_button.isEnabled() and view.print_button.toolTip()
    # GIVEN a license selected WHEN Print license is clicked THEN its certificate previews
    assert view.select_license(lic.number)
    assert view.print_button.isEnabled()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    dialog = wait_preview(qtbot, view)
    assert normalise(name) in pdf_text(dialog, tmp_path)
    # WHEN Verify a license is clicked and the printed PDF is opened THEN it is genuine
    qtbot.mouseClick(view.findChild(QPushButton, "verify_button"), Qt.MouseButton.LeftButton)
    verify = view.verify_dialog
    assert isinstance(verify, LicenseVerifyDialog) and verify.isVisible()
    pdf = tmp_path / "license.pdf"
    pdf.write_bytes(dialog.pdf)
    asked.files = [pdf]
    qtbot.mouseClick(verify.findChild(QPushButton, "open_pdf_button"), Qt.MouseButton.LeftButton)
    assert verify.verdict is not None and verify.verdict.genuine is True
    assert verify.qr_edit.toPlainText() == qr_text(lic)
    assert asked.said("error") == []


def test_process_steps_print_the_matrix(central_ctx, qtbot, asked) -> None:
    view = ProcessStepsView(central_ctx)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.findChild(QPushButton, "print_matrix_button"), Qt.MouseButton.LeftButton)
    dialog = wait_preview(qtbot, view)
    assert dialog.document.pageCount() >= 2 and asked.said("error") == []


def test_main_window_verifies_a_license(centre, qtbot, asked) -> None:
    # GIVEN the main window and a license the centre issued
    _dossier_id, _name, lic = licensed_dossier(centre)
    window = MainWindow(centre)
    qtbot.addWidget(window)
    action = next(a for a in window.file_menu.actions() if a.objectName() == "verify_license_action")
    # WHEN Verify a license… is chosen and the QR text pasted THEN the dialog says it is genuine
    action.trigger()
    dialog = window.findChild(LicenseVerifyDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    dialog.qr_edit.setPlainText(qr_text(lic))
    qtbot.mouseClick(dialog.findChild(QPushButton, "verify_button"), Qt.MouseButton.LeftButton)
    assert dialog.verdict is not None and dialog.verdict.genuine is True
    assert "اصیل" in dialog.verdict_label.text()
    # choosing it again brings the same dialog forward
    action.trigger()
    assert window.findChildren(LicenseVerifyDialog) == [dialog]


def test_programme_view_previews_its_monitoring_report(qtbot, fa_app, central_demo, tmp_path: Path) -> None:
    from cluster_desktop.gui.programmes import monitoring_view

    ws, actor = central_demo("secretary")
    view = monitoring_view(AppContext(ws, actor, "fa"))
    qtbot.addWidget(view)
    running = next(r for r in view.model.rows if r.state == "in_execution")
    assert view.select_programme(running.id)
    qtbot.mouseClick(view.buttons["print_button"], Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, view), tmp_path)
    assert normalise(f"گزارش پایش طرح توسعه‌ای «{running.title}»") in text
    assert normalise(running.cluster_name) in text and "پایش: هدف در برابر عملکرد (F14)" in text


def test_instructions_view_previews_the_revision_shown(qtbot, fa_app, central_demo, tmp_path: Path) -> None:
    from cluster_desktop.gui.instructions_view import InstructionsView

    ws, actor = central_demo("secretary")
    view = InstructionsView(AppContext(ws, actor, "fa"))
    qtbot.addWidget(view)
    # GIVEN the executive instruction (revised once) with its first revision chosen
    assert view.model.row_at(0).code == "F5-1" and view.revision_combo.count() == 2
    view.revision_combo.setCurrentIndex(1)
    # WHEN it is printed THEN the preview holds that revision's text, marked as replaced
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(wait_preview(qtbot, view), tmp_path)
    assert "هر شش ماه" in text and "هر سه ماه" not in text
    assert normalise("۱ از ۲ — جایگزین‌شده با بازنگری بعدی") in text
