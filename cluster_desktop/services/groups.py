"""Working groups (F1 at the centre, F2 in a province): members, meetings and numbered minutes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector, NotFound, PermissionDenied
from cluster_desktop.domain.jalali import jalali_year
from cluster_desktop.domain.numbering import next_minutes_number
from cluster_desktop.domain.roles import MemberRole, Role
from cluster_desktop.store.models import (
    Attendance,
    Meeting,
    Member,
    Organization,
    Resolution,
    WorkingGroup,
    utcnow,
)

from . import audit, forms
from .actor import Actor, require

SECRETARIAT = (Role.SECRETARY,)


def local_group(session: Session, actor: Actor) -> WorkingGroup:
    group = session.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == actor.office_id))
    if group is None:
        raise NotFound("کارگروه این دفتر پیدا نشد.", "This office's working group was not found.")
    return group


@dataclass
class MemberInput:
    full_name: str
    organization_code: str | None
    member_role: MemberRole = MemberRole.MEMBER
    position: str = ""
    phone: str = ""
    email: str = ""


def _validate_member(session: Session, data: MemberInput) -> dict[str, Any]:
    c = FieldCollector()
    v: dict[str, Any] = {
        "full_name": forms.text(
            c, data.full_name, "full_name", "نام و نام خانوادگی", "Full name", required=True
        ),
        "position": forms.text(c, data.position, "position", "سمت", "Position"),
        "phone": forms.phone_number(c, data.phone),
        "email": forms.email(c, data.email, "email"),
        "member_role": MemberRole(data.member_role).value,
    }
    if not data.organization_code or session.get(Organization, data.organization_code) is None:
        c.add("organization", "دستگاه عضو را انتخاب کنید.", "Choose the member's organization.")
    v["organization_code"] = data.organization_code
    c.raise_if_any()
    return v


def add_member(session: Session, actor: Actor, data: MemberInput) -> Member:
    require(actor, SECRETARIAT, what_fa="تعیین اعضای کارگروه", what_en="manage working-group members")
    v = _validate_member(session, data)
    group = local_group(session, actor)
    member = Member(owner_office_id=actor.office_id, group_id=group.id, **v)
    session.add(member)
    session.flush()
    audit.record(session, actor, "member.add", "member", member.id, name=member.full_name)
    return member


def update_member(
    session: Session, actor: Actor, member_id: str, data: MemberInput, *, active: bool = True
) -> Member:
    require(actor, SECRETARIAT, what_fa="ویرایش اعضای کارگروه", what_en="edit working-group members")
    member = _own_member(session, actor, member_id)
    for k, val in _validate_member(session, data).items():
        setattr(member, k, val)
    member.active = active
    member.version += 1
    member.updated_at = utcnow()
    audit.record(session, actor, "member.update", "member", member.id, name=member.full_name, active=active)
    return member


def _own_member(session: Session, actor: Actor, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.owner_office_id != actor.office_id:
        raise NotFound("عضو کارگروه پیدا نشد.", "Working-group member not found.")
    return member


def list_members(session: Session, actor: Actor, *, active_only: bool = False) -> list[Member]:
    q = select(Member).where(Member.group_id == local_group(session, actor).id)
    if active_only:
        q = q.where(Member.active.is_(True))
    return list(session.scalars(q.order_by(Member.member_role, Member.full_name)))


@dataclass
class MeetingInput:
    held_on: str | date
    location: str = ""
    agenda: str = ""
    minutes_text: str = ""
    attendee_ids: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)


def _validate_meeting(session: Session, actor: Actor, data: MeetingInput) -> dict[str, Any]:
    c = FieldCollector()
    held_on = forms.jalali(c, data.held_on, "held_on", "تاریخ جلسه", "Meeting date")
    v: dict[str, Any] = {
        "held_on": held_on,
        "location": forms.text(c, data.location, "location", "محل جلسه", "Location"),
        "agenda": forms.text(
            c, data.agenda, "agenda", "دستور جلسه", "Agenda", single_line=False, max_len=20_000
        ),
        "minutes_text": forms.text(
            c,
            data.minutes_text,
            "minutes_text",
            "متن صورتجلسه",
            "Minutes",
            single_line=False,
            max_len=100_000,
        ),
    }
    group = local_group(session, actor)
    members = {m.id for m in session.scalars(select(Member).where(Member.group_id == group.id))}
    if not data.attendee_ids:
        c.add("attendees", "حاضران جلسه را مشخص کنید.", "Mark who attended.")
    elif not set(data.attendee_ids) <= members:
        c.add(
            "attendees",
            "حاضران باید از اعضای همین کارگروه باشند.",
            "Attendees must be members of this group.",
        )
    c.raise_if_any()
    return v


def create_meeting(session: Session, actor: Actor, data: MeetingInput) -> Meeting:
    """Record a meeting; its minutes number is the next of its Jalali year (e.g. 1405/012)."""
    require(actor, SECRETARIAT, what_fa="ثبت جلسهٔ کارگروه", what_en="record working-group meetings")
    v = _validate_meeting(session, actor, data)
    group = local_group(session, actor)
    year = jalali_year(v["held_on"])
    existing = session.scalars(select(Meeting.number).where(Meeting.group_id == group.id))
    meeting = Meeting(
        owner_office_id=actor.office_id, group_id=group.id, number=next_minutes_number(existing, year), **v
    )
    meeting.attendees = [Attendance(owner_office_id=actor.office_id, member_id=m) for m in data.attendee_ids]
    meeting.resolutions = [
        Resolution(owner_office_id=actor.office_id, order=i + 1, text=t.strip())
        for i, t in enumerate(data.resolutions)
        if t.strip()
    ]
    session.add(meeting)
    session.flush()
    audit.record(session, actor, "meeting.create", "meeting", meeting.id, number=meeting.number)
    return meeting


def update_meeting(session: Session, actor: Actor, meeting_id: str, data: MeetingInput) -> Meeting:
    require(actor, SECRETARIAT, what_fa="ویرایش صورتجلسه", what_en="edit minutes")
    meeting = get_meeting(session, meeting_id)
    if meeting.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "این صورتجلسه متعلق به دفتر دیگری است.", "These minutes belong to another office."
        )
    if meeting.finalized:
        raise PermissionDenied("صورتجلسهٔ نهایی‌شده تغییر نمی‌کند.", "Finalized minutes cannot change.")
    v = _validate_meeting(session, actor, data)
    for k, val in v.items():
        setattr(meeting, k, val)
    meeting.attendees = [Attendance(owner_office_id=actor.office_id, member_id=m) for m in data.attendee_ids]
    meeting.resolutions = [
        Resolution(owner_office_id=actor.office_id, order=i + 1, text=t.strip())
        for i, t in enumerate(data.resolutions)
        if t.strip()
    ]
    meeting.version += 1
    meeting.updated_at = utcnow()
    audit.record(session, actor, "meeting.update", "meeting", meeting.id, number=meeting.number)
    return meeting


def finalize_meeting(session: Session, actor: Actor, meeting_id: str) -> Meeting:
    require(actor, SECRETARIAT, what_fa="نهایی کردن صورتجلسه", what_en="finalize minutes")
    meeting = get_meeting(session, meeting_id)
    if meeting.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "این صورتجلسه متعلق به دفتر دیگری است.", "These minutes belong to another office."
        )
    if meeting.finalized:
        return meeting
    meeting.finalized = True
    meeting.version += 1
    meeting.updated_at = utcnow()
    audit.record(session, actor, "meeting.finalize", "meeting", meeting.id, number=meeting.number)
    return meeting


def get_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("جلسه پیدا نشد.", "Meeting not found.")
    return meeting


def list_meetings(session: Session, actor: Actor, *, open_only: bool = False) -> list[Meeting]:
    """This office's meetings, latest first; ``open_only``: those whose minutes still take decisions."""
    group = local_group(session, actor)
    q = select(Meeting).where(Meeting.group_id == group.id)
    if open_only:
        q = q.where(Meeting.finalized.is_(False))
    return list(session.scalars(q.order_by(Meeting.held_on.desc(), Meeting.number.desc())))
