"""What the working-group screen shows (F1/F2): the secretariat, members, meetings and their decisions.

Read-only questions; changes go through ``services.groups``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.roles import MemberRole
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, PROGRAMME_WORKFLOW
from cluster_desktop.store.models import (
    Attendance,
    Cluster,
    Dossier,
    Member,
    Organization,
    Programme,
    Transition,
)

from .actor import Actor
from .groups import MeetingInput, MemberInput, get_meeting, list_meetings, list_members, local_group
from .office_details import details_of


@dataclass(frozen=True)
class Secretariat:
    group_name: str
    office_name: str
    head_name: str
    secretary_name: str
    phone: str
    email: str
    address: str


def secretariat(session: Session, actor: Actor) -> Secretariat:
    d = details_of(session, actor.office_id)
    group = local_group(session, actor)
    return Secretariat(
        group.name_fa, d.office_name, d.head_name, d.secretary_name, d.phone, d.email, d.address
    )


@dataclass(frozen=True)
class MemberRow:
    id: str
    full_name: str
    organization_code: str | None
    organization_fa: str
    organization_en: str
    member_role: MemberRole
    position: str
    phone: str
    email: str
    active: bool


def member_rows(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[MemberRow]:
    """Members in seat order (chair, secretary, members), then by name."""
    orgs = {o.code: o for o in session.scalars(select(Organization))}
    seat = {MemberRole.CHAIR: 0, MemberRole.SECRETARY: 1, MemberRole.MEMBER: 2}
    rows = []
    for m in list_members(session, actor, active_only=not include_inactive):
        org = orgs.get(m.organization_code or "")
        rows.append(
            MemberRow(
                m.id,
                m.full_name,
                m.organization_code,
                org.name_fa if org else "",
                org.name_en if org else "",
                MemberRole(m.member_role),
                m.position,
                m.phone,
                m.email,
                m.active,
            )
        )
    rows.sort(key=lambda r: (not r.active, seat[r.member_role], r.full_name))
    return rows


def member_input(session: Session, member_id: str) -> tuple[MemberInput, bool]:
    """A member's current values as the form edits them, and whether they are active."""
    m = session.get(Member, member_id)
    assert m is not None
    return (
        MemberInput(
            m.full_name, m.organization_code, MemberRole(m.member_role), m.position, m.phone, m.email
        ),
        m.active,
    )


@dataclass(frozen=True)
class MeetingRow:
    id: str
    number: str
    held_on: date
    location: str
    attendees: int
    decisions: int
    finalized: bool


def meeting_rows(session: Session, actor: Actor) -> list[MeetingRow]:
    """The office's meetings, newest first, with how many attended and how many decisions cite them."""
    meetings = list_meetings(session, actor)
    ids = [m.id for m in meetings]
    attended = dict(
        session.execute(
            select(Attendance.meeting_id, func.count())
            .where(Attendance.meeting_id.in_(ids))
            .group_by(Attendance.meeting_id)
        ).all()
    )
    decided = dict(
        session.execute(
            select(Transition.meeting_id, func.count())
            .where(Transition.meeting_id.in_(ids))
            .group_by(Transition.meeting_id)
        ).all()
    )
    return [
        MeetingRow(
            m.id, m.number, m.held_on, m.location, attended.get(m.id, 0), decided.get(m.id, 0), m.finalized
        )
        for m in meetings
    ]


@dataclass(frozen=True)
class Decision:
    """A decision recorded in a meeting (a workflow transition citing its minutes): on a dossier, or on a
    development programme (``dossier_id`` None, ``cluster_name`` naming the cluster and programme)."""

    dossier_id: str | None
    cluster_name: str
    f_code: str
    action_fa: str
    action_en: str
    comment: str
    actor: str
    at: datetime


def _rule_titles(t: Transition) -> tuple[str, str]:
    """The decision's title in both languages, from the machine the transition belongs to."""
    machine = PROGRAMME_WORKFLOW if t.programme_id else DOSSIER_WORKFLOW
    rule = next(
        (r for r in machine.transitions if r.action == t.action and r.f_code == t.f_code),
        next((r for r in machine.transitions if r.action == t.action), None),
    )
    return (rule.title_fa, rule.title_en) if rule else (t.action, t.action)


def meeting_decisions(session: Session, meeting_id: str) -> list[Decision]:
    """Decisions citing the meeting: on dossiers (phase 1) and on development programmes (F9-3, F11)."""
    rows = session.execute(
        select(Transition, Cluster.name, Programme.title)
        .outerjoin(Dossier, Dossier.id == Transition.dossier_id)
        .outerjoin(Programme, Programme.id == Transition.programme_id)
        .outerjoin(Cluster, Cluster.id == func.coalesce(Dossier.cluster_id, Programme.cluster_id))
        .where(Transition.meeting_id == meeting_id)
        .order_by(Transition.at)
    ).all()
    out = []
    for t, name, programme_title in rows:
        title_fa, title_en = _rule_titles(t)
        subject = f"{name or ''} — {programme_title}" if programme_title else name or ""
        out.append(Decision(t.dossier_id, subject, t.f_code, title_fa, title_en, t.comment, t.actor, t.at))
    return out


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    number: str
    finalized: bool
    data: MeetingInput
    attendee_names: list[str]
    decisions: list[Decision] = field(default_factory=list)


def meeting_detail(session: Session, meeting_id: str) -> MeetingDetail:
    m = get_meeting(session, meeting_id)
    attendee_ids = [a.member_id for a in m.attendees]
    names = dict(
        session.execute(select(Member.id, Member.full_name).where(Member.id.in_(attendee_ids))).all()
    )
    return MeetingDetail(
        m.id,
        m.number,
        m.finalized,
        MeetingInput(
            held_on=m.held_on,
            location=m.location,
            agenda=m.agenda,
            minutes_text=m.minutes_text,
            attendee_ids=attendee_ids,
            resolutions=[r.text for r in m.resolutions],
        ),
        [names.get(i, "") for i in attendee_ids],
        meeting_decisions(session, meeting_id),
    )
