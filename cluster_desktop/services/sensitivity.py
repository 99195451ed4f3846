"""The sensitivity of a ranking to the criteria weights (issue 16, part 2): the centre's secretariat for the
national ranking or one province's, a province's secretary for the province's own ranking.

Who is ranked, by which score and how ties share a rank come from ``services.rankings`` (the one ranking
every screen and print uses). Each ranked dossier enters with the per-criterion means of the round its
ranking score was recorded from (``evaluations.consolidated``: at the centre the central round once it
has a score, else the provincial one), then ``domain.sensitivity`` ranks them under the current criteria
set's weights and the weights around them. With every dossier scored against the current set, the
analysis's ranks are the recorded ranks exactly.

Two cases are shown, not hidden:

- a dossier scored against an earlier criteria set (F15: a revision never rewrites old scores) is
  re-weighted with the current weights (``basis == "earlier_set"``); its recorded rank is kept beside;
- a dossier without criterion means here (its sheets did not travel, or they disagree with its recorded
  score) keeps its recorded score under every weight (``basis == "held"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain import sensitivity as sens
from cluster_desktop.domain.errors import NotFound, PermissionDenied
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.printing.documents import build_sensitivity_annex
from cluster_desktop.printing.documents.sensitivity import AnnexCriterion, AnnexData, AnnexRow
from cluster_desktop.store.models import Dossier, Province

from . import evaluations, rankings
from .actor import Actor, require
from .printing import letterhead, write_pdf

Basis = Literal["criteria", "earlier_set", "held"]
Report = Callable[[int, int, str], None]  # (done, total, stage: "read" | "compute")


@dataclass(frozen=True)
class Options:
    province_code: str | None = None  # None: the national ranking (centre) or the office's province
    spread: float = sens.DEFAULT_SPREAD  # ±percentage points on every weight
    top: int = sens.DEFAULT_TOP
    draws: int = sens.DEFAULT_DRAWS
    seed: int = sens.DEFAULT_SEED


@dataclass(frozen=True)
class CriterionLine:
    code: str
    title_fa: str
    title_en: str
    weight: float  # as stored in the set
    share: float  # percent of the total
    low: float  # the share's range under ±spread, percent
    high: float


@dataclass(frozen=True)
class DossierLine:
    id: str
    name: str
    province_code: str
    province_fa: str
    state: str
    recorded_score: float
    recorded_rank: int  # services.rankings
    score: float  # under the current weights (= recorded_score unless basis is "earlier_set")
    rank: int
    min_rank: int
    max_rank: int
    best_bound: int
    worst_bound: int
    top_probability: float
    pass_probability: float
    basis: Basis
    means: tuple[float, ...]  # per criterion, in the current set's order (what-if recomputes from these)

    @property
    def exact(self) -> bool:
        return self.min_rank == self.best_bound and self.max_rank == self.worst_bound


@dataclass(frozen=True)
class InfluenceLine:
    code: str
    title_fa: str
    title_en: str
    raised: float  # mean |rank change| with this weight +spread points
    lowered: float
    moved: int  # dossiers whose rank changes either way


@dataclass(frozen=True)
class SensitivityReport:
    level: str  # "central" | "province"
    province_code: str | None  # None: national
    scope_fa: str  # «کشوری» or the province's name
    criteria_set_number: int
    criteria_set_title: str
    threshold: float
    options: Options
    criteria: list[CriterionLine]
    rows: list[DossierLine]  # in rank order
    influence: list[InfluenceLine]  # strongest first
    vertices: int
    vertices_complete: bool
    pairwise: bool  # guaranteed ranges from pairwise tests (False: 1..n, too many dossiers)
    generated_on: dt.date = field(default_factory=today)

    @property
    def weights(self) -> list[float]:
        return [c.weight for c in self.criteria]

    def count(self, basis: Basis) -> int:
        return sum(1 for r in self.rows if r.basis == basis)


def _scope(session: Session, actor: Actor, province_code: str | None) -> tuple[str, str | None]:
    """(level, province code or None) the actor may analyse; refuses anyone else."""
    require(
        actor, (Role.SECRETARY,), what_fa="تحلیل حساسیت رتبه‌بندی", what_en="analyse the ranking's sensitivity"
    )
    if province_code and session.get(Province, province_code) is None:
        raise NotFound(
            f"استانی با کد «{province_code}» نیست.",
            f"No province with code '{province_code}'.",
            field="province",
        )
    if actor.office_kind is OfficeKind.CENTRAL:
        return "central", province_code or None
    if province_code and province_code != actor.province_code:
        raise PermissionDenied(
            "دفتر استان فقط رتبه‌بندی استان خود را تحلیل می‌کند.",
            "A provincial office analyses only its own province's ranking.",
            field="province",
        )
    return "province", actor.province_code


def _recorded_levels(session: Session, ids: Sequence[str], level: str) -> dict[str, str]:
    """The round each dossier's ranking score comes from (rankings.level_score: central once scored)."""
    if level != "central":
        return dict.fromkeys(ids, "province")
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for dossier_id, central in session.execute(
            select(Dossier.id, Dossier.central_score).where(Dossier.id.in_(chunk))
        ):
            out[dossier_id] = "central" if central is not None else "province"
    return out


def analyse(
    session: Session, actor: Actor, options: Options | None = None, progress: Report | None = None
) -> SensitivityReport:
    """The sensitivity of the scope's ranking (``options.province_code``) to the current weights."""
    options = options or Options()
    level, scope = _scope(session, actor, options.province_code)
    cs = evaluations.current_criteria_set(session)
    codes = [c.code for c in cs.criteria]
    weights = [c.weight for c in cs.criteria]
    ranked = [
        r for r in rankings.ranked_rows(session, level=level, province_code=scope) if r.rank is not None
    ]
    rounds = _recorded_levels(session, [r.id for r in ranked], level)
    means: list[list[float]] = []
    bases: list[Basis] = []
    for i, row in enumerate(ranked):
        if progress is not None and i % 16 == 0:
            progress(i, len(ranked), "read")
        assert row.score is not None  # ranked rows have a score
        view = evaluations.consolidated(session, actor, row.id, rounds[row.id])
        got = view.consolidation.per_criterion_mean
        same_set = bool(view.criteria) and view.criteria[0].set_id == cs.id
        if got and all(code in got for code in codes):
            vector = [got[code] for code in codes]
            # Same set: the recorded score is this round's consolidation; if they disagree the sheets
            # here are not the ones it was recorded from, and the recorded score is what ranks.
            if not same_set:
                means.append(vector)
                bases.append("earlier_set")
                continue
            if sens.scores([vector], weights)[0] == row.score:  # both as shown
                means.append(vector)
                bases.append("criteria")
                continue
        # Equal means on every criterion give that score under any weights.
        means.append([row.score / 20] * len(codes))
        bases.append("held")

    def compute(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total, "compute")

    result = sens.analyse(
        means,
        weights,
        spread=options.spread,
        top=options.top,
        threshold=cs.threshold,
        draws=options.draws,
        seed=options.seed,
        progress=compute,
    )
    rows = [
        DossierLine(
            id=r.id,
            name=r.name,
            province_code=r.province_code,
            province_fa=r.province_fa,
            state=r.state,
            recorded_score=r.score or 0.0,
            recorded_rank=r.rank or 0,
            score=s.score,
            rank=s.rank,
            min_rank=s.min_rank,
            max_rank=s.max_rank,
            best_bound=s.best_bound,
            worst_bound=s.worst_bound,
            top_probability=s.top_probability,
            pass_probability=s.pass_probability,
            basis=basis,
            means=tuple(m),
        )
        for r, s, basis, m in zip(ranked, result.standings, bases, means, strict=True)
    ]
    rows.sort(key=lambda d: (d.rank, d.recorded_rank))  # ranked_rows' order within a shared rank
    criteria = [
        CriterionLine(c.code, c.title_fa, c.title_en, c.weight, share, lo, hi)
        for c, share, (lo, hi) in zip(cs.criteria, sens.shares(weights), result.bounds, strict=True)
    ]
    by_index = list(cs.criteria)
    influence = [
        InfluenceLine(
            by_index[f.index].code,
            by_index[f.index].title_fa,
            by_index[f.index].title_en,
            f.raised,
            f.lowered,
            f.moved,
        )
        for f in result.influence
    ]
    province_fa = ""
    if scope:
        p = session.get(Province, scope)
        province_fa = p.name_fa if p else scope
    return SensitivityReport(
        level=level,
        province_code=scope,
        scope_fa=province_fa or "کشوری",
        criteria_set_number=cs.number,
        criteria_set_title=cs.title_fa,
        threshold=cs.threshold,
        options=options,
        criteria=criteria,
        rows=rows,
        influence=influence,
        vertices=result.vertices,
        vertices_complete=result.vertices_complete,
        pairwise=result.pairwise,
    )


# ------------------------------------------------------------------ what if (pure: a slider's every move)


@dataclass(frozen=True)
class WhatIfRow:
    id: str
    name: str
    province_fa: str
    score: float  # under the weights tried
    rank: int
    change: int  # places gained (+) or lost (−) against the rank under the current weights


def what_if(report: SensitivityReport, weights: Sequence[float]) -> list[WhatIfRow]:
    """The report's dossiers re-ranked under ``weights`` (one per criterion, any positive scale), best
    first; no database, so a slider can call it on every move."""
    means = [r.means for r in report.rows]
    new_scores = sens.scores(means, weights)
    new_ranks = sens.ranks(means, weights)
    out = [
        WhatIfRow(r.id, r.name, r.province_fa, s, k, r.rank - k)
        for r, s, k in zip(report.rows, new_scores, new_ranks, strict=True)
    ]
    out.sort(key=lambda w: (w.rank, -w.change))
    return out


def proposal(report: SensitivityReport, weights: Sequence[float]) -> dict[str, int]:
    """``weights`` as whole percentages adding up to 100, by criterion code: what a criteria revision
    (F15, ``criteria.revise``) takes."""
    return {c.code: p for c, p in zip(report.criteria, sens.percents(weights), strict=True)}


# ------------------------------------------------------------------ the printed annex


def annex_data(session: Session, actor: Actor, report: SensitivityReport) -> AnnexData:
    """What the one-page annex prints of ``report`` (made by ``analyse`` for this actor)."""
    _scope(session, actor, report.province_code)
    marked = ""
    if report.count("earlier_set"):
        marked = "امتیاز این پرونده با مجموعهٔ معیارهای پیشین داده شده و اینجا با وزن‌های جاری بازوزن شده است."
    if report.count("held"):
        marked += (" " if marked else "") + (
            "امتیاز معیارهای این پرونده در این دفتر نیست؛ امتیاز ثبت‌شده‌اش در همهٔ وزن‌ها ثابت مانده است."
        )
    return AnnexData(
        letterhead=letterhead(session, actor.office_id),
        scope=report.scope_fa,
        criteria_set=f"{report.criteria_set_title} (نسخهٔ {report.criteria_set_number})",
        spread=report.options.spread,
        top=report.options.top,
        draws=report.options.draws,
        seed=report.options.seed,
        threshold=report.threshold,
        vertices=report.vertices,
        criteria=[
            AnnexCriterion(f.title_fa, c.share, c.low, c.high, f.raised, f.lowered, f.moved)
            for f in report.influence
            for c in report.criteria
            if c.code == f.code
        ],
        rows=[
            AnnexRow(
                r.rank,
                r.name,
                r.province_fa,
                r.score,
                r.min_rank,
                r.max_rank,
                r.best_bound,
                r.worst_bound,
                r.top_probability,
                r.pass_probability,
                r.basis != "criteria",
            )
            for r in report.rows
        ],
        exact=sum(1 for r in report.rows if r.exact),
        marked_note=marked,
        generated_on=report.generated_on,
    )


def print_annex(
    session: Session,
    actor: Actor,
    target: Any,
    *,
    report: SensitivityReport | None = None,
    options: Options | None = None,
) -> int:
    """The annex of the ranking report as a PDF (``report`` as the screen computed it, else computed
    now with ``options``); returns how many dossiers the page lists."""
    report = report or analyse(session, actor, options)
    data = annex_data(session, actor, report)
    listed = 0

    def build(out: Any) -> None:
        nonlocal listed
        listed = build_sensitivity_annex(data, out)

    write_pdf(target, build)
    return listed
