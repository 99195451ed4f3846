"""Moving a dossier through its states: the domain checks the rule, this records who, when and why."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import NotFound, TransitionError
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, Requirement
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.store.models import Dossier, Meeting, Transition, WorkingGroup, utcnow

from . import audit, plans
from .actor import Actor
from .clusters import get_dossier
from .evaluations import level_of, submitted_sheets


def _meeting(session: Session, actor: Actor, meeting_id: str | None) -> Meeting | None:
    if not meeting_id:
        return None
    meeting = session.get(Meeting, meeting_id)
    group = session.get(WorkingGroup, meeting.group_id) if meeting else None
    if meeting is None or group is None or group.owner_office_id != actor.office_id:
        raise NotFound("جلسهٔ کارگروه پیدا نشد.", "Working-group meeting not found.", field="minutes")
    return meeting


def provided_inputs(
    session: Session,
    actor: Actor,
    dossier: Dossier,
    *,
    comment: str,
    meeting: Meeting | None,
    extra: tuple[Requirement, ...] = (),
) -> set[Requirement]:
    given = set(extra)
    if meeting is not None:
        given.add(Requirement.MINUTES)
    if comment.strip():
        given.add(Requirement.COMMENT)
    if plans.is_complete(session, dossier.id):
        given.add(Requirement.PLAN_COMPLETE)
    if submitted_sheets(session, dossier.id, level_of(actor)):
        given.add(Requirement.SCORES)
    return given


def transition(
    session: Session,
    actor: Actor,
    dossier_id: str,
    action: str,
    *,
    comment: str = "",
    meeting_id: str | None = None,
    extra: tuple[Requirement, ...] = (),
) -> Transition:
    """Take ``action`` on a dossier, or refuse with a clear message and change nothing."""
    dossier = get_dossier(session, dossier_id)
    meeting = _meeting(session, actor, meeting_id)
    given = provided_inputs(session, actor, dossier, comment=comment, meeting=meeting, extra=extra)
    try:
        rule = DOSSIER_WORKFLOW.check(
            dossier.state, action, role=actor.role, office=actor.office_kind, provided=given
        )
    except TransitionError as e:
        if e.field == Requirement.PLAN_COMPLETE.value:
            missing = "، ".join(plans.missing_sections(session, dossier.id))
            raise TransitionError(f"{e.fa} کمبودها: {missing}", e.en, field=e.field) from None
        raise
    return apply(session, actor, dossier, rule, comment=comment, meeting=meeting)


def apply(
    session: Session,
    actor: Actor,
    dossier: Dossier,
    rule: Rule,
    *,
    comment: str = "",
    meeting: Meeting | None = None,
) -> Transition:
    """Record an already-checked transition (also used by sync when a bundle carries one)."""
    now = utcnow()
    row = Transition(
        owner_office_id=actor.office_id,
        dossier_id=dossier.id,
        action=rule.action,
        from_state=dossier.state,
        to_state=rule.target,
        f_code=rule.f_code,
        actor=actor.label,
        at=now,
        comment=comment.strip(),
        meeting_id=meeting.id if meeting else None,
        minutes_number=meeting.number if meeting else "",
    )
    session.add(row)
    if rule.action == "nominate" and dossier.nominated_on is None:
        dossier.nominated_on = today()
    dossier.state = rule.target
    dossier.state_changed_at = now
    dossier.version += 1
    dossier.updated_at = now
    session.flush()
    audit.record(
        session,
        actor,
        f"dossier.{rule.action}",
        "dossier",
        dossier.id,
        to=rule.target,
        f_code=rule.f_code,
        minutes=row.minutes_number or None,
    )
    return row


def history(session: Session, dossier_id: str) -> list[Transition]:
    return list(
        session.scalars(
            select(Transition)
            .where(Transition.dossier_id == dossier_id)
            .order_by(Transition.at, Transition.created_at)
        )
    )


def allowed_actions(session: Session, actor: Actor, dossier_id: str) -> list[Rule]:
    dossier = get_dossier(session, dossier_id)
    return DOSSIER_WORKFLOW.allowed(dossier.state, actor.role, actor.office_kind)
