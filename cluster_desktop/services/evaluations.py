"""Evaluation (F3-4 in the province, F6-1 at the centre): members' independent sheets, consolidation,
ranking. A member sees nobody else's sheet until their own is submitted.

Rounds: every opening of the evaluation (``domain.workflow.ROUND_OPENERS``: the province's
``open_evaluation``, the centre's ``receive``) starts a new round for that dossier and level, counted
from the dossier's history; a dossier returned for revision is therefore scored afresh by the same
members when its evaluation reopens. Sheets, consolidation, the recorded score, the running score and
the blind rule concern the current round only; the sheets of earlier rounds are kept, read-only and
readable by anyone who may read the dossier (``evaluation_rounds`` lists them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from cluster_desktop.domain.errors import FieldCollector, NotFound, PermissionDenied
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.scoring import Consolidation, CriterionWeight, consolidate, validate_score
from cluster_desktop.domain.workflow import ROUND_OPENERS
from cluster_desktop.domain.workflow import SCORING_STATES as _SCORING
from cluster_desktop.store.models import (
    CriteriaSet,
    Criterion,
    Dossier,
    Evaluation,
    Member,
    Score,
    Transition,
    utcnow,
)

from . import audit, rankings
from .actor import Actor, require
from .child_rows import merge_by_key
from .clusters import get_dossier

SCORING_STATES: dict[str, set[str]] = {level: {str(s) for s in states} for level, states in _SCORING.items()}
SEE_ALL = (Role.SECRETARY, Role.VIEWER)


def level_of(actor: Actor) -> str:
    return "central" if actor.office_kind is OfficeKind.CENTRAL else "province"


def current_criteria_set(session: Session) -> CriteriaSet:
    cs = session.scalar(select(CriteriaSet).where(CriteriaSet.is_current.is_(True)))
    if cs is None:
        raise NotFound("مجموعه معیارها تعریف نشده است.", "No criteria set is defined.")
    return cs


def _openings(
    dossier_id: ColumnElement[str] | InstrumentedAttribute[str] | str, level: str
) -> ColumnElement[int]:
    """How many times the evaluation of ``dossier_id`` at ``level`` was opened (its history's steps
    that open a round), as a scalar subquery."""
    return (
        select(func.count())
        .select_from(Transition)
        .where(Transition.dossier_id == dossier_id, Transition.action.in_(sorted(ROUND_OPENERS[level])))
        .scalar_subquery()
    )


def current_round(session: Session, dossier_id: str, level: str) -> int:
    """The dossier's evaluation round at ``level``: 1 until the evaluation is reopened after a return,
    then 2, …; a dossier whose evaluation never opened is before round 1 and counts as 1."""
    return max(1, int(session.scalar(select(_openings(dossier_id, level))) or 0))


def in_current_round(level: str) -> ColumnElement[bool]:
    """SQL: an ``Evaluation`` row belongs to its dossier's current round at ``level`` (for queries over
    many dossiers, such as the central review queue)."""
    return Evaluation.round_number == func.coalesce(
        func.nullif(_openings(Evaluation.dossier_id, level), 0), 1
    )


def set_for(
    session: Session,
    dossier_id: str,
    level: str,
    sheet: Evaluation | None = None,
    round_number: int | None = None,
) -> CriteriaSet:
    """The criteria set a sheet is scored against: its own; else the set of the first sheet of this
    round of this dossier at this level (so one round never mixes sets after a revision, F15, while
    a later round is scored against the set current when it began); else the current set."""
    set_id = sheet.criteria_set_id if sheet else None
    if set_id is None:
        number = round_number or current_round(session, dossier_id, level)
        set_id = session.scalar(
            select(Evaluation.criteria_set_id)
            .where(
                Evaluation.dossier_id == dossier_id,
                Evaluation.level == level,
                Evaluation.round_number == number,
            )
            .order_by(Evaluation.created_at, Evaluation.id)
            .limit(1)
        )
    cs = session.get(CriteriaSet, set_id) if set_id else None
    return cs or current_criteria_set(session)


def weights_of(cs: CriteriaSet) -> list[CriterionWeight]:
    return [CriterionWeight(c.code, c.weight) for c in cs.criteria]


def _member_of(session: Session, actor: Actor) -> Member:
    if actor.member_id is None:
        raise PermissionDenied(
            "این کاربر عضو کارگروه نیست و برگهٔ ارزیابی ندارد.",
            "This user is not a working-group member and has no evaluation sheet.",
        )
    member = session.get(Member, actor.member_id)
    if member is None or not member.active:
        raise PermissionDenied(
            "عضویت این کاربر در کارگروه فعال نیست.", "This user's membership is not active."
        )
    return member


def my_sheet(
    session: Session, actor: Actor, dossier_id: str, round_number: int | None = None
) -> Evaluation | None:
    """The acting member's sheet in the current round (or in ``round_number``)."""
    if actor.member_id is None:
        return None
    level = level_of(actor)
    return session.scalar(
        select(Evaluation).where(
            Evaluation.dossier_id == dossier_id,
            Evaluation.member_id == actor.member_id,
            Evaluation.level == level,
            Evaluation.round_number == (round_number or current_round(session, dossier_id, level)),
        )
    )


@dataclass
class SheetInput:
    scores: Mapping[str, int | str | None]
    comments: Mapping[str, str]
    comment: str = ""


def save_sheet(
    session: Session, actor: Actor, dossier_id: str, data: SheetInput, *, submit: bool = False
) -> Evaluation:
    """Save (and optionally submit) the acting member's own sheet of the current round; a submitted
    sheet is final (a later round starts a new one)."""
    require(actor, (Role.EVALUATOR, Role.SECRETARY), what_fa="امتیازدهی", what_en="score dossiers")
    member = _member_of(session, actor)
    dossier = get_dossier(session, dossier_id)
    level = level_of(actor)
    if dossier.state not in SCORING_STATES[level]:
        raise PermissionDenied(
            "این پرونده اکنون در مرحلهٔ ارزیابی نیست.", "This dossier is not open for scoring."
        )
    round_number = current_round(session, dossier.id, level)
    sheet = my_sheet(session, actor, dossier_id, round_number)
    if sheet is not None and sheet.submitted_at is not None:
        raise PermissionDenied(
            "برگهٔ ارزیابی شما ارسال شده و دیگر تغییر نمی‌کند.",
            "Your sheet was submitted and can no longer change.",
        )
    cs = set_for(session, dossier.id, level, sheet, round_number)
    c = FieldCollector()
    parsed: dict[str, int] = {}
    for crit in cs.criteria:
        raw = data.scores.get(crit.code)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if submit:
                c.add(
                    f"score.{crit.code}",
                    f"امتیاز معیار «{crit.title_fa}» را وارد کنید.",
                    f"Score the criterion '{crit.title_en}'.",
                )
            continue
        if isinstance(raw, str):
            from cluster_desktop.domain.numbers import parse_int

            raw = c.check(parse_int, raw, field=f"score.{crit.code}", label=crit.title_fa)
            if raw is None:
                continue
        got = c.check(validate_score, raw, field=f"score.{crit.code}", label=crit.title_fa)
        if got is not None:
            parsed[crit.code] = got
    c.raise_if_any()
    if sheet is None:
        sheet = Evaluation(
            owner_office_id=actor.office_id,
            dossier_id=dossier.id,
            member_id=member.id,
            level=level,
            round_number=round_number,
            criteria_set_id=cs.id,
        )
        session.add(sheet)
    else:
        sheet.version += 1
        sheet.updated_at = utcnow()
    sheet.comment = (data.comment or "").strip()
    # Rows are updated in place (services/child_rows.py): one score per criterion.
    rows = merge_by_key(
        sheet.scores,
        "criterion_code",
        (
            {"criterion_code": code, "score": val, "comment": (data.comments.get(code) or "").strip()}
            for code, val in parsed.items()
        ),
        lambda **v: Score(owner_office_id=actor.office_id, **v),
    )
    sheet.scores = rows
    if submit:
        sheet.submitted_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "evaluation.submit" if submit else "evaluation.save",
        "evaluation",
        sheet.id,
        dossier=dossier.id,
    )
    return sheet


def can_see_all(
    session: Session, actor: Actor, dossier_id: str, round_number: int | None = None, level: str | None = None
) -> bool:
    """Secretaries and viewers see every sheet; a member the current round's only after submitting
    their own. An earlier round is over (decided), so its sheets are open to every reader."""
    if actor.role in SEE_ALL or actor.role is Role.ADMIN:
        return True
    if round_number is not None and round_number < current_round(
        session, dossier_id, level or level_of(actor)
    ):
        return True
    sheet = my_sheet(session, actor, dossier_id)
    return sheet is not None and sheet.submitted_at is not None


def running_score(session: Session, dossier_id: str, level: str) -> float | None:
    """The score of the sheets sent so far in a round that is still open (not recorded yet)."""
    cons, _, _ = _consolidate(session, dossier_id, level)
    return cons.score


def submitted_sheets(
    session: Session, dossier_id: str, level: str, round_number: int | None = None
) -> list[Evaluation]:
    """The submitted sheets of the current round (or of ``round_number``)."""
    return list(
        session.scalars(
            select(Evaluation).where(
                Evaluation.dossier_id == dossier_id,
                Evaluation.level == level,
                Evaluation.round_number == (round_number or current_round(session, dossier_id, level)),
                Evaluation.submitted_at.is_not(None),
            )
        )
    )


def visible_sheets(
    session: Session,
    actor: Actor,
    dossier_id: str,
    level: str | None = None,
    round_number: int | None = None,
) -> list[Evaluation]:
    level = level or level_of(actor)
    if not can_see_all(session, actor, dossier_id, round_number, level):
        raise PermissionDenied(
            "برگه‌های دیگران پس از ارسال برگهٔ خودتان نمایش داده می‌شود.",
            "Other members' sheets are shown after you submit your own.",
        )
    return submitted_sheets(session, dossier_id, level, round_number)


@dataclass
class ConsolidatedView:
    criteria: list[Criterion]
    consolidation: Consolidation
    member_names: dict[str, str]
    threshold: float
    sheets: list[Evaluation]
    round_number: int = 1  # the round shown
    current_round: int = 1  # the dossier's round at this level
    criteria_set_number: int = 1  # the version its sheets were scored against
    criteria_set_title: str = ""


def _consolidate(
    session: Session, dossier_id: str, level: str, round_number: int | None = None
) -> tuple[Consolidation, list[Evaluation], CriteriaSet]:
    number = round_number or current_round(session, dossier_id, level)
    sheets = submitted_sheets(session, dossier_id, level, number)
    cs = set_for(session, dossier_id, level, round_number=number)
    # A revision (F15) never rewrites old scores: sheets are consolidated with the set they used,
    # which is one set per round of a dossier at a level (``set_for``).
    data = {
        s.member_id: {sc.criterion_code: sc.score for sc in s.scores}
        for s in sheets
        if s.criteria_set_id == cs.id
    }
    return consolidate(data, weights_of(cs)), sheets, cs


def consolidated(
    session: Session,
    actor: Actor,
    dossier_id: str,
    level: str | None = None,
    round_number: int | None = None,
) -> ConsolidatedView:
    """The consolidated scores of the current round (or of an earlier ``round_number``)."""
    level = level or level_of(actor)
    current = current_round(session, dossier_id, level)
    number = min(max(round_number or current, 1), current)
    if not can_see_all(session, actor, dossier_id, number, level):
        raise PermissionDenied(
            "جمع‌بندی امتیازها پس از ارسال برگهٔ خودتان نمایش داده می‌شود.",
            "The consolidated scores are shown after you submit your own sheet.",
        )
    cons, sheets, cs = _consolidate(session, dossier_id, level, number)
    names = {
        m.id: m.full_name
        for m in session.scalars(select(Member).where(Member.id.in_([s.member_id for s in sheets])))
    }
    return ConsolidatedView(
        list(cs.criteria), cons, names, cs.threshold, sheets, number, current, cs.number, cs.title_fa
    )


# The state that holds each level's open round; the decision that leaves it records the score.
ROUND_STATES = {state: level for level, states in SCORING_STATES.items() for state in states}


def refresh_score(session: Session, dossier: Dossier, level: str) -> None:
    """Record the round's score on the dossier. Called when the working group decides, never while
    the round is open: a running score in lists, rankings or prints would show members who have not
    sent their sheet what the others gave (the blind rule of the scoring)."""
    cons, _, _ = _consolidate(session, dossier.id, level)
    if level == "central":
        dossier.central_score = cons.score
    else:
        dossier.provincial_score = cons.score


# ---------------------------------------------------------------- what the GUI's sheet and scores show


@dataclass(frozen=True)
class CriterionInfo:
    """A criterion as a sheet shows it: titles as stored, share of the total weight, rubric per level."""

    code: str
    title_fa: str
    title_en: str
    weight: float
    share_percent: float
    rubric: dict[int, tuple[str, str]]  # level 0..5 → (fa, en)


@dataclass(frozen=True)
class SheetState:
    """The acting user's own sheet for a dossier, with everything needed to show and fill it."""

    level: str
    is_member: bool
    member_name: str
    open_for_scoring: bool
    criteria_set_title: str
    criteria: list[CriterionInfo]
    scores: dict[str, int]
    comments: dict[str, str]
    comment: str
    exists: bool
    submitted_at: datetime | None
    updated_at: datetime | None
    round_number: int = 1  # the dossier's current round at the member's level

    @property
    def editable(self) -> bool:
        return self.is_member and self.open_for_scoring and self.submitted_at is None


def criteria_info(cs: CriteriaSet) -> list[CriterionInfo]:
    total = sum(c.weight for c in cs.criteria) or 1.0
    return [
        CriterionInfo(
            c.code,
            c.title_fa,
            c.title_en,
            c.weight,
            c.weight / total * 100,
            {int(r["score"]): (r.get("fa", ""), r.get("en", "")) for r in (c.rubric or [])},
        )
        for c in cs.criteria
    ]


def sheet_state(session: Session, actor: Actor, dossier_id: str) -> SheetState:
    """The acting member's sheet (or an empty one) against the criteria set it uses."""
    dossier = get_dossier(session, dossier_id)
    level = level_of(actor)
    member = session.get(Member, actor.member_id) if actor.member_id else None
    is_member = member is not None and member.active
    round_number = current_round(session, dossier_id, level)
    sheet = my_sheet(session, actor, dossier_id, round_number)
    cs = set_for(session, dossier_id, level, sheet, round_number)
    return SheetState(
        level=level,
        is_member=is_member,
        member_name=member.full_name if member else "",
        open_for_scoring=dossier.state in SCORING_STATES[level],
        criteria_set_title=cs.title_fa,
        criteria=criteria_info(cs),
        scores={sc.criterion_code: sc.score for sc in sheet.scores} if sheet else {},
        comments={sc.criterion_code: sc.comment for sc in sheet.scores} if sheet else {},
        comment=sheet.comment if sheet else "",
        exists=sheet is not None,
        submitted_at=sheet.submitted_at if sheet else None,
        updated_at=sheet.updated_at if sheet else None,
        round_number=round_number,
    )


@dataclass(frozen=True)
class Rank:
    rank: int | None  # None: not scored
    of: int  # scored dossiers in the province (this one included)
    provisional: bool  # the round is open: where its running score would stand among decided ones


def dossier_rank(session: Session, dossier_id: str, level: str = "province") -> Rank:
    """This dossier's rank among its province's ranked dossiers (services/rankings: the one rule every
    list and print uses). While its round is open it has no recorded score yet: its running score is
    placed among the ranked ones, marked provisional."""
    dossier = get_dossier(session, dossier_id)
    ranks = rankings.Ranks(session, level)
    recorded = dossier.provincial_score
    if level == "central" and dossier.central_score is not None:
        recorded = dossier.central_score
    _, mine = ranks.of(dossier.state, dossier.province_code, recorded)
    total = ranks.count(dossier.province_code)
    if mine is None and ROUND_STATES.get(dossier.state) == level:
        running = running_score(session, dossier_id, level)
        if running is not None:
            return Rank(ranks.place(dossier.province_code, running), total + 1, True)
    return Rank(mine, total, False)


def open_sheets(session: Session, actor: Actor) -> list[Evaluation]:
    """The acting member's sheets of the current round in dossiers open for scoring at their level,
    drafts first."""
    if actor.member_id is None:
        return []
    level = level_of(actor)
    rows = session.scalars(
        select(Evaluation)
        .join(Dossier, Dossier.id == Evaluation.dossier_id)
        .where(
            Evaluation.member_id == actor.member_id,
            Evaluation.level == level,
            Dossier.state.in_(SCORING_STATES[level]),
            in_current_round(level),
        )
    )
    return sorted(rows, key=lambda e: (e.submitted_at is not None, e.dossier_id))
