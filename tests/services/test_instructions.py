"""F5/F15: the centre issues numbered revisions of the programme's instructions; refusals change nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import FormError, PermissionDenied
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import instructions as ins
from cluster_desktop.store.models import AuditEntry, Instruction


def _count(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Instruction)) or 0)


def test_the_seed_names_four_instructions_none_issued_at_first(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        rows = ins.instruction_rows(s)
    assert [r.code for r in rows] == ["F5-1", "F5-2", "F5-3", "F5-4"]
    assert "۲۰۷۹۴" in rows[0].topic_fa and all(r.revision is None and r.revisions == 0 for r in rows)


def test_revisions_are_numbered_and_the_newest_is_in_force(workspace, central_admin) -> None:
    first_day = today() - timedelta(days=30)
    with workspace.db.session() as s:
        draft = ins.draft_for(s, "F5-2")
        assert "پذیرش طرح" in draft.title and draft.body == ""
        ins.issue(s, central_admin, replace(draft, issued_on=first_day, body="ماده ۱ — متن نخست"))
        again = ins.draft_for(s, "F5-2")
        assert again.body == "ماده ۱ — متن نخست"  # a revision starts from the text in force
        ins.issue(s, central_admin, replace(again, issued_on=today(), body="متن دوم"))
    with workspace.db.session() as s:
        row = next(r for r in ins.instruction_rows(s) if r.code == "F5-2")
        assert (row.revision, row.revisions, row.issued_on) == (2, 2, today())
        assert [(r.revision, r.body) for r in ins.revisions(s, "F5-2")] == [
            (2, "متن دوم"),
            (1, "ماده ۱ — متن نخست"),
        ]
        assert (
            s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "instruction.issue")
            )
            == 2
        )


def test_bad_input_is_named_per_field_and_nothing_is_saved(workspace, central_admin) -> None:
    with pytest.raises(FormError) as err, workspace.db.session() as s:
        ins.issue(
            s,
            central_admin,
            ins.InstructionInput(code="F9", title="  ", issued_on=today() + timedelta(days=3), body=""),
        )
    assert set(err.value.by_field()) == {"code", "title", "issued_on", "body"}
    assert "آینده" in err.value.by_field()["issued_on"]
    with workspace.db.session() as s:
        ins.issue(s, central_admin, ins.InstructionInput("F5-3", "کنترل", today(), "متن"))
    with pytest.raises(FormError) as err, workspace.db.session() as s:
        ins.issue(s, central_admin, ins.InstructionInput("F5-3", "کنترل", today() - timedelta(days=1), "نو"))
    assert "پیش از ابلاغ" in err.value.by_field()["issued_on"]
    assert _count(workspace) == 1


def test_only_the_centres_secretariat_issues(workspace, central_admin) -> None:
    data = ins.InstructionInput("F5-1", "دستورالعمل اجرایی", today(), "متن")
    province = replace(
        central_admin, office_id="IR-07", office_kind=OfficeKind.PROVINCE, province_code="IR-07"
    )
    with pytest.raises(PermissionDenied) as err, workspace.db.session() as s:
        ins.issue(s, province, data)
    assert "مرکز" in str(err.value)
    with pytest.raises(PermissionDenied), workspace.db.session() as s:
        ins.issue(s, replace(central_admin, role=Role.EVALUATOR), data)
    assert _count(workspace) == 0
