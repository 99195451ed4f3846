"""Evaluation rounds in bundles (issue 15): a dossier the centre returns is revised and re-scored at the
province, travels back with both provincial rounds, and the centre scores it afresh in its own second
round; the centre's sheets stay at the centre. A round number that is no sane round, or one the
dossier's history never opened, refuses the bundle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cluster_desktop.domain.roles import MemberRole, Role
from cluster_desktop.services import evaluation_rounds, evaluations, groups, plans, sync, users, workflow
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.models import Dossier, Evaluation, User
from tests.conftest import PASSWORD

from .offices import Office, Pair, craft, jsonl, rows, unpack
from .test_refusals import refused

ALL = [f"C{k}" for k in range(1, 10)]
REVISED = plans.PlanInput(
    overview="طرح اصلاح‌شده پس از برگشت از مرکز",
    market="بازار",
    strengths="قوت",
    weaknesses="ضعف",
    opportunities="فرصت",
    threats="تهدید",
    investment_rial="120000000000",
    investment_note="برآورد سرمایه اصلاح شد",
    actions="اقدام",
    expected_results="نتایج",
    targets=[plans.TargetInput("۱۴۰۶", "300000", "60")],
)


def _submit(office: Office, member: Actor, dossier_id: str, score: int) -> None:
    with office.ws.db.session() as s:
        evaluations.save_sheet(
            s, member, dossier_id, evaluations.SheetInput(dict.fromkeys(ALL, score), {}), submit=True
        )


def _meeting(office: Office, members: list[Actor]) -> str:
    with office.ws.db.session() as s:
        return groups.create_meeting(
            s,
            office.actor,
            groups.MeetingInput(
                "1405/03/01", agenda="ارزیابی", attendee_ids=[m.member_id or "" for m in members]
            ),
        ).id


def _central_members(centre: Office, n: int) -> list[Actor]:
    out = []
    with centre.ws.db.session() as s:
        for i in range(n):
            m = groups.add_member(
                s,
                centre.actor,
                groups.MemberInput(f"عضو مرکز {i + 1}", "ISIPO", MemberRole.MEMBER, "کارشناس"),
            )
            u = users.create_user(
                s,
                centre.actor,
                username=f"central{i}",
                full_name=m.full_name,
                role=Role.EVALUATOR,
                password=PASSWORD,
                member_id=m.id,
            )
            out.append(users.actor_for(s, u))
    return out


def _province_members(prov: Office, n: int) -> list[Actor]:
    """The demo province's own members who log in as evaluators."""
    with prov.ws.db.session() as s:
        found = s.scalars(
            select(User).where(User.member_id.is_not(None), User.role == "evaluator").order_by(User.username)
        )
        return [users.actor_for(s, u) for u in list(found)[:n]]


def _rounds_at(office: Office, dossier_id: str, level: str) -> list[tuple[int, int, str | None]]:
    with office.ws.db.session() as s:
        return [
            (r.number, r.submitted, r.decision.action if r.decision else None)
            for r in evaluation_rounds.rounds(s, dossier_id, level)
        ]


def test_returned_by_the_centre_revised_rescored_and_decided_on_new_rounds(
    pair: Pair, tmp_path: Path
) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN a province dossier received at the centre, scored in central round 1 and returned
    first = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle").files[0]
    sync.import_bundle(centre.ws, centre.actor, centre.keys, first)
    did = sorted(d for d, st in centre.states().items() if st == "received")[0]
    with prov.ws.db.session() as s:
        provincial_round_1 = len(evaluations.submitted_sheets(s, did, "province"))
    assert provincial_round_1 > 0 and _rounds_at(centre, did, "province")[-1][0] == 1
    team = _central_members(centre, 2)
    central_meeting = _meeting(centre, team)
    with centre.ws.db.session() as s:
        workflow.transition(s, centre.actor, did, "open_central_review")
    for m, score in zip(team, (1, 2), strict=True):
        _submit(centre, m, did, score)
    with centre.ws.db.session() as s:
        workflow.transition(
            s,
            centre.actor,
            did,
            "return_central",
            comment="برآورد سرمایه اصلاح شود",
            meeting_id=central_meeting,
        )
    back = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, back.files[0])
    assert prov.states()[did] == "returned"
    with prov.ws.db.session() as s:  # the centre's sheets stay at the centre
        assert not s.scalars(select(Evaluation).where(Evaluation.level == "central")).all()

    # WHEN the province revises the plan, reopens the evaluation and its members score it again
    with prov.ws.db.session() as s:
        workflow.transition(s, prov.actor, did, "issue_plan")
        plans.save_plan(s, prov.actor, did, REVISED)
        workflow.transition(s, prov.actor, did, "submit_plan")
        workflow.transition(s, prov.actor, did, "open_evaluation")
        assert evaluations.current_round(s, did, "province") == 2
    local = _province_members(prov, 3)
    assert len(local) == 3
    for m, score in zip(local, (5, 4, 4), strict=True):
        _submit(prov, m, did, score)
    meeting = _meeting(prov, local)
    with prov.ws.db.session() as s:
        workflow.transition(s, prov.actor, did, "approve_provincial", meeting_id=meeting)
        assert s.get(Dossier, did).provincial_score == pytest.approx(86.7, abs=0.05)
    again = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p2.bundle").files[0]
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, again)

    # THEN the centre holds both provincial rounds and has opened its own second round
    assert report["applied"] and centre.states()[did] == "received"
    assert _rounds_at(centre, did, "province") == [
        (1, provincial_round_1, "approve_provincial"),
        (2, 3, "approve_provincial"),
    ]
    assert _rounds_at(centre, did, "central") == [(1, 2, "return_central"), (2, 0, None)]
    with centre.ws.db.session() as s:
        assert s.get(Dossier, did).provincial_score == pytest.approx(86.7, abs=0.05)
        view = evaluations.consolidated(s, centre.actor, did, "province")
        assert view.round_number == 2 and view.consolidation.score == pytest.approx(86.7, abs=0.05)
        workflow.transition(s, centre.actor, did, "open_central_review")
    # AND the same central members score it afresh; the decision counts the new round only
    for m, score in zip(team, (4, 5), strict=True):
        _submit(centre, m, did, score)
    with centre.ws.db.session() as s:
        workflow.transition(
            s, centre.actor, did, "approve_central", comment="تأیید", meeting_id=central_meeting
        )
        assert s.get(Dossier, did).central_score == pytest.approx(90.0)
        old = evaluations.consolidated(s, centre.actor, did, "central", round_number=1)
        assert old.consolidation.score == pytest.approx(30.0) and old.consolidation.member_count == 2
    assert _rounds_at(centre, did, "central") == [(1, 2, "return_central"), (2, 2, "approve_central")]


def _edit_evaluation(
    fn: Callable[[dict[str, Any]], None],
) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def change(m: dict[str, Any], e: dict[str, bytes]) -> None:
        rs = rows(e, "evaluations")
        fn(rs[0])
        e["records/evaluations.jsonl"] = jsonl(rs)

    return change


@pytest.mark.parametrize("bad", [0, -1, 101, 2**40, "2", True, None, 1.5])
def test_a_round_number_that_is_no_round_is_refused(pair: Pair, tmp_path: Path, bad: object) -> None:
    genuine = sync.export_bundle(
        pair.province.ws, pair.province.actor, pair.province.keys, tmp_path / "g"
    ).files[0]
    manifest, entries = unpack(genuine, pair.centre)
    assert {r["round_number"] for r in rows(entries, "evaluations")} == {1}
    _edit_evaluation(lambda r: r.update(round_number=bad))(manifest, entries)
    err = refused(pair.centre, craft(pair.province.keys, pair.centre, manifest, entries, tmp_path / "x"))
    assert err.reason == "bad_record" and "round_number" in (err.detail or "")


def test_a_round_the_history_never_opened_is_refused(pair: Pair, tmp_path: Path) -> None:
    genuine = sync.export_bundle(
        pair.province.ws, pair.province.actor, pair.province.keys, tmp_path / "g"
    ).files[0]
    manifest, entries = unpack(genuine, pair.centre)
    _edit_evaluation(lambda r: r.update(round_number=2))(manifest, entries)
    err = refused(pair.centre, craft(pair.province.keys, pair.centre, manifest, entries, tmp_path / "x"))
    assert err.reason == "bad_record" and "never opened" in (err.detail or "")
    assert "دور ۲" in err.fa


def test_a_bundle_without_round_numbers_is_refused_as_it_stands(pair: Pair, tmp_path: Path) -> None:
    # an older program's records lack the field: its schema revision already refuses the bundle, and
    # one that claims this revision without the field is malformed
    genuine = sync.export_bundle(
        pair.province.ws, pair.province.actor, pair.province.keys, tmp_path / "g"
    ).files[0]
    manifest, entries = unpack(genuine, pair.centre)
    older = {**manifest, "schema_revision": "0011"}
    assert refused(
        pair.centre, craft(pair.province.keys, pair.centre, older, entries, tmp_path / "o")
    ).reason == ("schema_revision")
    _edit_evaluation(lambda r: r.pop("round_number"))(manifest, entries)
    err = refused(pair.centre, craft(pair.province.keys, pair.centre, manifest, entries, tmp_path / "x"))
    assert err.reason == "bad_record" and "round_number" in (err.detail or "")
