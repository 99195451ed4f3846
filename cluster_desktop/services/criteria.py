"""Criteria-set revisions (F15): the centre revises the weights and the threshold of the nine Article 7
criteria. A revision is a new numbered set that becomes current; the previous one stays, unchanged but
no longer current, so every sheet keeps the set it was scored against (a revision never rewrites old
scores). Both travel to the provinces in the next decision bundle.

Weights are entered as whole percentages that add up to 100 (stored as fractions, like set 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, FieldCollector
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.store.models import CriteriaSet, Criterion, Evaluation, utcnow

from . import audit, forms
from .actor import Actor, require, require_office
from .evaluations import current_criteria_set


@dataclass(frozen=True)
class CriterionRow:
    code: str
    title_fa: str
    title_en: str
    weight_percent: int


@dataclass(frozen=True)
class SetRow:
    id: str
    number: int
    title_fa: str
    threshold: float
    is_current: bool
    note: str  # the reason for a revision; empty for set 1
    created_at: object
    sheets: int  # evaluation sheets scored against this set
    criteria: list[CriterionRow] = field(default_factory=list)


def percent(weight: float) -> int:
    return round(weight * 100)


def criteria_sets(session: Session) -> list[SetRow]:
    """Every version, newest first, with its weights and how many sheets were scored against it."""
    used = dict(
        session.execute(
            select(Evaluation.criteria_set_id, func.count()).group_by(Evaluation.criteria_set_id)
        ).all()
    )
    out = []
    for cs in session.scalars(select(CriteriaSet).order_by(CriteriaSet.number.desc())):
        out.append(
            SetRow(
                cs.id,
                cs.number,
                cs.title_fa,
                cs.threshold,
                cs.is_current,
                cs.note if cs.number > 1 else "",  # set 1's note documents the defaults (resources/)
                cs.created_at,
                int(used.get(cs.id, 0)),
                [CriterionRow(c.code, c.title_fa, c.title_en, percent(c.weight)) for c in cs.criteria],
            )
        )
    return out


@dataclass
class RevisionInput:
    weights: dict[str, int | str] = field(default_factory=dict)  # criterion code -> percent
    threshold: int | str | None = None
    note: str = ""  # why: the evaluation results or instructions that led to the revision (F15)


def revise(session: Session, actor: Actor, data: RevisionInput) -> CriteriaSet:
    """Make the next criteria set current, with new weights and threshold; the old one stays as it was."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="بازنگری معیارها", what_en="revise the criteria")
    require(actor, (Role.SECRETARY,), what_fa="بازنگری معیارها", what_en="revise the criteria")
    current = current_criteria_set(session)
    c = FieldCollector()
    weights: dict[str, int] = {}
    for crit in current.criteria:
        weights[crit.code] = forms.number(
            c,
            data.weights.get(crit.code),
            f"weight_{crit.code}",
            f"وزن «{crit.title_fa}»",
            f"Weight of '{crit.title_en}'",
            minimum=0,
            maximum=100,
            required=True,
        )
    unknown = set(data.weights) - set(weights)
    if unknown:
        c.add(
            "weights", f"معیار ناشناخته: {', '.join(sorted(unknown))}", f"Unknown criteria: {sorted(unknown)}"
        )
    if not c.errors and sum(weights.values()) != 100:
        c.add(
            "weights",
            f"جمع وزن‌ها باید ۱۰۰ باشد؛ اکنون {sum(weights.values())} است.",
            f"The weights must add up to 100; they add up to {sum(weights.values())}.",
        )
    threshold = forms.number(
        c, data.threshold, "threshold", "حد نصاب", "Threshold", minimum=0, maximum=100, required=True
    )
    note = forms.text(
        c,
        data.note,
        "note",
        "دلیل بازنگری",
        "Reason for the revision",
        required=True,
        single_line=False,
        max_len=5000,
    )
    c.raise_if_any()
    same = (
        all(percent(x.weight) == weights[x.code] for x in current.criteria)
        and round(current.threshold) == threshold
    )
    if same:
        raise ConflictError(
            "وزن‌ها و حد نصاب همان مجموعهٔ جاری است؛ بازنگری چیزی را تغییر نمی‌دهد.",
            "The weights and threshold are those of the current set; the revision changes nothing.",
            field="weights",
        )
    number = int(session.scalar(select(func.max(CriteriaSet.number))) or 0) + 1
    base = current.title_fa.split(" — بازنگری")[0]
    new = CriteriaSet(
        owner_office_id=actor.office_id,
        number=number,
        title_fa=f"{base} — بازنگری {number - 1}",
        threshold=float(threshold),
        is_current=True,
        note=note,
    )
    session.add(new)
    session.flush()
    for crit in current.criteria:
        session.add(
            Criterion(
                owner_office_id=actor.office_id,
                set_id=new.id,
                code=crit.code,
                order=crit.order,
                title_fa=crit.title_fa,
                title_en=crit.title_en,
                weight=weights[crit.code] / 100,
                rubric=crit.rubric,
            )
        )
    # The old set is no longer current: a new version of the centre's record, so provinces learn it too.
    current.is_current = False
    current.version += 1
    current.updated_at = utcnow()
    session.flush()
    audit.record(
        session, actor, "criteria.revise", "criteria_set", new.id, number=number, previous=current.number
    )
    return new
