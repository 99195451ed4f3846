"""Phases 2 and 3 at the centre: a development programme from receipt (F9) through the central
working group (F9-3), its support package (F10, F11), allocations (F12), execution (F13) and
monitoring (F14). Every refusal leaves the database as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import (
    ConflictError,
    DomainError,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import groups
from cluster_desktop.services import programmes as prog
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import (
    Activity,
    Allocation,
    AuditEntry,
    IndicatorValue,
    Programme,
    SupportItem,
    SupportPackage,
    Transition,
)


@pytest.fixture
def centre(central_demo):  # type: ignore[no-untyped-def]
    return central_demo("admin")


def _counts(ws: Workspace) -> tuple[int, ...]:
    with ws.db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))  # type: ignore[misc]
            for m in (
                Programme,
                SupportPackage,
                SupportItem,
                Allocation,
                Activity,
                IndicatorValue,
                Transition,
            )
        )


def _programme(ws: Workspace, admin, **over) -> str:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        cluster = prog.eligible_clusters(s, admin)[0]
        data = prog.ProgrammeInput(
            cluster_id=cluster.cluster_id,
            title="ایجاد مرکز طراحی مشترک",
            proposer_name="شرکت توسعهٔ خوشه",
            proposer_kind="cda",
            submitted_on="1405/02/10",
            budget_rial="۱۲٬۰۰۰٬۰۰۰٬۰۰۰",
            proposer_national_id="10380284790",
        )
        return prog.create_programme(s, admin, replace(data, **over)).id


def _meeting(ws: Workspace, admin) -> str:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return groups.list_meetings(s, admin)[0].id


def test_a_programme_walks_from_receipt_to_completion(centre) -> None:
    ws, admin = centre
    pid = _programme(ws, admin)
    meeting = _meeting(ws, admin)
    with ws.db.session() as s:
        p = prog.get_programme(s, pid)
        assert p.state == "submitted" and p.budget_rial == 12_000_000_000
        assert [r.action for r in prog.allowed_actions(s, admin, pid)] == ["start_central_review"]
        prog.transition(s, admin, pid, "start_central_review")
        prog.transition(s, admin, pid, "approve_central", meeting_id=meeting)
        # F10 needs a package with an item and its agency
        with pytest.raises(TransitionError) as err:
            prog.transition(s, admin, pid, "propose_package")
        assert "قلم" in err.value.fa
    with ws.db.session() as s:
        agency = prog.agencies(s)[0][0]
        item = prog.add_item(
            s, admin, pid, prog.ItemInput("آموزش صادراتی اعضای خوشه", agency, "2,000,000,000")
        )
        item_id = item.id
        prog.transition(s, admin, pid, "propose_package")
        # once proposed, the package's items no longer change
        with pytest.raises(ConflictError):
            prog.add_item(s, admin, pid, prog.ItemInput("قلم دیر", agency, "1"))
        prog.transition(s, admin, pid, "approve_package", meeting_id=meeting)
        package = prog.package_of(s, pid)
        assert package is not None and package.status == "notified" and package.notified_on
        with pytest.raises(TransitionError):  # F12 needs an allocation first
            prog.transition(s, admin, pid, "allocate")
        prog.add_allocation(s, admin, prog.AllocationInput(item_id, "1500000000", "1405/05/01", "۱۲/۳۴۵"))
        # never more than the item asks for
        with pytest.raises(ValidationError) as too_much:
            prog.add_allocation(s, admin, prog.AllocationInput(item_id, "600000000", None, ""))
        assert too_much.value.field == "allocation_amount"
        prog.transition(s, admin, pid, "allocate")
        with pytest.raises(TransitionError):  # F13 needs planned activities
            prog.transition(s, admin, pid, "start_execution")
        act = prog.add_activity(
            s,
            admin,
            pid,
            prog.ActivityInput("دورهٔ آموزش بازاریابی", "اتاق بازرگانی", "1405/06/01", "1405/08/30"),
        )
        prog.transition(s, admin, pid, "start_execution")
        prog.update_activity(
            s, admin, act.id, prog.ActivityInput(act.title, act.responsible, "1405/06/01", "1405/08/30", "۶۰")
        )
        ind = prog.add_indicator(s, admin, pid, prog.IndicatorInput("صادرات خوشه", "هزار دلار", "1200"))
        prog.set_value(
            s, admin, prog.ValueInput(ind.id, "۱۴۰۵-Q2", "1500", "1350", "عقب‌ماندگی در بازار عراق")
        )
        prog.set_value(s, admin, prog.ValueInput(ind.id, "1405-Q3", "1600", "", ""))
        prog.set_value(
            s, admin, prog.ValueInput(ind.id, "1405-q2", "1500", "1420", "")
        )  # same period: updated
        prog.transition(s, admin, pid, "complete")
    with ws.db.session() as s:
        rows = prog.monitoring(s, pid)
        assert [(r.period, r.target, r.actual, r.gap) for r in rows] == [
            ("1405-Q2", 1500, 1420, -80),
            ("1405-Q3", 1600, None, None),
        ]
        assert rows[0].achieved_percent == pytest.approx(94.67, abs=0.01)
        [row] = [r for r in prog.programme_rows(s) if r.id == pid]
        assert (row.state, row.package_rial, row.allocated_rial, row.progress_percent) == (
            "completed",
            2_000_000_000,
            1_500_000_000,
            60,
        )
        history = prog.history(s, pid)
        assert [h.f_code for h in history] == ["F9-1", "F9-3", "F10", "F11", "F12", "F13", "F13"]
        assert history[1].minutes_number and history[3].minutes_number
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_id == pid)) == 1 + 7
        )


def test_bad_input_is_refused_field_by_field_and_saves_nothing(centre) -> None:
    ws, admin = centre
    before = _counts(ws)
    with ws.db.session() as s, pytest.raises(ValidationError) as err:
        prog.create_programme(
            s,
            admin,
            prog.ProgrammeInput(
                cluster_id="",
                title=" ",
                proposer_name="",
                proposer_kind="x",
                submitted_on="1404/12/30",
                budget_rial="دوازده",
            ),
        )
    fields = set(err.value.by_field())  # type: ignore[attr-defined]
    assert {"cluster", "title", "proposer_name", "proposer_kind", "submitted_on", "budget_rial"} <= fields
    assert _counts(ws) == before
    pid = _programme(ws, admin)
    with ws.db.session() as s:
        prog.transition(s, admin, pid, "start_central_review")
        with pytest.raises(TransitionError):  # a central decision needs minutes
            prog.transition(s, admin, pid, "approve_central")
        with pytest.raises(TransitionError):  # a rejection needs the reason
            prog.transition(s, admin, pid, "reject", meeting_id=_meeting(ws, admin))
        with pytest.raises(ConflictError):  # no package before approval
            prog.add_item(s, admin, pid, prog.ItemInput("x", prog.agencies(s)[0][0], "1"))
        prog.transition(s, admin, pid, "approve_central", meeting_id=_meeting(ws, admin))
        with pytest.raises(ValidationError) as zero:  # an item asks for something
            prog.add_item(s, admin, pid, prog.ItemInput("x", prog.agencies(s)[0][0], "0"))
        assert zero.value.field == "item_amount"
    with ws.db.session() as s, pytest.raises(ConflictError):  # same title for the same cluster
        cluster = prog.get_programme(s, pid).cluster_id
        prog.create_programme(
            s,
            admin,
            prog.ProgrammeInput(
                cluster, "ایجاد مرکز طراحی مشترک", "دیگری", "legal", None, "1", "", "10380284790"
            ),
        )
    with ws.db.session() as s:
        assert prog.parse_period("۱۴۰۵") == "1405" and prog.parse_period("1405 Q4") is None
        assert prog.parse_period("1405-Q5") is None and prog.parse_period("1405/Q1") == "1405-Q1"


def test_roles_and_offices_are_checked_in_the_service(
    centre, central_demo, workspace, province_admin
) -> None:
    ws, admin = centre
    pid = _programme(ws, admin)
    with ws.db.session() as s:
        viewer = replace(admin, role=Role.VIEWER)
        with pytest.raises(PermissionDenied):
            prog.add_indicator(s, viewer, pid, prog.IndicatorInput("x", "y", 0))
        clerk = replace(admin, role=Role.CLERK)
        prog.transition(s, clerk, pid, "start_central_review")
        with pytest.raises(PermissionDenied):  # decisions are the secretary's
            prog.transition(s, clerk, pid, "approve_central", meeting_id=_meeting(ws, admin))
    # a provincial office records programmes only for its own clusters its working group approved
    with workspace.db.session() as s, pytest.raises(DomainError):
        prog.create_programme(s, province_admin, prog.ProgrammeInput(title="x"))
