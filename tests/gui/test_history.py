"""A dossier's history, and the screenshots of the evaluation, scores and history views from demo data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QImage

from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.history_view import HistoryView
from cluster_desktop.gui.screenshots import render
from cluster_desktop.services import groups, workflow
from cluster_desktop.services.demo import fill_demo
from tests.conftest import PASSWORD
from tests.gui.test_evaluation import CODES, dossier_at, member_ctx, submit_via_services

JALALI_DATE_TIME = "۰۱۲۳۴۵۶۷۸۹/: "


def test_history_lists_every_step_with_actor_jalali_time_states_f_code_and_minutes(ctx, qtbot) -> None:
    # GIVEN a dossier walked to a minuted rejection
    dossier_id = dossier_at(ctx)
    m = member_ctx(ctx, "member.a", "مریم احمدی")
    submit_via_services(m, dossier_id, {c: 1 for c in CODES})
    with ctx.session() as s:
        meeting = groups.create_meeting(
            s, ctx.actor, groups.MeetingInput("۱۴۰۵/۰۳/۰۱", attendee_ids=[m.actor.member_id])
        )
        workflow.transition(
            s, ctx.actor, dossier_id, "reject_provincial", comment="پایین‌تر از حد نصاب", meeting_id=meeting.id
        )
    # WHEN its history is shown
    view = HistoryView(ctx, dossier_id)
    qtbot.addWidget(view)
    rows = view.rows()
    # THEN every transition is there, in order, in Persian with Jalali times and Persian digits
    assert [r[3] for r in rows] == ["F3-2", "F3-3", "F3-3", "F3-4", "F3-4"]
    assert rows[0][1] == "معرفی خوشه" and rows[0][2] == "پیش‌نویس ← معرفی‌شده"
    assert all(set(r[0]) <= set(JALALI_DATE_TIME) and r[0].startswith("۱۴") for r in rows)
    assert all(r[4] == ctx.actor.label for r in rows)
    assert rows[-1][5] == "۱۴۰۵/۰۰۱" and rows[-1][6] == "پایین‌تر از حد نصاب"
    assert rows[-1][1] == "رد در کارگروه استان" and rows[-1][2].endswith("ردشده در استان")
    assert view.summary.text() == "۵ مرحلهٔ ثبت‌شده"


def test_a_new_dossier_says_it_has_no_history(ctx, qtbot) -> None:
    view = HistoryView(ctx, dossier_at(ctx, "draft"))
    qtbot.addWidget(view)
    assert view.rows() == [] and "هنوز" in view.summary.text()


def test_screenshots_of_evaluation_scores_and_history_from_demo_data(
    fa_app, workspace, province_admin, tmp_path: Path
) -> None:
    # GIVEN a provincial office filled with demo data (members log in as member1.. with the admin's password)
    fill_demo(workspace, replace(province_admin, role=Role.ADMIN), PASSWORD)
    for view in ("evaluation", "scores", "history"):
        # WHEN each view is rendered offscreen
        out = render(workspace, view, tmp_path / f"{view}.png")
        # THEN a full-size picture is written
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1280, 800), view
        assert out.stat().st_size > 20_000, view
