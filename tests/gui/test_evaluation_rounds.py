"""Issue 15, must show: a returned dossier is re-scored by the same members and decided on the new
round, at the province (returned by its own working group) and at the centre (returned to the province,
revised there, received again); the scores tab and the printed summary show both rounds. Every step a
person takes goes through the real widgets; members and meetings are set up through the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.gui import password_dialog
from cluster_desktop.gui.central_tables import select_row
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.dossier_page import DossierPage
from cluster_desktop.gui.evaluation_sheet import EvaluationSheet
from cluster_desktop.gui.plan_editor import PlanEditor
from cluster_desktop.gui.review import ReviewView
from cluster_desktop.gui.scores_view import ScoresView
from cluster_desktop.services import evaluations, groups, users
from cluster_desktop.store.models import Dossier, Evaluation, User
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text
from tests.gui.test_central_flow import members as central_members
from tests.gui.test_central_flow import receive_bundle, send_bundle
from tests.gui.test_evaluation import dossier_at, member_ctx
from tests.gui.test_print_wiring import pdf_text, wait_preview
from tests.gui.test_walkthrough import click, ok, take
from tests.printing.pdftext import normalise
from tests.sync.conftest import pair, pair_template  # noqa: F401 (fixtures)
from tests.sync.offices import Pair

NAMES = ("مریم احمدی", "رضا کریمی", "سارا نیک‌نام")


@pytest.fixture
def offices(request: pytest.FixtureRequest) -> Pair:
    """The province and the centre of tests/sync/conftest.py (SQLite files)."""
    return request.getfixturevalue("pair")  # type: ignore[no-any-return]


def score(qtbot, ctx: AppContext, dossier_id: str, level: int, *, expect_round: int) -> EvaluationSheet:  # type: ignore[no-untyped-def]
    """The member opens their sheet, finds it fresh for this round, scores every criterion, submits."""
    sheet = EvaluationSheet(ctx, dossier_id)
    qtbot.addWidget(sheet)
    sheet.show()
    assert sheet.state is not None and sheet.state.round_number == expect_round
    assert sheet.submit_button.isVisible(), sheet.note.text()
    assert all(row.score.currentText() == "" for row in sheet.rows.values())  # nothing carried over
    if expect_round > 1:
        assert f"دور {to_persian_digits(expect_round)}" in sheet.note.text()
        assert to_persian_digits(expect_round) in sheet.heading.text()
    for row in sheet.rows.values():
        row.score.setCurrentIndex(level + 1)  # item 0 is "no score yet"
    click(qtbot, sheet.submit_button)
    assert sheet.state.submitted_at is not None
    return sheet


def decide(qtbot, page: DossierPage, action: str, meeting_number: str, comment: str) -> None:  # type: ignore[no-untyped-def]
    page.refresh()
    take(qtbot, page, action)
    dialog = page.sections["decisions"].dialog
    assert dialog is not None and dialog.choose_meeting(meeting_number)
    type_text(dialog.comment_edit, comment)
    ok(qtbot, dialog.buttons)
    QApplication.processEvents()


def revise_plan(qtbot, page: DossierPage, note: str) -> None:  # type: ignore[no-untyped-def]
    editor = page.show_section("plan")
    assert isinstance(editor, PlanEditor) and not editor.read_only
    editor.texts["investment_note"].clear()
    type_text(editor.texts["investment_note"], note)
    click(qtbot, editor.save_button)


def round_items(view: ScoresView) -> list[str]:
    return [view.round_combo.itemText(i) for i in range(view.round_combo.count())]


def column_of(view: ScoresView, name: str) -> int:
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    return headers.index(name)


def test_province_returns_revises_and_the_same_members_rescore_and_decide(
    ctx, qtbot, asked, tmp_path: Path
) -> None:
    # GIVEN a dossier in provincial evaluation, scored by three members through their sheets
    did = dossier_at(ctx)
    team = [member_ctx(ctx, f"member{i}", n) for i, n in enumerate(NAMES)]
    for m, level in zip(team, (2, 2, 3), strict=True):
        score(qtbot, m, did, level, expect_round=1)
    with ctx.session() as s:
        number = groups.create_meeting(
            s,
            ctx.actor,
            groups.MeetingInput("1405/02/10", attendee_ids=[m.actor.member_id or "" for m in team]),
        ).number
    page = DossierPage(ctx, did)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    # WHEN the working group returns it for revision
    decide(qtbot, page, "return_provincial", number, "برآورد سرمایه‌گذاری باید اصلاح شود")
    # AND the plan is revised and resubmitted, and the evaluation reopened
    take(qtbot, page, "issue_plan")
    revise_plan(qtbot, page, "کارگاه رنگرزی مشترک با برآورد تازه")
    take(qtbot, page, "submit_plan")
    take(qtbot, page, "open_evaluation")
    with ctx.session() as s:
        assert s.get(Dossier, did).state == "provincial_evaluation"
    # THEN the same members score it afresh; nobody is refused
    for m, level in zip(team, (4, 5, 4), strict=True):
        score(qtbot, m, did, level, expect_round=2)
    assert asked.said("error") == []
    # AND the group approves it on the new round
    decide(qtbot, page, "approve_provincial", number, "طرح اصلاح‌شده پذیرفته شد")
    with ctx.session() as s:
        d = s.get(Dossier, did)
        assert d.state == "provincially_approved" and d.provincial_score == 86.7  # (4+5+4)/3 of 5
        rounds = sorted(s.execute(select(Evaluation.round_number, Evaluation.member_id)).all())
        assert [r for r, _ in rounds] == [1, 1, 1, 2, 2, 2]
    # AND the scores tab shows the current round, and round 1 as it was scored, on request
    scores = page.show_section("scores")
    assert isinstance(scores, ScoresView)
    scores.refresh()
    assert scores.round_combo.isVisibleTo(scores)
    items = round_items(scores)
    assert items[0] == "دور ۲ (جاری)" and items[1].startswith("دور ۱ — برگشت برای اصلاح")
    assert scores.cell(0, column_of(scores, NAMES[1])) == "۵" and "۸۶٫۷" in scores.score_label.text()
    scores.round_combo.activated.emit(1)
    assert scores.view is not None and scores.view.round_number == 1
    assert scores.cell(0, column_of(scores, NAMES[2])) == "۳" and "۴۶٫۷" in scores.score_label.text()
    assert "برگشت برای اصلاح" in scores.round_info.text() and "اصلاح شود" in scores.round_info.text()
    assert "دور پیشین" in scores.rank_label.text()
    # AND the printed summary lists the current round, then round 1 with who scored what
    click(qtbot, scores.print_button)
    text = pdf_text(wait_preview(qtbot, scores), tmp_path)
    assert "دور ارزیابی ۲ (جاری)" in text and "دور ۱ ارزیابی" in text
    current, earlier = text.split("دورهای پیشین ارزیابی این پرونده")
    assert "تأیید در کارگروه استان" in current and "برگشت برای اصلاح" in earlier
    assert all(normalise(n) in current and normalise(n) in earlier for n in NAMES)
    assert "۸۶٫۷" in current and "۴۶٫۷" in earlier and "ویرایش ۱" in earlier


def test_centre_returns_the_province_revises_and_both_rescore_on_new_rounds(
    offices: Pair,
    fa_app,
    qtbot,
    asked,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    province, centre = offices.province, offices.centre
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)  # bundles unlock keys
    cctx = AppContext(centre.ws, centre.actor, "fa")
    pctx = AppContext(province.ws, province.actor, "fa")
    # GIVEN the province's bundle at the centre, where the review opens and two members score round 1
    send_bundle(qtbot, asked, province, tmp_path / "p1.cdb")
    receive_bundle(qtbot, asked, centre, tmp_path / "p1.cdb")
    review = ReviewView(cctx)
    qtbot.addWidget(review)
    did = review.model.rows[0].id
    select_row(review.table, 0)
    click(qtbot, review.start_button)
    team = central_members(cctx, 2)
    for m, level in zip(team, (1, 2), strict=True):
        score(qtbot, m, did, level, expect_round=1)
    with cctx.session() as s:
        central_no = groups.create_meeting(
            s,
            cctx.actor,
            groups.MeetingInput("1405/02/20", attendee_ids=[m.actor.member_id or "" for m in team]),
        ).number
    cpage = DossierPage(cctx, did)
    qtbot.addWidget(cpage)
    cpage.show()
    # WHEN the central working group returns it to the province
    decide(qtbot, cpage, "return_central", central_no, "برآورد سرمایه اصلاح شود")
    send_bundle(qtbot, asked, centre, tmp_path / "c1.cdb", to="IR-07")
    receive_bundle(qtbot, asked, province, tmp_path / "c1.cdb")
    # AND the province revises the plan, reopens its evaluation, its members re-score, it approves
    ppage = DossierPage(pctx, did)
    qtbot.addWidget(ppage)
    ppage.show()
    take(qtbot, ppage, "issue_plan")
    revise_plan(qtbot, ppage, "برآورد سرمایه پس از برگشت از مرکز اصلاح شد")
    take(qtbot, ppage, "submit_plan")
    take(qtbot, ppage, "open_evaluation")
    with pctx.session() as s:
        local = [
            AppContext(province.ws, users.actor_for(s, u), "fa")
            for u in s.scalars(
                select(User)
                .where(User.member_id.is_not(None), User.role == "evaluator")
                .order_by(User.username)
            ).all()[:3]
        ]
        province_no = groups.create_meeting(
            s,
            pctx.actor,
            groups.MeetingInput("1405/03/01", attendee_ids=[m.actor.member_id or "" for m in local]),
        ).number
    for m in local:
        score(qtbot, m, did, 4, expect_round=2)
    decide(qtbot, ppage, "approve_provincial", province_no, "طرح اصلاح‌شده تأیید شد")
    send_bundle(qtbot, asked, province, tmp_path / "p2.cdb")
    receive_bundle(qtbot, asked, centre, tmp_path / "p2.cdb")
    # THEN the centre reviews it again and the same central members score it afresh, in round 2
    review.refresh()
    row = next(i for i, r in enumerate(review.model.rows) if r.id == did)
    assert review.model.rows[row].sheets_submitted == 0  # round 1's sheets are not this round's
    select_row(review.table, row)
    click(qtbot, review.start_button)
    for m, level in zip(team, (4, 5), strict=True):
        score(qtbot, m, did, level, expect_round=2)
    decide(qtbot, cpage, "approve_central", central_no, "با اولویت‌های ملی همخوان است")
    assert asked.said("error") == []
    with cctx.session() as s:
        d = s.get(Dossier, did)
        assert d.state == "approved" and d.central_score == 90.0 and d.provincial_score == 80.0
        assert evaluations.consolidated(s, cctx.actor, did, "central", 1).consolidation.score == 30.0
    # AND its scores tab and printed summary show both central rounds
    scores = cpage.show_section("scores")
    assert isinstance(scores, ScoresView)
    scores.refresh()
    assert round_items(scores)[0] == "دور ۲ (جاری)" and "برگشت به استان" in round_items(scores)[1]
    click(qtbot, scores.print_button)
    text = pdf_text(wait_preview(qtbot, scores), tmp_path)
    current, earlier = text.split("دورهای پیشین ارزیابی این پرونده")
    assert "۹۰٫۰" in current and "تأیید نهایی" in current
    assert "۳۰٫۰" in earlier and "برگشت به استان برای اصلاح" in earlier
