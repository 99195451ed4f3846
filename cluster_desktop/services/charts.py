"""What the dashboards' charts show, Qt-free: dossiers by state along the programme's steps, the
distribution of scores against the threshold, what moved each Jalali month, and at the centre the
provinces' counts and approvals and each development programme's actuals against its targets (F14).

One call (``dashboard_charts``) answers a dashboard, so the GUI reads everything in one background
operation. Scores follow the one ranking rule (services/rankings): the level's score at one decimal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import (
    JALALI_MONTHS_FA,
    jalali_parts,
    jalali_to_date,
    tehran_day_start,
    to_tehran,
    today,
)
from cluster_desktop.domain.numbers import round_score, to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, DOSSIER_WORKFLOW, DossierState
from cluster_desktop.store.models import Dossier, Transition

from . import programmes as prog
from . import rankings
from .actor import Actor
from .clusters import counts_by_state
from .evaluations import current_criteria_set
from .province_map import ProvinceFigures, province_figures

S = DossierState
# Where a dossier leaves the programme's path: sent back or turned down.
OFF_PATH: frozenset[str] = frozenset({S.RETURNED, S.PROVINCIALLY_REJECTED, S.CENTRALLY_REJECTED})
BIN_WIDTH = 10
# The steps each office follows month by month.
FLOW_ACTIONS: dict[str, tuple[str, ...]] = {
    "central": ("receive", "approve_central", "license"),
    "province": ("nominate", "approve_provincial", "send_to_center"),
}


@dataclass(frozen=True)
class StateBar:
    state: str
    title_fa: str
    title_en: str
    count: int
    on_path: bool  # False: returned or rejected


def pipeline(session: Session) -> list[StateBar]:
    """Every dossier state in the workflow's order (zeros included)."""
    counts = counts_by_state(session)
    return [
        StateBar(s.value, *DOSSIER_STATE_TITLES[s], counts.get(s.value, 0), s not in OFF_PATH)
        for s in DossierState
    ]


@dataclass(frozen=True)
class ScoreBin:
    low: int
    high: int  # exclusive, except the last bin which holds 100
    ranked: int  # take part in the ranking
    unranked: int  # scored but returned, rejected or not yet in the ranking's states


@dataclass(frozen=True)
class ScoreDistribution:
    level: str
    bins: list[ScoreBin]
    threshold: float
    at_or_above: int  # scored dossiers at or above the threshold

    @property
    def scored(self) -> int:
        return sum(b.ranked + b.unranked for b in self.bins)


def score_distribution(session: Session, level: str) -> ScoreDistribution:
    """Dossiers scored at ``level`` by bins of ten points, split by whether they are ranked."""
    ranked_states = set(rankings.states_of(level))
    q = select(Dossier.state, rankings.level_score(level)).where(rankings.level_score(level).is_not(None))
    ranked: Counter[int] = Counter()
    unranked: Counter[int] = Counter()
    threshold = float(current_criteria_set(session).threshold)
    above = 0
    for state, raw in session.execute(q):
        score = round_score(raw)
        if score is None:
            continue
        index = min(int(score // BIN_WIDTH), 100 // BIN_WIDTH - 1)
        (ranked if state in ranked_states else unranked)[index] += 1
        above += score >= threshold - 1e-9
    bins = [
        ScoreBin(i * BIN_WIDTH, (i + 1) * BIN_WIDTH, ranked[i], unranked[i]) for i in range(100 // BIN_WIDTH)
    ]
    return ScoreDistribution(level, bins, threshold, above)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    first_day: date

    @property
    def label_fa(self) -> str:
        return f"{JALALI_MONTHS_FA[self.month - 1]} {to_persian_digits(self.year)}"

    @property
    def label_en(self) -> str:
        return f"{self.year}/{self.month:02d}"


@dataclass(frozen=True)
class FlowSeries:
    action: str
    title_fa: str
    title_en: str
    counts: list[int]  # one per month


@dataclass(frozen=True)
class MonthlyFlow:
    months: list[Month]
    series: list[FlowSeries] = field(default_factory=list)


def last_months(count: int, until: date) -> list[Month]:
    """The ``count`` Jalali months ending with the one holding ``until``, oldest first."""
    year, month, _ = jalali_parts(until)
    out = []
    for _ in range(count):
        out.append(Month(year, month, jalali_to_date(year, month, 1)))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def monthly_flow(session: Session, level: str, *, months: int = 12, until: date | None = None) -> MonthlyFlow:
    """How many dossiers took each of the level's steps (``FLOW_ACTIONS``) per Jalali month."""
    window = last_months(months, until or today())
    actions = FLOW_ACTIONS[level]
    index = {(m.year, m.month): i for i, m in enumerate(window)}
    counts = {a: [0] * len(window) for a in actions}
    rows = session.execute(
        select(Transition.action, Transition.at).where(
            Transition.dossier_id.is_not(None),
            Transition.action.in_(actions),
            Transition.at >= tehran_day_start(window[0].first_day),
        )
    )
    for action, at in rows:
        year, month, _ = jalali_parts(to_tehran(at).date())
        i = index.get((year, month))
        if i is not None:
            counts[action][i] += 1
    titles = {t.action: (t.title_fa, t.title_en) for t in DOSSIER_WORKFLOW.transitions}
    return MonthlyFlow(window, [FlowSeries(a, *titles[a], counts[a]) for a in actions])


@dataclass(frozen=True)
class IndicatorProgress:
    title: str
    unit: str
    period: str
    target: int
    actual: int


@dataclass(frozen=True)
class ProgrammeProgress:
    id: str
    title: str
    cluster_name: str
    province_fa: str
    state: str
    indicators: int
    reported: list[IndicatorProgress]  # each indicator's latest period with an actual

    @property
    def achieved_percent(self) -> float | None:
        """The mean of its indicators' actual as a share of target (latest reported period each)."""
        shares = [100.0 * r.actual / r.target for r in self.reported if r.target > 0]
        return round_score(sum(shares) / len(shares)) if shares else None


def programme_progress(session: Session) -> list[ProgrammeProgress]:
    """Programmes with monitored indicators (F14), newest first, with their targets against actuals."""
    out = []
    for p in prog.programme_rows(session):
        rows = prog.monitoring(session, p.id)
        if not rows:
            continue
        latest: dict[str, IndicatorProgress] = {}
        for r in rows:  # ordered by period within each indicator: the last one with an actual wins
            if r.period is not None and r.target is not None and r.actual is not None:
                latest[r.indicator_id] = IndicatorProgress(r.title, r.unit, r.period, r.target, r.actual)
        indicators = len({r.indicator_id for r in rows})
        out.append(
            ProgrammeProgress(
                p.id, p.title, p.cluster_name, p.province_fa, p.state, indicators, list(latest.values())
            )
        )
    return out


@dataclass(frozen=True)
class DashboardCharts:
    level: str  # central | province
    pipeline: list[StateBar]
    scores: ScoreDistribution
    flow: MonthlyFlow
    provinces: list[ProvinceFigures] = field(default_factory=list)  # the centre's only
    programmes: list[ProgrammeProgress] = field(default_factory=list)  # the centre's only


def dashboard_charts(session: Session, actor: Actor, *, until: date | None = None) -> DashboardCharts:
    """Everything an office's dashboard charts, in one read."""
    central = actor.office_kind is OfficeKind.CENTRAL
    level = "central" if central else "province"
    return DashboardCharts(
        level=level,
        pipeline=pipeline(session),
        scores=score_distribution(session, level),
        flow=monthly_flow(session, level, until=until),
        provinces=province_figures(session, actor) if central else [],
        programmes=programme_progress(session) if central else [],
    )
