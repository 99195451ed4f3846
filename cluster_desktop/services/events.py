"""Culture-building, training and awareness (F4): the events an office holds or follows for the
clusters, with the agency that ran them and how many took part. A registry beside the two state
machines: each office edits only its own events; a province's list reaches the centre whole with each
submission, so the centre sees the country's events (read-only) beside its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector, NotFound, PermissionDenied
from cluster_desktop.domain.jalali import jalali_year, jalali_year_bounds, today
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.store.models import Organization, Province, TrainingEvent

from . import audit, forms
from .actor import EDITORS, Actor, require

KINDS: dict[str, tuple[str, str]] = {
    "training": ("دورهٔ آموزشی", "Training course"),
    "awareness": ("همایش یا اطلاع‌رسانی", "Awareness event"),
}
MAX_PARTICIPANTS = 100_000


@dataclass
class EventInput:
    title: str = ""
    kind: str = "training"
    held_on: str | date | None = None
    province_code: str | None = None  # the centre chooses; a province's events are its own
    organization_code: str | None = None
    participants: int | str | None = 0
    description: str = ""


def _validate(session: Session, actor: Actor, data: EventInput) -> dict[str, object]:
    c = FieldCollector()
    title = forms.text(c, data.title, "title", "عنوان", "Title", required=True)
    if data.kind not in KINDS:
        c.add("kind", "نوع رویداد را انتخاب کنید.", "Choose the kind of event.")
    held = forms.jalali(c, data.held_on, "held_on", "تاریخ برگزاری", "Held on", required=True)
    if held and held > today():
        c.add("held_on", "رویدادی که برگزار نشده ثبت نمی‌شود.", "An event is recorded once it has been held.")
    if actor.office_kind is OfficeKind.PROVINCE:
        province = actor.province_code
    else:
        province = data.province_code or None
        if province and session.get(Province, province) is None:
            c.add("province", "استان شناخته نیست.", "Unknown province.")
    org = data.organization_code or None
    if org and session.get(Organization, org) is None:
        c.add("organization", "دستگاه شناخته نیست.", "Unknown agency.")
    participants = forms.number(
        c, data.participants, "participants", "شمار شرکت‌کنندگان", "Participants", maximum=MAX_PARTICIPANTS
    )
    description = forms.text(
        c, data.description, "description", "شرح", "Description", single_line=False, max_len=10000
    )
    c.raise_if_any()
    return {
        "title": title,
        "kind": data.kind,
        "held_on": held,
        "province_code": province,
        "organization_code": org,
        "participants": participants,
        "description": description,
    }


def add_event(session: Session, actor: Actor, data: EventInput) -> TrainingEvent:
    require(actor, EDITORS, what_fa="ثبت رویداد آموزشی", what_en="record training events")
    event = TrainingEvent(owner_office_id=actor.office_id, **_validate(session, actor, data))
    session.add(event)
    session.flush()
    audit.record(session, actor, "event.add", "training_event", event.id, title=event.title)
    return event


def _own(session: Session, actor: Actor, event_id: str) -> TrainingEvent:
    event = session.get(TrainingEvent, event_id)
    if event is None:
        raise NotFound("رویداد پیدا نشد.", "Event not found.")
    if event.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "این رویداد را دفتر دیگری ثبت کرده است.", "Another office recorded this event."
        )
    return event


def may_change(actor: Actor, row: EventRow) -> bool:
    """Whether ``actor`` may edit or delete this event (its own office's, with an editing role)."""
    return row.office_id == actor.office_id and (actor.role is Role.ADMIN or actor.role in EDITORS)


def update_event(session: Session, actor: Actor, event_id: str, data: EventInput) -> TrainingEvent:
    require(actor, EDITORS, what_fa="ویرایش رویداد آموزشی", what_en="edit training events")
    event = _own(session, actor, event_id)
    for key, value in _validate(session, actor, data).items():
        setattr(event, key, value)
    event.version += 1
    session.flush()
    audit.record(session, actor, "event.update", "training_event", event.id)
    return event


def delete_event(session: Session, actor: Actor, event_id: str) -> None:
    require(actor, EDITORS, what_fa="حذف رویداد آموزشی", what_en="delete training events")
    event = _own(session, actor, event_id)
    audit.record(session, actor, "event.delete", "training_event", event.id, title=event.title)
    session.delete(event)
    session.flush()


def event_input(session: Session, event_id: str) -> EventInput:
    e = session.get(TrainingEvent, event_id)
    if e is None:
        raise NotFound("رویداد پیدا نشد.", "Event not found.")
    return EventInput(
        e.title, e.kind, e.held_on, e.province_code, e.organization_code, e.participants, e.description
    )


@dataclass(frozen=True)
class EventRow:
    id: str
    title: str
    kind: str
    held_on: date
    province_fa: str
    organization_fa: str
    participants: int
    description: str
    office_id: str  # who recorded it: only that office may change it


@dataclass(frozen=True)
class EventTotals:
    events: int
    training: int
    awareness: int
    participants: int


def event_rows(
    session: Session, *, year: int | None = None, kind: str | None = None
) -> tuple[list[EventRow], EventTotals]:
    """This office's events, newest first (optionally one Jalali year, one kind), and their totals."""
    q = (
        select(TrainingEvent, Province.name_fa, Organization.name_fa)
        .outerjoin(Province, Province.code == TrainingEvent.province_code)
        .outerjoin(Organization, Organization.code == TrainingEvent.organization_code)
        .order_by(TrainingEvent.held_on.desc(), TrainingEvent.created_at.desc())
    )
    if year is not None:
        start, end = jalali_year_bounds(year)
        q = q.where(TrainingEvent.held_on >= start, TrainingEvent.held_on <= end)
    if kind:
        q = q.where(TrainingEvent.kind == kind)
    rows = [
        EventRow(
            e.id,
            e.title,
            e.kind,
            e.held_on,
            prov or "",
            org or "",
            e.participants,
            e.description,
            e.owner_office_id,
        )
        for e, prov, org in session.execute(q)
    ]
    totals = EventTotals(
        len(rows),
        sum(1 for r in rows if r.kind == "training"),
        sum(1 for r in rows if r.kind == "awareness"),
        sum(r.participants for r in rows),
    )
    return rows, totals


def event_years(session: Session) -> list[int]:
    """Jalali years that have events, newest first (the current year always)."""
    days = session.scalars(select(TrainingEvent.held_on).distinct())
    return sorted({jalali_year(d) for d in days} | {jalali_year(today())}, reverse=True)
