"""Issue 16, parts 3 and 4: what the dashboards chart and the national map colours, read on the central
demo (and a provincial office), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain import geo
from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.jalali import jalali_parts, to_tehran
from cluster_desktop.domain.numbers import round_score
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import charts, evaluations, rankings
from cluster_desktop.services import province_map as pm
from cluster_desktop.store.models import Allocation, Dossier, Transition

S = DossierState


def test_centre_charts_count_every_dossier_once(central_demo) -> None:
    ws, actor = central_demo("secretary")
    with ws.db.session() as s:
        latest = s.scalar(select(func.max(Transition.at)))
        data = charts.dashboard_charts(s, actor, until=to_tehran(latest).date())
        states = dict(s.execute(select(Dossier.state, func.count()).group_by(Dossier.state)).all())
        ranked = rankings.Ranks(s, "central").count()
        scored = s.scalar(
            select(func.count()).select_from(Dossier).where(rankings.level_score("central").is_not(None))
        )
        threshold = evaluations.current_criteria_set(s).threshold
        flows = s.execute(
            select(Transition.action, Transition.at).where(
                Transition.action.in_(charts.FLOW_ACTIONS["central"]), Transition.dossier_id.is_not(None)
            )
        ).all()
    assert data.level == "central"
    # THEN the states along the programme's steps, in the workflow's order, hold all 45 dossiers
    assert [b.state for b in data.pipeline] == [s.value for s in DossierState]
    assert {b.state: b.count for b in data.pipeline if b.count} == states
    assert sum(b.count for b in data.pipeline) == 45
    assert {b.state for b in data.pipeline if not b.on_path} == {
        S.RETURNED,
        S.PROVINCIALLY_REJECTED,
        S.CENTRALLY_REJECTED,
    }
    # AND the score bins hold every scored dossier, the ranked ones apart, against the current threshold
    assert len(data.scores.bins) == 10 and data.scores.bins[-1].high == 100
    assert data.scores.scored == scored
    assert sum(b.ranked for b in data.scores.bins) == ranked > 0
    assert data.scores.threshold == threshold
    assert 0 < data.scores.at_or_above <= scored
    # AND the months are twelve Jalali months ending with the latest step's, each step counted in its month
    months = data.flow.months
    assert (
        len(months) == 12
        and (months[-1].year, months[-1].month) == jalali_parts(to_tehran(latest).date())[:2]
    )
    assert months[0].first_day < months[1].first_day and months[-1].label_fa.endswith("۱۴۰۵")
    window = {(m.year, m.month) for m in months}
    for series in data.flow.series:
        expected = sum(
            1 for a, at in flows if a == series.action and jalali_parts(to_tehran(at).date())[:2] in window
        )
        assert sum(series.counts) == expected
    assert sum(data.flow.series[0].counts) > 0  # dossiers were received
    # AND every one of the 31 provinces has its figures; their dossiers add up to the total
    assert len(data.provinces) == 31
    assert sum(p.dossiers for p in data.provinces) == 45
    assert sum(p.approved for p in data.provinces) == sum(
        states.get(x, 0) for x in (S.APPROVED, S.REGISTERED, S.LICENSED)
    )
    assert sum(p.licensed for p in data.provinces) == states.get(S.LICENSED, 0)
    assert sum(p.scored for p in data.provinces) == ranked
    # AND programmes with monitored indicators show their actuals against targets
    assert data.programmes
    for p in data.programmes:
        shares = [100 * r.actual / r.target for r in p.reported]
        assert p.achieved_percent == (round_score(sum(shares) / len(shares)) if shares else None)


def test_province_figures_follow_the_one_ranking_and_the_allocations(central_demo) -> None:
    ws, actor = central_demo("secretary")
    with ws.db.session() as s:
        figures = {f.code: f for f in pm.province_figures(s, actor)}
        scores: dict[str, list[float]] = {}
        for code, score in s.execute(
            select(Dossier.province_code, rankings.level_score("central")).where(
                rankings.takes_part("central") == 1
            )
        ):
            scores.setdefault(code, []).append(round_score(score))  # type: ignore[arg-type]
        allocated = s.scalar(select(func.sum(Allocation.amount_rial)))
    for code, own in scores.items():
        assert figures[code].mean_score == round_score(sum(own) / len(own))
    assert all(f.mean_score is None for c, f in figures.items() if c not in scores)
    # the demo's allocations all belong to programmes: the provinces share them out exactly
    assert sum(f.allocated_rial for f in figures.values()) == allocated > 0


@pytest.mark.parametrize("key", pm.MEASURE_KEYS)
def test_the_map_colours_each_province_by_the_chosen_measure(central_demo, key: str) -> None:
    ws, actor = central_demo("secretary")
    with ws.db.session() as s:
        figures = pm.province_figures(s, actor)
    view = pm.map_view(figures, key)
    assert set(view.colours) == {f.code for f in figures} == {sh.code for sh in view.geometry.shapes}
    values = {f.code: f.value(key) for f in figures}
    top = max((v for v in values.values() if v is not None), default=None)
    assert top is not None and top > 0
    darkest = [c for c, v in values.items() if v == top]
    assert all(view.colours[c] == geo.PALETTE[-1] for c in darkest)
    legend_colours = [e.colour for e in view.legend]
    assert set(view.colours.values()) <= set(legend_colours)  # every colour on the map is explained
    assert all(e.text_fa and not e.text_fa.isascii() for e in view.legend)
    assert "© OpenStreetMap contributors" in view.attribution and "ODbL" in view.attribution
    if key == "mean_score":
        assert view.legend[-1].colour == geo.NO_DATA_COLOUR
    else:
        assert view.legend[0].colour == geo.ZERO_COLOUR
        assert all(view.colours[c] == geo.ZERO_COLOUR for c, v in values.items() if v == 0)


def test_tooltip_lines_name_every_measure_in_persian(central_demo) -> None:
    ws, actor = central_demo("secretary")
    with ws.db.session() as s:
        figures = pm.province_figures(s, actor)
    f = max(figures, key=lambda x: x.allocated_rial)
    lines = pm.figure_lines(f)
    assert lines[0] == f.name_fa and len(lines) == 1 + len(pm.MEASURES)
    assert lines[1] == f"پرونده‌ها: {pm.format_value('dossiers', f.dossiers)}"
    assert pm.format_value("allocated", 18.9) == "۱۸٫۹" and pm.format_value("allocated", 1234.0) == "۱٬۲۳۴"
    assert pm.format_value("mean_score", None) == "—"


def test_the_national_map_is_the_centres(workspace, province_admin) -> None:
    with workspace.db.session() as s, pytest.raises(PermissionDenied):
        pm.province_figures(s, province_admin)


def test_a_province_charts_its_own_level(workspace, province_admin) -> None:
    from cluster_desktop.services import demo

    demo.fill_demo(workspace, province_admin, "secret-pass-1", count=12, seed=4)
    with workspace.db.session() as s:
        latest = s.scalar(select(func.max(Transition.at)))
        data = charts.dashboard_charts(s, province_admin, until=to_tehran(latest).date() + timedelta(days=1))
        ranked = rankings.Ranks(s, "province").count()
    assert data.level == "province" and data.provinces == [] and data.programmes == []
    assert sum(b.count for b in data.pipeline) == 12
    assert sum(b.ranked for b in data.scores.bins) == ranked
    assert [s.action for s in data.flow.series] == ["nominate", "approve_provincial", "send_to_center"]
    assert sum(data.flow.series[0].counts) > 0
