"""Moving a dossier through its states: the domain checks the rule, this records who, when and why.

Three steps come with a record of their own and are taken only by the service that writes it:
``register`` (the databank entry and its registry number, ``licenses.register``), ``license`` (the
numbered, signed license, ``licenses.issue_license``) and ``request_plan`` (the plan request that
travels to the province, ``central.request_plan``). Each of those services claims the one permit for
its step when it is imported; ``transition`` and ``apply`` refuse the step without it, so no screen,
command or script can move the state and leave the record behind.

Evaluation rounds: the step that opens an evaluation (``domain.workflow.ROUND_OPENERS``:
``open_evaluation`` in the province, ``receive`` at the centre) starts a new round for that level, so a
plan revised after a return is scored afresh; the round is counted from these recorded steps
(``evaluations.current_round``), and a decision that leaves the round records the current round's
score (``refresh_score``) and needs the current round's sheets (``Requirement.SCORES``).

A dossier's version and ``updated_at`` (what bundles compare) change only at the office that owns it:
the centre's decisions on a province's dossier are the centre's own transitions, not a new version of
the province's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, TransitionError
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, ROUND_OPENERS, Requirement
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.store.models import Dossier, Meeting, Transition, WorkingGroup, utcnow

from . import audit, plans
from .actor import Actor
from .clusters import get_dossier
from .evaluations import ROUND_STATES, current_round, level_of, refresh_score, submitted_sheets

# Steps with a record of their own, and where people take them instead (Persian, English).
SERVICE_STEPS: dict[str, tuple[str, str]] = {
    "register": (
        "ثبت در بانک اطلاعات فقط از صفحهٔ «بانک اطلاعات» (یا دستور ‎databank register‎) انجام می‌شود، "
        "تا شمارهٔ ثبت هم صادر شود.",
        "Registration is done only in the Databank view (or `databank register`), which also issues "
        "the registry number.",
    ),
    "license": (
        "پروانه فقط از صفحهٔ «پروانه‌ها» (یا دستور ‎license-admin issue‎) صادر می‌شود، "
        "تا شماره‌گذاری و با کلید مرکز امضا شود.",
        "A license is issued only in the Licenses view (or `license-admin issue`), where it is "
        "numbered and signed with the centre's key.",
    ),
    "request_plan": (
        "درخواست تکمیل طرح توجیهی فقط از «لیست اولیهٔ مرکز» (یا دستور ‎initial-list request‎) "
        "فرستاده می‌شود، تا با بستهٔ بعدی به استان برسد.",
        "The plan request is made only from the centre's initial list (or `initial-list request`), "
        "so that it reaches the province with the next bundle.",
    ),
}


@dataclass(frozen=True, eq=False)
class StepPermit:
    """The right to record one of ``SERVICE_STEPS``; compared by identity, so only the object handed
    out by ``claim_permit`` counts."""

    action: str


_permits: dict[str, StepPermit] = {}


def claim_permit(action: str) -> StepPermit:
    """Hand the one permit for ``action`` to the service that writes the step's record (claimed once,
    when that service module is imported; a second claim is a programming error)."""
    if action not in SERVICE_STEPS or action in _permits:
        raise RuntimeError(f"the permit for {action!r} is not available")
    _permits[action] = StepPermit(action)
    return _permits[action]


def _check_permit(action: str, permit: StepPermit | None) -> None:
    if action in SERVICE_STEPS and (permit is None or _permits.get(action) is not permit):
        fa, en = SERVICE_STEPS[action]
        raise PermissionDenied(fa, en)


def is_service_step(action: str) -> bool:
    """Whether ``action`` is taken through its own service rather than ``transition``."""
    return action in SERVICE_STEPS


def meeting_of(session: Session, actor: Actor, meeting_id: str | None) -> Meeting | None:
    """The meeting a decision cites, which must be one of this office's working group; None if none."""
    if not meeting_id:
        return None
    meeting = session.get(Meeting, meeting_id)
    group = session.get(WorkingGroup, meeting.group_id) if meeting else None
    if meeting is None or group is None or group.owner_office_id != actor.office_id:
        raise NotFound("جلسهٔ کارگروه پیدا نشد.", "Working-group meeting not found.", field="minutes")
    if meeting.finalized:
        # Signed minutes are closed: a decision added now would not be on the paper that was signed.
        raise ConflictError(
            f"صورتجلسهٔ {to_persian_digits(meeting.number)} نهایی شده است؛ تصمیم را در جلسهٔ دیگری ثبت کنید.",
            f"Minutes {meeting.number} are finalized; record the decision in another meeting.",
            field="minutes",
        )
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
    permit: StepPermit | None = None,
) -> Transition:
    """Take ``action`` on a dossier, or refuse with a clear message and change nothing."""
    _check_permit(action, permit)
    dossier = get_dossier(session, dossier_id)
    meeting = meeting_of(session, actor, meeting_id)
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
    if dossier.state in ROUND_STATES and rule.target not in ROUND_STATES:
        refresh_score(session, dossier, ROUND_STATES[dossier.state])  # the decision fixes the score
    return apply(session, actor, dossier, rule, comment=comment, meeting=meeting, permit=permit)


def apply(
    session: Session,
    actor: Actor,
    dossier: Dossier,
    rule: Rule,
    *,
    comment: str = "",
    meeting: Meeting | None = None,
    permit: StepPermit | None = None,
) -> Transition:
    """Record an already-checked transition (also used by sync when a bundle carries one)."""
    _check_permit(rule.action, permit)
    row = record_step(
        session, actor, rule, dossier.state, comment=comment, meeting=meeting, dossier_id=dossier.id
    )
    now = row.at
    if rule.action == "nominate" and dossier.nominated_on is None:
        dossier.nominated_on = today()
    dossier.state = rule.target
    dossier.state_changed_at = now
    if dossier.owner_office_id == actor.office_id:
        dossier.version += 1
        dossier.updated_at = now
    else:  # another office's record: our step is the transition row; keep its owner's stamp
        dossier.updated_at = Dossier.__table__.c.updated_at  # type: ignore[assignment]
    session.flush()
    opens = next((lv for lv, actions in ROUND_OPENERS.items() if rule.action in actions), None)
    audit.record(
        session,
        actor,
        f"dossier.{rule.action}",
        "dossier",
        dossier.id,
        to=rule.target,
        f_code=rule.f_code,
        minutes=row.minutes_number or None,
        # the evaluation round this step opened (counted from the step just recorded)
        round=current_round(session, dossier.id, opens) if opens else None,
    )
    return row


def record_step(
    session: Session,
    actor: Actor,
    rule: Rule,
    from_state: str,
    *,
    comment: str = "",
    meeting: Meeting | None = None,
    dossier_id: str | None = None,
    programme_id: str | None = None,
) -> Transition:
    """The history row of a checked step of either machine: who, when, why, F-code and minutes."""
    row = Transition(
        owner_office_id=actor.office_id,
        dossier_id=dossier_id,
        programme_id=programme_id,
        action=rule.action,
        from_state=from_state,
        to_state=rule.target,
        f_code=rule.f_code,
        actor=actor.label,
        at=utcnow(),
        comment=comment.strip(),
        meeting_id=meeting.id if meeting else None,
        minutes_number=meeting.number if meeting else "",
    )
    session.add(row)
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
    """Steps ``actor`` may take now; ``SERVICE_STEPS`` among them go through their own service."""
    dossier = get_dossier(session, dossier_id)
    return DOSSIER_WORKFLOW.allowed(dossier.state, actor.role, actor.office_kind)
