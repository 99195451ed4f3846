"""Evaluation sheets and consolidated scores, driven through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.numbers import format_score
from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.evaluation_sheet import EvaluationSheet
from cluster_desktop.gui.scores_view import FLAG_BACKGROUND, ScoresView
from cluster_desktop.services import clusters, evaluations, groups, plans, users, workflow
from cluster_desktop.store.models import Evaluation
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text

CODES = [f"C{k}" for k in range(1, 10)]


def full_plan() -> plans.PlanInput:
    return plans.PlanInput(
        overview="معرفی",
        market="بازار",
        strengths="قوت",
        weaknesses="ضعف",
        opportunities="فرصت",
        threats="تهدید",
        investment_note="سرمایه",
        actions="اقدام",
        expected_results="نتایج",
        targets=[plans.TargetInput("۱۴۰۵", "100000", "40")],
    )


def dossier_at(ctx: AppContext, state: str = "provincial_evaluation", name: str = "فرش دستباف کاشان") -> str:
    """Setup through services: a dossier walked to ``state`` by the secretary (admin)."""
    steps = {
        "draft": [],
        "nominated": ["nominate"],
        "plan_in_progress": ["nominate", "issue_plan"],
        "provincial_evaluation": ["nominate", "issue_plan", "plan", "submit_plan", "open_evaluation"],
    }[state]
    with ctx.session() as s:
        d = clusters.create_cluster(
            s,
            ctx.actor,
            clusters.ClusterInput(
                name=name, county="کاشان", products=[clusters.ProductInput("5701.10", "فرش دستباف")]
            ),
        )
        for step in steps:
            if step == "plan":
                plans.save_plan(s, ctx.actor, d.id, full_plan())
            else:
                workflow.transition(s, ctx.actor, d.id, step)
        return d.id


def member_ctx(ctx: AppContext, username: str, full_name: str, role: Role = Role.EVALUATOR) -> AppContext:
    """A working-group member with a login of their own, acting in another context."""
    with ctx.session() as s:
        m = groups.add_member(s, ctx.actor, groups.MemberInput(full_name, "PROV_COMMERCE"))
        u = users.create_user(
            s, ctx.actor, username=username, full_name=full_name, role=role, password=PASSWORD, member_id=m.id
        )
        actor = users.actor_for(s, u)
    return AppContext(ctx.ws, actor, "fa")


def choose(sheet: EvaluationSheet, scores: dict[str, int]) -> None:
    for code, value in scores.items():
        sheet.rows[code].score.setCurrentIndex(value + 1)  # item 0 is "no score yet"


def submit_via_services(ctx: AppContext, dossier_id: str, scores: dict[str, int]) -> None:
    with ctx.session() as s:
        evaluations.save_sheet(s, ctx.actor, dossier_id, evaluations.SheetInput(scores, {}), submit=True)


def test_a_member_saves_then_submits_a_sheet_through_the_widgets(ctx, qtbot, asked) -> None:
    # GIVEN a dossier open for scoring and member A's sheet
    dossier_id = dossier_at(ctx)
    a = member_ctx(ctx, "member.a", "مریم احمدی")
    sheet = EvaluationSheet(a, dossier_id)
    qtbot.addWidget(sheet)
    assert [sheet.rows[c].title.text().split(". ", 1)[1] for c in CODES[:1]] == [
        "تمرکز جغرافیایی مجموعه ای از بنگاه‌های کسب و کار"
    ]
    assert "مستقل" in sheet.note.text()
    # WHEN A scores every criterion, comments and saves a draft
    choose(sheet, {c: 4 for c in CODES} | {"C4": 5})
    assert sheet.rows["C4"].rubric.text()  # the rubric of the chosen level is shown
    type_text(sheet.rows["C4"].comment, "سهم صادراتی خوب")
    type_text(sheet.comment_edit, "بازدید میدانی انجام شد")
    qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    # THEN a draft is stored, not submitted
    with ctx.session() as s:
        ev = s.scalar(select(Evaluation))
        assert ev.submitted_at is None and len(ev.scores) == 9
    # WHEN A submits (confirming)
    with qtbot.waitSignal(a.changed) as signal:
        qtbot.mouseClick(sheet.submit_button, Qt.MouseButton.LeftButton)
    # THEN the sheet is final with every score and comment, and the page is read-only
    assert signal.args == [f"dossier:{dossier_id}"]
    assert any("ارسال" in t for t in asked.said("confirm"))
    with ctx.session() as s:
        ev = s.scalar(select(Evaluation))
        assert ev.submitted_at is not None and ev.comment == "بازدید میدانی انجام شد"
        got = {sc.criterion_code: (sc.score, sc.comment) for sc in ev.scores}
        assert got["C4"] == (5, "سهم صادراتی خوب") and got["C1"] == (4, "")
    assert not sheet.submit_button.isVisible() and not sheet.rows["C1"].score.isEnabled()
    assert "ارسال‌شده" in sheet.status.text()


def test_members_cannot_see_each_others_sheets_before_submitting_their_own(ctx, qtbot, asked) -> None:
    # GIVEN member A has submitted through the widgets
    dossier_id = dossier_at(ctx)
    a = member_ctx(ctx, "member.a", "مریم احمدی")
    b = member_ctx(ctx, "member.b", "رضا کریمی")
    sheet_a = EvaluationSheet(a, dossier_id)
    qtbot.addWidget(sheet_a)
    choose(sheet_a, {c: 5 for c in CODES})
    qtbot.mouseClick(sheet_a.submit_button, Qt.MouseButton.LeftButton)
    # WHEN member B opens the dossier before submitting
    sheet_b = EvaluationSheet(b, dossier_id)
    scores_b = ScoresView(b, dossier_id)
    qtbot.addWidget(sheet_b)
    qtbot.addWidget(scores_b)
    # THEN B sees an empty sheet of their own and a Persian note instead of A's scores
    assert all(sheet_b.rows[c].score.currentText() == "" for c in CODES)
    assert scores_b.view is None and not scores_b.table.isVisibleTo(scores_b)
    assert "پس از ارسال برگهٔ خودتان" in scores_b.note.text()
    with pytest.raises(PermissionDenied), ctx.session() as s:
        evaluations.visible_sheets(s, b.actor, dossier_id)
    # WHEN B submits their own sheet
    choose(sheet_b, {c: 2 for c in CODES})
    qtbot.mouseClick(sheet_b.submit_button, Qt.MouseButton.LeftButton)
    scores_b.refresh()
    # THEN B sees both sheets, A's column included
    assert scores_b.table.isVisibleTo(scores_b)
    headers = [scores_b.table.horizontalHeaderItem(c).text() for c in range(scores_b.table.columnCount())]
    assert "مریم احمدی" in headers and "رضا کریمی" in headers
    col_a = headers.index("مریم احمدی")
    assert scores_b.cell(0, col_a) == "۵"


def test_a_score_outside_0_to_5_or_letters_is_refused_beside_the_criterion(ctx, qtbot, asked) -> None:
    # GIVEN a member's sheet
    dossier_id = dossier_at(ctx)
    a = member_ctx(ctx, "member.a", "مریم احمدی")
    sheet = EvaluationSheet(a, dossier_id)
    qtbot.addWidget(sheet)
    sheet.show()
    choose(sheet, {c: 3 for c in CODES})
    # WHEN 6 is typed for C1 and «الف» for C2, then saved
    sheet.rows["C1"].score.lineEdit().clear()
    qtbot.keyClicks(sheet.rows["C1"].score.lineEdit(), "6")
    sheet.rows["C2"].score.lineEdit().clear()
    type_text(sheet.rows["C2"].score.lineEdit(), "الف")
    qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    # THEN each message stands beside its criterion and nothing is saved
    c1 = sheet.findChild(QLabel, "score_C1_error")
    c2 = sheet.findChild(QLabel, "score_C2_error")
    assert c1.isVisible() and "۰ تا ۵" in c1.text()
    assert c2.isVisible() and "عدد" in c2.text()
    assert not sheet.findChild(QLabel, "score_C3_error").isVisible()
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(Evaluation)) == 0
    assert sheet.has_unsaved_edits()


def test_consolidated_view_shows_the_services_numbers(ctx, qtbot) -> None:
    # GIVEN three members scored one dossier (one criterion far apart) and a second dossier, scored
    # higher, was approved in a meeting (which records its score)
    dossier_id = dossier_at(ctx)
    other = dossier_at(ctx, name="زعفران قائنات")
    members = [member_ctx(ctx, f"m{i}", n) for i, n in enumerate(("مریم احمدی", "رضا کریمی", "سارا نیک"))]
    for m, base in zip(members, (4, 3, 2), strict=True):
        submit_via_services(m, dossier_id, {c: base for c in CODES} | {"C4": 5 if base == 4 else 1})
    submit_via_services(members[0], other, {c: 5 for c in CODES})
    with ctx.session() as s:
        meeting = groups.create_meeting(
            s, ctx.actor, groups.MeetingInput("1405/02/10", attendee_ids=[members[0].actor.member_id])
        )
        workflow.transition(s, ctx.actor, other, "approve_provincial", meeting_id=meeting.id)
    # WHEN the secretary opens the consolidated view
    view = ScoresView(ctx, dossier_id)
    qtbot.addWidget(view)
    with ctx.session() as s:
        cv = evaluations.consolidated(s, ctx.actor, dossier_id)
    cons = cv.consolidation
    # THEN the weighted score, per-criterion means and spreads, flags, threshold and rank match the services
    assert view.score_label.text() == f"{format_score(cons.score)} از ۱۰۰"
    assert "حد نصاب (۶۰)" in view.verdict_label.text()
    assert ("پایین‌تر" in view.verdict_label.text()) == (not cons.passes(cv.threshold))
    # this round is open: its running score is placed among the decided ones, and says so
    assert view.rank_label.text() == "رتبهٔ موقت ۲ از ۲ در استان (ارزیابی باز است)"
    n = view.table.columnCount()
    for r, crit in enumerate(cv.criteria):
        assert view.cell(r, n - 3) == format_score(cons.per_criterion_mean[crit.code])
        flagged = crit.code in cons.flagged
        assert (view.cell(r, n - 1) != "") == flagged
        assert (view.table.item(r, 0).background().color() == FLAG_BACKGROUND) == flagged
    assert cons.flagged == frozenset({"C4"}) and view.cell(3, n - 2) == "۴"
    assert view.cell(len(cv.criteria), n - 3) == format_score(cons.score)
    assert not any(ch.isascii() and ch.isdigit() for ch in view.score_label.text() + view.rank_label.text())


def test_someone_who_is_not_a_member_sees_a_note_instead_of_a_sheet(ctx, qtbot) -> None:
    dossier_id = dossier_at(ctx)
    sheet = EvaluationSheet(ctx, dossier_id)  # the admin is not a working-group member
    qtbot.addWidget(sheet)
    assert "عضو کارگروه نیستید" in sheet.note.text()
    assert not sheet.scroll.isVisibleTo(sheet) and not sheet.save_button.isVisibleTo(sheet)


def test_closing_with_unsaved_scores_asks_first(ctx, qtbot, asked) -> None:
    dossier_id = dossier_at(ctx)
    a = member_ctx(ctx, "member.a", "مریم احمدی")
    sheet = EvaluationSheet(a, dossier_id)
    qtbot.addWidget(sheet)
    assert sheet.may_close()
    choose(sheet, {"C1": 2})
    asked.save_answer = "cancel"
    assert not sheet.may_close()
    asked.save_answer = "save"
    assert sheet.may_close()
    with ctx.session() as s:
        assert s.scalar(select(Evaluation)).scores[0].score == 2
    assert asked.said("unsaved") == ["برگهٔ ارزیابی شما", "برگهٔ ارزیابی شما"]
