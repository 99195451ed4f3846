"""F4: training and awareness events, recorded per office; bad input refused field by field."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import PermissionDenied, ValidationError
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import events
from cluster_desktop.store.models import AuditEntry, TrainingEvent


def count(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(TrainingEvent)) or 0)


def test_events_are_recorded_filtered_and_totalled(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        a = events.add_event(
            s,
            province_admin,
            events.EventInput("کارگاه بسته‌بندی", "training", "1405/02/10", "IR-10", "ISIPO", "۳۵"),
        )
        events.add_event(
            s, province_admin, events.EventInput("همایش معرفی", "awareness", "1404/11/01", None, None, 120)
        )
        assert a.province_code == province_admin.province_code  # a province's events are its own
        rows, totals = events.event_rows(s)
        assert [r.title for r in rows] == ["کارگاه بسته‌بندی", "همایش معرفی"]
        assert (totals.events, totals.training, totals.awareness, totals.participants) == (2, 1, 1, 155)
        assert [r.title for r in events.event_rows(s, year=1404)[0]] == ["همایش معرفی"]
        assert [r.title for r in events.event_rows(s, kind="training")[0]] == ["کارگاه بسته‌بندی"]
        assert 1405 in events.event_years(s) and 1404 in events.event_years(s)
        events.update_event(s, province_admin, a.id, replace(events.event_input(s, a.id), participants="40"))
        assert s.get(TrainingEvent, a.id).participants == 40
        events.delete_event(s, province_admin, a.id)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_id == a.id)) == 3


def test_bad_input_and_roles_are_refused_and_save_nothing(workspace, province_admin) -> None:
    before = count(workspace)
    with workspace.db.session() as s, pytest.raises(ValidationError) as err:
        events.add_event(
            s, province_admin, events.EventInput("", "party", "1403/12/31", None, "NOPE", "چهل", "")
        )
    assert {"title", "kind", "held_on", "organization", "participants"} <= set(err.value.by_field())  # type: ignore[attr-defined]
    with workspace.db.session() as s, pytest.raises(ValidationError) as err:
        events.add_event(s, province_admin, events.EventInput("آینده", "training", "1499/01/01"))
    assert err.value.field == "held_on"
    with workspace.db.session() as s, pytest.raises(PermissionDenied):
        events.add_event(
            s, replace(province_admin, role=Role.EVALUATOR), events.EventInput("x", "training", "1405/01/01")
        )
    assert count(workspace) == before
