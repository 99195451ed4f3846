"""Evaluation rounds (issue 15): a returned dossier is scored afresh by the same members when its
evaluation reopens; the decision counts only the current round; earlier rounds stay as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cluster_desktop.domain.errors import PermissionDenied, TransitionError
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import (
    clusters,
    criteria,
    evaluation_rounds,
    evaluations,
    groups,
    plans,
    workflow,
)
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.models import AuditEntry, Dossier, Evaluation

ALL = [f"C{k}" for k in range(1, 10)]


def _plan(overview: str) -> plans.PlanInput:
    return plans.PlanInput(
        overview=overview,
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


def _submit(s, member: Actor, dossier_id: str, score: int) -> None:  # type: ignore[no-untyped-def]
    evaluations.save_sheet(
        s, member, dossier_id, evaluations.SheetInput(dict.fromkeys(ALL, score), {}), submit=True
    )


def _setup(s, sec: Actor) -> tuple[str, list[Actor], str]:  # type: ignore[no-untyped-def]
    """A dossier in its first provincial round, three members, and a meeting."""
    members = []
    for i, name in enumerate(("مریم احمدی", "رضا کریمی", "سارا نیک‌نام")):
        m = groups.add_member(s, sec, groups.MemberInput(name, "PROV_COMMERCE"))
        members.append(
            Actor(0, f"m{i}", name, Role.EVALUATOR, sec.office_id, sec.office_kind, sec.province_code, m.id)
        )
    d = clusters.create_cluster(s, sec, clusters.ClusterInput(name="فرش دستباف کاشان", county="کاشان"))
    for step in ("nominate", "issue_plan"):
        workflow.transition(s, sec, d.id, step)
    plans.save_plan(s, sec, d.id, _plan("طرح نخست"))
    for step in ("submit_plan", "open_evaluation"):
        workflow.transition(s, sec, d.id, step)
    meeting = groups.create_meeting(
        s, sec, groups.MeetingInput("1405/02/10", attendee_ids=[m.member_id or "" for m in members])
    )
    return d.id, members, meeting.id


def test_a_returned_dossier_is_rescored_by_the_same_members_and_decided_on_the_new_round(
    workspace, province_admin
) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        did, members, meeting = _setup(s, sec)
        # GIVEN round 1 scored 1, 2, 3 and returned for revision by the working group
        for m, score in zip(members, (1, 2, 3), strict=True):
            _submit(s, m, did, score)
        workflow.transition(
            s, sec, did, "return_provincial", comment="اهداف صادراتی اصلاح شود", meeting_id=meeting
        )
        assert s.get(Dossier, did).provincial_score == pytest.approx(40.0)
        # WHEN the plan is revised and the evaluation reopened
        workflow.transition(s, sec, did, "issue_plan")
        plans.save_plan(s, sec, did, _plan("طرح اصلاح‌شده"))
        workflow.transition(s, sec, did, "submit_plan")
        workflow.transition(s, sec, did, "open_evaluation")
        # THEN it is round 2: every member has a fresh, editable sheet
        assert evaluations.current_round(s, did, "province") == 2
        for m in members:
            state = evaluations.sheet_state(s, m, did)
            assert state.round_number == 2 and state.editable and not state.exists and not state.scores
        # no round-2 sheet yet: the decision cannot lean on round 1's sheets
        with pytest.raises(TransitionError) as err:
            workflow.transition(s, sec, did, "approve_provincial", meeting_id=meeting)
        assert err.value.field == "scores"
        # the blind rule holds in round 2 while round 1, decided, is open to read
        _submit(s, members[0], did, 5)
        with pytest.raises(PermissionDenied):
            evaluations.visible_sheets(s, members[1], did)
        with pytest.raises(PermissionDenied):
            evaluations.consolidated(s, members[1], did)
        assert len(evaluations.visible_sheets(s, members[1], did, round_number=1)) == 3
        earlier = evaluations.consolidated(s, members[1], did, round_number=1)
        assert earlier.round_number == 1 and earlier.current_round == 2
        assert earlier.consolidation.score == pytest.approx(40.0)
        assert evaluations.running_score(s, did, "province") == pytest.approx(100.0)
        # AND the same members score it again, and the group approves it on the new round
        for m, score in zip(members[1:], (4, 3), strict=True):
            _submit(s, m, did, score)
        workflow.transition(s, sec, did, "approve_provincial", meeting_id=meeting)
    with workspace.db.session() as s:
        d = s.get(Dossier, did)
        assert d.state == "provincially_approved"
        assert d.provincial_score == pytest.approx((5 + 4 + 3) / 3 / 5 * 100)  # round 2 only
        sheets = list(s.scalars(select(Evaluation).where(Evaluation.dossier_id == did)))
        by_round = {n: sorted(e.scores[0].score for e in sheets if e.round_number == n) for n in (1, 2)}
        assert by_round == {1: [1, 2, 3], 2: [3, 4, 5]}  # round 1 kept exactly as sent
        assert all(e.submitted_at is not None for e in sheets)
        # the rounds, read from the history: when each opened and the decision that closed it
        history = evaluation_rounds.rounds(s, did, "province")
        assert [(r.number, r.current, r.submitted) for r in history] == [(1, False, 3), (2, True, 3)]
        assert [r.decision.action if r.decision else None for r in history] == [
            "return_provincial",
            "approve_provincial",
        ]
        assert history[0].decision is not None and history[0].decision.minutes_number
        assert history[0].opened_at is not None and history[1].opened_at > history[0].opened_at  # type: ignore[operator]
        opened = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "dossier.open_evaluation").order_by(AuditEntry.id)
        )
        assert [e.details["round"] for e in opened] == [1, 2]


def test_a_submitted_sheet_of_the_current_round_stays_final(workspace, province_admin) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        did, members, _meeting = _setup(s, sec)
        _submit(s, members[0], did, 3)
        with pytest.raises(PermissionDenied) as err:
            _submit(s, members[0], did, 4)
        assert "ارسال شده" in str(err.value)
        # a member's open sheets are those of the current round
        assert [e.round_number for e in evaluations.open_sheets(s, members[0])] == [1]


def test_a_later_round_is_scored_against_the_set_current_when_it_began(workspace, province_admin) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    # the centre's revision, as a decision bundle brings it (a central actor on this database)
    centre = Actor(0, "tpo", "دبیر مرکز", Role.SECRETARY, "TPO", OfficeKind.CENTRAL, None, None)
    with workspace.db.session() as s:
        did, members, meeting = _setup(s, sec)
        # GIVEN round 1 scored against set 1 and returned
        first_set = evaluations.current_criteria_set(s).id
        for m in members[:2]:
            _submit(s, m, did, 3)
        workflow.transition(s, sec, did, "return_provincial", comment="اصلاح شود", meeting_id=meeting)
        # WHEN the criteria are revised (F15) before the revised plan is scored in round 2
        weights = dict.fromkeys(ALL, 10) | {"C1": 20}
        revised = criteria.revise(s, centre, criteria.RevisionInput(weights, 60, "بازنگری"))
        workflow.transition(s, sec, did, "issue_plan")
        workflow.transition(s, sec, did, "submit_plan")
        workflow.transition(s, sec, did, "open_evaluation")
        assert evaluations.sheet_state(s, members[0], did).criteria_set_title == revised.title_fa
        _submit(s, members[0], did, 4)
        # THEN round 2 uses the revised set and round 1 keeps the set it was scored against
        assert evaluations.my_sheet(s, members[0], did).criteria_set_id == revised.id  # type: ignore[union-attr]
        now = evaluations.consolidated(s, sec, did)
        before = evaluations.consolidated(s, sec, did, round_number=1)
        assert (now.round_number, now.criteria_set_number) == (2, revised.number)
        assert (before.round_number, before.criteria_set_number) == (1, 1)
        assert {e.criteria_set_id for e in before.sheets} == {first_set}
        assert before.consolidation.member_count == 2 and now.consolidation.member_count == 1
