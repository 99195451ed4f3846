"""Migration 0012 (evaluation rounds) on existing data, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from cluster_desktop.domain.roles import Role
from cluster_desktop.services import clusters, evaluations, groups, plans, workflow
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.db import Database, integrity_check
from cluster_desktop.store.migrate import alembic_config, run_in_transaction, upgrade_database
from cluster_desktop.store.models import Evaluation

ALL = [f"C{k}" for k in range(1, 10)]
PLAN = plans.PlanInput(
    overview="م",
    market="ب",
    strengths="ق",
    weaknesses="ض",
    opportunities="ف",
    threats="ت",
    investment_note="س",
    actions="ا",
    expected_results="ن",
    targets=[plans.TargetInput("۱۴۰۵", "100000", "40")],
)


def _evaluated(s, sec: Actor, name: str, members: list[Actor], score: int) -> str:  # type: ignore[no-untyped-def]
    d = clusters.create_cluster(s, sec, clusters.ClusterInput(name=name, county="کاشان"))
    for step in ("nominate", "issue_plan"):
        workflow.transition(s, sec, d.id, step)
    plans.save_plan(s, sec, d.id, PLAN)
    for step in ("submit_plan", "open_evaluation"):
        workflow.transition(s, sec, d.id, step)
    for m in members:
        evaluations.save_sheet(s, m, d.id, evaluations.SheetInput(dict.fromkeys(ALL, score), {}), submit=True)
    return d.id


def _reopen(s, sec: Actor, did: str, meeting: str) -> None:  # type: ignore[no-untyped-def]
    workflow.transition(s, sec, did, "return_provincial", comment="اصلاح شود", meeting_id=meeting)
    for step in ("issue_plan", "submit_plan", "open_evaluation"):
        workflow.transition(s, sec, did, step)


def _reopen_db(workspace: Workspace, revision: str, *, down: bool) -> Database:
    workspace.close()
    db = Database(workspace.db.url)
    if down:
        run_in_transaction(db.engine, alembic_config(db.engine), revision, downgrade=True)
    else:
        upgrade_database(db.engine, workspace.data_dir)
    return db


def test_existing_sheets_become_round_1_and_a_reopened_dossier_is_scored_afresh(
    workspace, province_admin
) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        members = []
        for i, name in enumerate(("الف", "ب")):
            m = groups.add_member(s, sec, groups.MemberInput(name, "BANKS"))
            members.append(
                Actor(
                    0, f"m{i}", name, Role.EVALUATOR, sec.office_id, sec.office_kind, sec.province_code, m.id
                )
            )
        meeting = groups.create_meeting(
            s, sec, groups.MeetingInput("1405/02/10", attendee_ids=[m.member_id or "" for m in members])
        )
        open_now = _evaluated(s, sec, "فرش دستباف کاشان", members, 3)
        stuck = _evaluated(s, sec, "گلاب کاشان", members, 2)
        _reopen(s, sec, stuck, meeting.id)  # returned and reopened: the defect of issue 15
    # GIVEN the office on revision 0011 (one sheet per member, no rounds)
    db = _reopen_db(workspace, "0011", down=True)
    with db.engine.connect() as conn:
        assert "round_number" not in list(conn.exec_driver_sql("SELECT * FROM evaluations").keys())
    db.dispose()
    # WHEN the current program opens it
    db = Database(workspace.db.url)
    upgrade_database(db.engine, workspace.data_dir)
    assert integrity_check(db.engine) == "ok"
    sqlite = db.engine.dialect.name == "sqlite"
    db.dispose()
    ws = Workspace.open(workspace.data_dir, None if sqlite else str(db.url))
    try:
        with ws.db.session() as s:
            # THEN every existing sheet is a sheet of round 1
            assert set(s.scalars(select(Evaluation.round_number))) == {1}
            # the dossier in its first round keeps its sheets as the current ones
            assert evaluations.current_round(s, open_now, "province") == 1
            assert len(evaluations.submitted_sheets(s, open_now, "province")) == 2
            # the reopened one is in round 2: its members, refused before, now score it afresh
            assert evaluations.current_round(s, stuck, "province") == 2
            assert evaluations.sheet_state(s, members[0], stuck).editable
            evaluations.save_sheet(
                s, members[0], stuck, evaluations.SheetInput(dict.fromkeys(ALL, 5), {}), submit=True
            )
            assert evaluations.running_score(s, stuck, "province") == 100.0
            assert len(evaluations.submitted_sheets(s, stuck, "province", 1)) == 2
    finally:
        ws.close()


def test_downgrade_keeps_each_member_s_newest_round(workspace, province_admin) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        m = groups.add_member(s, sec, groups.MemberInput("الف", "BANKS"))
        member = Actor(0, "m", "الف", Role.EVALUATOR, sec.office_id, sec.office_kind, sec.province_code, m.id)
        meeting = groups.create_meeting(s, sec, groups.MeetingInput("1405/02/10", attendee_ids=[m.id]))
        did = _evaluated(s, sec, "فرش دستباف کاشان", [member], 1)
        _reopen(s, sec, did, meeting.id)
        evaluations.save_sheet(s, member, did, evaluations.SheetInput(dict.fromkeys(ALL, 4), {}), submit=True)
    db = _reopen_db(workspace, "0011", down=True)
    with db.engine.connect() as conn:
        scores = conn.exec_driver_sql(
            "SELECT s.score FROM evaluation_scores s JOIN evaluations e ON e.id = s.evaluation_id"
        ).all()
    db.dispose()
    assert {r[0] for r in scores} == {4} and len(scores) == 9
