"""Dating sample data in the past: a clock every record written during the demo is stamped with.

The services stamp "now" (transitions, audit entries, submitted sheets, databank registrations); the
demo sets ``Clock.now`` before each step of a dossier's plausible timeline and a ``before_flush``
hook rewrites those stamps, so the history reads like months of work rather than one second.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import TEHRAN, jalali_year, today
from cluster_desktop.domain.numbering import format_minutes_number
from cluster_desktop.store.models import AuditEntry, DatabankEntry, Meeting, Synced, Transition

# Moments the services set to "now"; dates the services set to "today".
_MOMENTS = ("at", "submitted_at", "state_changed_at", "status_changed_at", "enrolled_at")
_DAYS = ("nominated_on", "registered_on", "notified_on")


def office_hours(day: date, rng: random.Random) -> datetime:
    """A moment during Tehran office hours (08:00–14:00) of ``day``, in UTC."""
    local = datetime.combine(day, time(8, 0), tzinfo=TEHRAN) + timedelta(minutes=rng.randint(0, 360))
    return local.astimezone(UTC)


def local_day(moment: datetime) -> date:
    return moment.astimezone(TEHRAN).date()


class Clock:
    """The demo's "now"; installed on a session, it restamps what each flush writes."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def install(self, session: Session) -> None:
        event.listen(session, "before_flush", self._stamp)

    def remove(self, session: Session) -> None:
        event.remove(session, "before_flush", self._stamp)

    def _stamp(self, session: Session, _ctx: Any, _instances: Any) -> None:
        now, day = self.now, local_day(self.now)
        for obj in session.new:
            if isinstance(obj, Synced):
                obj.created_at = obj.updated_at = now
            if isinstance(obj, AuditEntry):  # its default is applied only at insert
                obj.at = now
            for name in _MOMENTS:
                if getattr(obj, name, None) is not None:
                    setattr(obj, name, now)
            for name in _DAYS:
                if getattr(obj, name, None) is not None:
                    setattr(obj, name, day)
        for obj in session.dirty:
            if not session.is_modified(obj):
                continue
            state = inspect(obj)
            if isinstance(obj, Synced):
                obj.updated_at = now
            for name in _MOMENTS:
                self._restamp(state, obj, name, now)
            for name in _DAYS:
                self._restamp(state, obj, name, day)

    @staticmethod
    def _restamp(state: Any, obj: object, name: str, value: object) -> None:
        if name in state.attrs and state.attrs[name].history.added and getattr(obj, name) is not None:
            setattr(obj, name, value)


def plan_days(rng: random.Random, steps: list[str], *, latest: date | None = None) -> list[date]:
    """A start day and one day per step: weeks between steps, the last one in the past few months."""
    gaps = [_gap(rng, step) for step in steps]
    end = (latest or today()) - timedelta(days=rng.randint(2, 110))
    start = end - timedelta(days=sum(gaps))
    days = [start]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return days


def _gap(rng: random.Random, step: str) -> int:
    if step in ("plan", "central_sheets", "license"):
        return rng.randint(20, 55)  # writing a plan, a central review, preparing a license
    if step in ("sheets", "receive", "register", "send_to_center"):
        return rng.randint(5, 20)
    return rng.randint(3, 25)


def renumber_meetings(session: Session) -> None:
    """Minutes numbers in the order meetings were held (they were made in dossier order)."""
    meetings = list(session.scalars(select(Meeting).order_by(Meeting.group_id, Meeting.held_on)))
    for m in meetings:
        m.number = f"tmp-{m.id[:12]}"  # (group, number) is unique: clear the way first
    session.flush()
    seq: dict[tuple[str, int], int] = {}
    for m in meetings:
        year = jalali_year(m.held_on)
        seq[(m.group_id, year)] = seq.get((m.group_id, year), 0) + 1
        m.number = format_minutes_number(year, seq[(m.group_id, year)])
    session.flush()
    numbers = {m.id: m.number for m in meetings}
    for t in session.scalars(select(Transition).where(Transition.meeting_id.is_not(None))):
        t.minutes_number = numbers.get(t.meeting_id or "", t.minutes_number)


def renumber_databank(session: Session) -> None:
    """Registry numbers in the order of registration, each with its own Jalali year."""
    entries = list(session.scalars(select(DatabankEntry).order_by(DatabankEntry.registered_on)))
    for e in entries:
        e.registry_no = f"tmp-{e.id[:28]}"  # within the column (32): PostgreSQL enforces it
    session.flush()
    for i, e in enumerate(entries, 1):
        e.registry_no = f"DB-{jalali_year(e.registered_on)}-{i:05d}"
