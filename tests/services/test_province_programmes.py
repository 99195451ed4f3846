"""Phase 2 at the province: its secretariat records a programme with the proposer's identity (F9); its
working group decides in a minuted meeting, with the reason, to approve it within provincial authority
(F9-2: the ceiling the centre published with instruction F5-2) or to refer it to the centre (F9-3).
Each office changes only what it owns; every refusal leaves the database as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import DomainError, PermissionDenied, TransitionError, ValidationError
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import demo, groups, instructions
from cluster_desktop.services import programmes as prog
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Instruction, Programme, Transition
from tests.conftest import PASSWORD, copy_template, template

NATURAL = "0084575948"  # a national code with a valid check digit
LEGAL = "10380284790"  # a legal person's national identifier with a valid check digit


def _fill(ws: Workspace) -> None:
    admin = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
    demo.fill_demo(ws, admin, PASSWORD, count=12, seed=7)


@pytest.fixture
def province(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Workspace, Actor]]:
    """A provincial demo office (its programmes, the centre's instructions as its bundles brought them)."""
    from cluster_desktop.services import users

    tpl = template(request, "province-demo", backend, _fill)
    url = copy_template(request, tpl, tmp_path / "province")
    ws = Workspace.open(tmp_path / "province", url)
    with ws.db.session() as s:
        actor = users.authenticate(s, "secretary", PASSWORD)
    yield ws, actor
    ws.close()


def _record(ws: Workspace, actor: Actor, **over: object) -> str:
    with ws.db.session() as s:
        cluster = prog.eligible_clusters(s, actor)[0]
        data = prog.ProgrammeInput(
            cluster_id=cluster.cluster_id,
            title="ایجاد سردخانهٔ مشترک صادراتی",
            proposer_name="تعاونی صادرکنندگان",
            proposer_kind="legal",
            submitted_on=today(),
            budget_rial="۱۲٬۰۰۰٬۰۰۰٬۰۰۰",
            proposer_national_id="۱۰۳۸۰۲۸۴۷۹۰",
            proposer_registration_no="۴۵۶۷",
            proposer_phone="۰۷۱-۳۲۳۴۵۶۷۸",
            proposer_address="شیراز، بلوار صنعت",
        )
        return prog.create_programme(s, actor, replace(data, **over)).id  # type: ignore[arg-type]


def _meeting(ws: Workspace, actor: Actor) -> str:
    with ws.db.session() as s:
        return groups.list_meetings(s, actor, open_only=True)[0].id


def _rows(ws: Workspace) -> tuple[int, int]:
    with ws.db.session() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Programme)) or 0),
            int(s.scalar(select(func.count()).select_from(Transition)) or 0),
        )


def test_the_demo_province_has_programmes_in_every_state_some_referred_some_approved_locally(
    province,
) -> None:
    ws, _actor = province
    with ws.db.session() as s:
        rows = prog.programme_rows(s)
        assert {r.state for r in rows} == {str(st) for st in prog.ProgrammeState}
        steps = {t.action for t in s.scalars(select(Transition).where(Transition.programme_id.is_not(None)))}
        assert {"approve_provincial", "refer", "approve_central", "approve_package"} <= steps
        executing = next(r for r in rows if r.state == "in_execution")
        assert prog.activities(s, executing.id) and any(r.actual for r in prog.monitoring(s, executing.id))
        assert all(r.office_id == "IR-07" for r in prog.monitoring(s, executing.id))  # the province reports
        local = [r for r in rows if r.state == "provincially_approved"]
        assert local and all(prog.header(s, r.id).authority_revision == 1 for r in local)


def test_identity_is_checked_beside_its_field_and_nothing_is_saved(province) -> None:
    ws, actor = province
    before = _rows(ws)
    cases = [
        ({"proposer_kind": "natural", "proposer_national_id": "0084575949"}, "proposer_national_id"),
        ({"proposer_kind": "natural", "proposer_national_id": ""}, "proposer_national_id"),
        ({"proposer_kind": "cda", "proposer_national_id": NATURAL}, "proposer_national_id"),  # ten digits
        (
            {"proposer_kind": "natural", "proposer_national_id": NATURAL, "proposer_registration_no": "12"},
            "proposer_registration_no",
        ),
        ({"proposer_phone": "تلفن ندارد"}, "proposer_phone"),
    ]
    for over, field in cases:
        with ws.db.session() as s, pytest.raises(ValidationError) as err:
            prog.create_programme(s, actor, replace(_input(ws, actor), **over))  # type: ignore[arg-type]
        assert field in err.value.by_field(), (over, err.value.by_field())  # type: ignore[attr-defined]
    assert _rows(ws) == before
    pid = _record(
        ws, actor, proposer_kind="natural", proposer_national_id=NATURAL, proposer_registration_no=""
    )
    with ws.db.session() as s:
        p = prog.get_programme(s, pid)
        assert (p.proposer_national_id, p.proposer_phone, p.owner_office_id) == (
            NATURAL,
            "071-32345678",
            "IR-07",
        )


def _input(ws: Workspace, actor: Actor) -> prog.ProgrammeInput:
    with ws.db.session() as s:
        cluster = prog.eligible_clusters(s, actor)[0]
    return prog.ProgrammeInput(
        cluster_id=cluster.cluster_id,
        title="ایجاد سردخانهٔ مشترک صادراتی",
        proposer_name="تعاونی صادرکنندگان",
        proposer_kind="legal",
        budget_rial="1000",
        proposer_national_id=LEGAL,
    )


def test_only_approved_clusters_of_the_province_take_programmes(province) -> None:
    ws, actor = province
    with ws.db.session() as s:
        eligible = {c.cluster_id for c in prog.eligible_clusters(s, actor)}
        from cluster_desktop.store.models import Dossier

        draft = s.scalar(select(Dossier).where(Dossier.state == "draft"))
        assert draft is not None and draft.cluster_id not in eligible
        with pytest.raises(ValidationError) as err:
            prog.create_programme(s, actor, replace(_input(ws, actor), cluster_id=draft.cluster_id))
        assert "cluster" in err.value.by_field()  # type: ignore[attr-defined]


def test_within_the_ceiling_the_province_approves_in_a_minuted_meeting_with_the_reason(province) -> None:
    ws, actor = province
    pid = _record(ws, actor, budget_rial="29000000000")  # the demo ceiling is 30 billion (F5-2 rev. 1)
    meeting = _meeting(ws, actor)
    with ws.db.session() as s:
        assert [r.action for r in prog.allowed_actions(s, actor, pid)] == ["start_review"]
        prog.transition(s, actor, pid, "start_review")
        actions = {r.action for r in prog.allowed_actions(s, actor, pid)}
        assert actions == {"approve_provincial", "refer", "reject"}
        with pytest.raises(TransitionError) as err:  # the minutes and the reason are required
            prog.transition(s, actor, pid, "approve_provincial")
        assert err.value.field == "minutes" and "دلیل" in err.value.fa
        prog.transition(s, actor, pid, "approve_provincial", meeting_id=meeting, comment="در حیطهٔ استان")
        h = prog.header(s, pid)
        assert (h.state, h.authority_revision, h.authority_ceiling_rial) == (
            "provincially_approved",
            1,
            30_000_000_000,
        )
        # decided: the province no longer changes it, and the package is the centre's
        may = prog.capabilities(s, actor, pid)
        assert not may.edit and not may.package
        with pytest.raises(DomainError):
            prog.update_programme(s, actor, pid, prog.programme_input(s, pid))
        with pytest.raises(PermissionDenied):
            prog.add_item(s, actor, pid, prog.ItemInput("x", "BANKS", "1"))


def test_above_the_ceiling_the_province_must_refer_with_the_reason(province) -> None:
    ws, actor = province
    pid = _record(ws, actor, budget_rial="31000000000")
    meeting = _meeting(ws, actor)
    with ws.db.session() as s:
        prog.transition(s, actor, pid, "start_review")
        with pytest.raises(TransitionError) as err:
            prog.transition(s, actor, pid, "approve_provincial", meeting_id=meeting, comment="تأیید")
        assert err.value.field == "authority"
        assert (
            "۳۱٬۰۰۰٬۰۰۰٬۰۰۰" in err.value.fa and "۳۰٬۰۰۰٬۰۰۰٬۰۰۰" in err.value.fa and "ارجاع" in err.value.fa
        )
        with pytest.raises(TransitionError):  # a referral, too, is a minuted decision with its reason
            prog.transition(s, actor, pid, "refer", meeting_id=meeting)
    with ws.db.session() as s:
        assert prog.get_programme(s, pid).state == "provincial_review"
        row = prog.transition(s, actor, pid, "refer", meeting_id=meeting, comment="فراتر از سقف استان")
        assert (row.f_code, row.to_state, row.comment) == ("F9-3", "referred_to_center", "فراتر از سقف استان")
        assert row.minutes_number
        assert prog.allowed_actions(s, actor, pid) == []  # the centre's now


def test_without_a_ceiling_from_the_centre_nothing_is_within_provincial_authority(province) -> None:
    ws, actor = province
    pid = _record(ws, actor, budget_rial="1000")
    with ws.db.session() as s:
        s.execute(Instruction.__table__.delete().where(Instruction.code == "F5-2"))  # type: ignore[attr-defined]
        assert prog.authority_in_force(s) is None
        prog.transition(s, actor, pid, "start_review")
        with pytest.raises(TransitionError) as err:
            prog.transition(s, actor, pid, "approve_provincial", meeting_id=_meeting(ws, actor), comment="x")
        assert "F5-2" in err.value.fa and "هنوز" in err.value.fa


def test_the_ceiling_is_the_centre_s_to_set_with_instruction_f5_2(province, central_admin, workspace) -> None:
    ws, actor = province
    with ws.db.session() as s, pytest.raises(PermissionDenied):
        instructions.issue(
            s, actor, instructions.InstructionInput("F5-2", "x", today(), "y", provincial_ceiling_rial="9")
        )
    with workspace.db.session() as s:
        with pytest.raises(ValidationError) as err:  # only F5-2 has a ceiling
            instructions.issue(
                s, central_admin, instructions.InstructionInput("F5-1", "x", today(), "y", "5000")
            )
        assert err.value.field == "provincial_ceiling_rial"
        instructions.issue(
            s,
            central_admin,
            instructions.InstructionInput("F5-2", "پذیرش", today(), "متن", provincial_ceiling_rial="۵۰٬۰۰۰"),
        )
        rule = instructions.authority(s)
        assert rule is not None and (rule.revision, rule.ceiling_rial) == (1, 50_000)
        assert rule.covers(50_000) and not rule.covers(50_001)
        assert instructions.draft_for(s, "F5-2").provincial_ceiling_rial == 50_000  # the next starts from it


def test_the_province_reports_on_programmes_in_its_province_and_changes_only_its_own_rows(province) -> None:
    ws, actor = province
    with ws.db.session() as s:
        executing = next(r for r in prog.programme_rows(s) if r.state == "in_execution")
        may = prog.capabilities(s, actor, executing.id)
        assert may.activities and may.monitor and not may.allocate and not may.edit
        ind = prog.add_indicator(
            s, actor, executing.id, prog.IndicatorInput("صادرات به عراق", "هزار دلار", 10)
        )
        value = prog.set_value(s, actor, prog.ValueInput(ind.id, "1405-Q3", 100, 80, ""))
        assert value.owner_office_id == "IR-07"
        centre = replace(actor, office_id="TPO", office_kind=OfficeKind.CENTRAL, province_code=None)
        with pytest.raises(PermissionDenied):  # the province's indicator: its values are the province's
            prog.set_value(s, centre, prog.ValueInput(ind.id, "1405-Q3", 100, 90, ""))
        other = replace(actor, office_id="IR-08", province_code="IR-08")
        with pytest.raises(PermissionDenied):  # another province reports nothing here
            prog.add_indicator(s, other, executing.id, prog.IndicatorInput("y", "نفر", 0))
        viewer = replace(actor, role=Role.VIEWER)
        with pytest.raises(PermissionDenied):
            prog.add_indicator(s, viewer, executing.id, prog.IndicatorInput("z", "نفر", 0))
        # the province prints the monitoring report (F14) of its programme on its own letterhead
        from cluster_desktop.services import printing

        report = printing.programme_data(s, actor, executing.id)
        assert report.title == executing.title and any(i.title == "صادرات به عراق" for i in report.indicators)


def test_a_province_takes_no_step_on_the_centre_s_programme(province) -> None:
    ws, actor = province
    with ws.db.session() as s:
        pid = _record(ws, actor)
        s.get(Programme, pid).owner_office_id = "TPO"  # as a programme the centre sent
    with ws.db.session() as s:
        assert prog.allowed_actions(s, actor, pid) == []
        with pytest.raises(PermissionDenied):
            prog.transition(s, actor, pid, "start_review")


def test_a_centre_step_on_a_province_s_programme_keeps_the_province_s_version(
    central_demo: Callable[[str], tuple[Workspace, Actor]],
) -> None:
    ws, centre = central_demo("secretary")
    with ws.db.session() as s:
        referred = next(
            p
            for p in s.scalars(select(Programme).where(Programme.state == "referred_to_center"))
            if p.owner_office_id != "TPO"
        )
        version, stamp = referred.version, referred.updated_at
        meeting = groups.list_meetings(s, centre, open_only=True)[0].id
        prog.transition(s, centre, referred.id, "approve_central", meeting_id=meeting, comment="همخوان")
        prog.add_item(s, centre, referred.id, prog.ItemInput("تسهیلات", "BANKS", "1000"))
    with ws.db.session() as s:
        p = s.get(Programme, referred.id)
        assert p.state == "centrally_approved" and (p.version, p.updated_at) == (version, stamp)
        package = prog.package_of(s, p.id)
        assert package is not None and package.owner_office_id == "TPO"
        with pytest.raises(PermissionDenied):  # the province's record: only it edits it
            prog.update_programme(s, centre, p.id, prog.programme_input(s, p.id))
        # a province's programme still in its review (as a forged bundle could land one) is not the
        # centre's to act on
        p.state = "submitted"
        assert prog.allowed_actions(s, centre, p.id) == []
        with pytest.raises(PermissionDenied):
            prog.transition(s, centre, p.id, "start_central_review")
