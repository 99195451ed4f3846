"""The evaluation rounds of a dossier at one level, read from its history: when each round opened, the
working group's decision that closed it, and how many sheets were sent in it. The scores tab's round
selector and the printed evaluation summary list them; ``evaluations`` holds the sheets of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, ROUND_OPENERS, SCORING_STATES
from cluster_desktop.store.models import Evaluation, Transition


@dataclass(frozen=True)
class RoundDecision:
    """The step that closed a round: approve, reject or return, with its meeting's minutes."""

    action: str
    title_fa: str
    title_en: str
    at: datetime
    minutes_number: str
    comment: str


@dataclass(frozen=True)
class RoundInfo:
    number: int
    current: bool
    opened_at: datetime | None  # None: the evaluation has not opened yet (or its step is missing)
    decision: RoundDecision | None  # None: the round is still open
    submitted: int  # sheets sent in this round


def _decision(t: Transition) -> RoundDecision:
    rule = DOSSIER_WORKFLOW.find(t.from_state, t.action)
    return RoundDecision(t.action, rule.title_fa, rule.title_en, t.at, t.minutes_number, t.comment)


def rounds(session: Session, dossier_id: str, level: str) -> list[RoundInfo]:
    """Every round of the dossier at ``level``, oldest first; the last is the current one (round 1
    while the evaluation never opened). Round *k* begins with the *k*-th step that opens an evaluation
    and ends with the first step after it that leaves the level's scoring states."""
    scoring = SCORING_STATES[level]
    opened: list[datetime] = []
    closed: dict[int, RoundDecision] = {}
    steps = session.scalars(
        select(Transition)
        .where(Transition.dossier_id == dossier_id)
        .order_by(Transition.at, Transition.created_at, Transition.id)
    )
    for t in steps:
        if t.action in ROUND_OPENERS[level]:
            opened.append(t.at)
        elif opened and len(opened) not in closed and t.from_state in scoring and t.to_state not in scoring:
            closed[len(opened)] = _decision(t)
    sent = dict(
        session.execute(
            select(Evaluation.round_number, func.count())
            .where(
                Evaluation.dossier_id == dossier_id,
                Evaluation.level == level,
                Evaluation.submitted_at.is_not(None),
            )
            .group_by(Evaluation.round_number)
        ).all()
    )
    total = max(1, len(opened))
    return [
        RoundInfo(
            number=k,
            current=k == total,
            opened_at=opened[k - 1] if k <= len(opened) else None,
            decision=closed.get(k),
            submitted=int(sent.get(k, 0)),
        )
        for k in range(1, total + 1)
    ]
