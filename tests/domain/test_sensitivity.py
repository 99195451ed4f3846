"""The sensitivity of a ranking to the weights (domain/sensitivity): its properties on any data."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_desktop.domain import sensitivity as sens
from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import round_score
from cluster_desktop.domain.scoring import CriterionWeight, consolidate, rank

# Means as consolidation makes them: a mean of 1–4 members' whole scores.
mean = (
    st.integers(1, 4)
    .flatmap(lambda k: st.lists(st.integers(0, 5), min_size=k, max_size=k))
    .map(lambda xs: sum(xs) / len(xs))
)


@st.composite
def rankings(draw: st.DrawFn, min_dossiers: int = 1) -> tuple[list[list[float]], list[float]]:
    criteria = draw(st.integers(1, 5))
    weights = draw(st.lists(st.integers(0, 40), min_size=criteria, max_size=criteria))
    if sum(weights) == 0:
        weights[0] = 1
    means = draw(
        st.lists(st.lists(mean, min_size=criteria, max_size=criteria), min_size=min_dossiers, max_size=9)
    )
    return means, [w / 100 for w in weights]


def _analyse(means: list[list[float]], weights: list[float], **kw: object) -> sens.Analysis:
    options: dict[object, object] = {"spread": 5.0, "top": 3, "draws": 60, "seed": 7}
    options.update(kw)
    return sens.analyse(means, weights, **options)  # type: ignore[arg-type]


@given(st.floats(0, 100, allow_nan=False))
def test_score_key_is_the_shown_score(x: float) -> None:
    assert sens.score_key(x) / 10 == round_score(x)


def test_score_key_at_halves() -> None:
    # GIVEN scores written with a 5 in the second decimal (binary floats just below or above it)
    for x, shown in ((72.25, 723), (1.15, 12), (47.199999999999996, 472), (0.05, 1), (99.95, 1000)):
        assert sens.score_key(x) == shown == round((round_score(x) or 0) * 10)


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_a_dominating_dossier_never_ranks_below_a_dominated_one(data: st.DataObject) -> None:
    # GIVEN a ranking and a dossier made from another by lowering some of its means
    means, weights = data.draw(rankings())
    a = data.draw(st.integers(0, len(means) - 1))
    lowered = [max(0.0, m - data.draw(st.sampled_from([0.0, 0.0, 0.25, 1.0]))) for m in means[a]]
    means = [*means, lowered]
    b = len(means) - 1
    result = _analyse(means, weights, spread=data.draw(st.sampled_from([0.0, 5.0, 20.0])))
    sa, sb = result.standings[a], result.standings[b]
    # THEN under every figure the dominating one stands at least as well
    assert sa.rank <= sb.rank
    assert sa.min_rank <= sb.min_rank and sa.max_rank <= sb.max_rank
    assert sa.best_bound <= sb.best_bound and sa.worst_bound <= sb.worst_bound
    assert sa.top_probability >= sb.top_probability and sa.pass_probability >= sb.pass_probability
    # AND under any weights at all (the what-if panel)
    w = data.draw(st.lists(st.integers(0, 100), min_size=len(weights), max_size=len(weights)))
    if sum(w):
        r = sens.ranks(means, w)
        assert r[a] <= r[b]


@given(rankings())
@settings(max_examples=60, deadline=None)
def test_identical_dossiers_get_identical_figures(case: tuple[list[list[float]], list[float]]) -> None:
    means, weights = case
    twin = [*means, list(means[0])]
    result = _analyse(twin, weights)
    assert result.standings[0] == result.standings[-1]


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_unchanged_weights_give_the_recorded_ranks(data: st.DataObject) -> None:
    # GIVEN dossiers consolidated from members' sheets, ranked by their recorded scores
    codes = [f"C{i}" for i in range(data.draw(st.integers(1, 9)))]
    weights = [CriterionWeight(c, data.draw(st.integers(1, 30)) / 100) for c in codes]
    sheet = st.fixed_dictionaries({c: st.integers(0, 5) for c in codes})
    dossiers = data.draw(
        st.lists(st.dictionaries(st.sampled_from("abcd"), sheet, min_size=1), min_size=1, max_size=10)
    )
    cons = [consolidate(d, weights) for d in dossiers]
    recorded = dict(rank([(i, c.score) for i, c in enumerate(cons)]))
    means = [[c.per_criterion_mean[code] for code in codes] for c in cons]
    # WHEN the sensitivity analysis ranks them under the same weights
    result = _analyse(means, [w.weight for w in weights], draws=10)
    # THEN scores and ranks are the recorded ones, to the last bit
    assert [s.score for s in result.standings] == [c.score for c in cons]
    assert [s.rank for s in result.standings] == [recorded[i] for i in range(len(cons))]
    assert sens.ranks(means, [w.weight for w in weights]) == [recorded[i] for i in range(len(cons))]


@given(rankings(), st.sampled_from([0.0, 2.5, 5.0, 15.0]), st.integers(1, 5), st.integers(0, 80))
@settings(max_examples=80, deadline=None)
def test_ranges_bounds_and_probabilities_are_consistent(
    case: tuple[list[list[float]], list[float]], spread: float, top: int, draws: int
) -> None:
    means, weights = case
    result = _analyse(means, weights, spread=spread, top=top, draws=draws)
    for s in result.standings:
        assert 1 <= s.best_bound <= s.min_rank <= s.rank <= s.max_rank <= s.worst_bound <= len(means)
        assert 0.0 <= s.top_probability <= 1.0 and 0.0 <= s.pass_probability <= 1.0
    if spread == 0:
        # Nothing moves: every range is the rank itself and every draw agrees with it.
        for s in result.standings:
            assert s.min_rank == s.rank == s.max_rank
            assert s.top_probability == float(s.rank <= top)
            assert s.pass_probability == float(s.score >= 60.0)
    assert sorted(f.index for f in result.influence) == list(range(len(weights)))


@given(rankings())
@settings(max_examples=40, deadline=None)
def test_no_weight_in_the_box_escapes_the_guaranteed_range(
    case: tuple[list[list[float]], list[float]],
) -> None:
    means, weights = case
    result = _analyse(means, weights, spread=10.0, draws=0)
    rng = random.Random(3)
    for _ in range(40):  # other weights from the box than the analysis drew
        w = [rng.choice([lo, hi, rng.uniform(lo, hi)]) for lo, hi in result.bounds]
        if sum(w) == 0:
            continue
        for s, r in zip(result.standings, sens.ranks(means, w), strict=True):
            assert s.best_bound <= r <= s.worst_bound


@given(rankings(), st.integers(0, 2**32))
@settings(max_examples=30, deadline=None)
def test_the_same_seed_gives_the_same_numbers(case: tuple[list[list[float]], list[float]], seed: int) -> None:
    means, weights = case
    assert _analyse(means, weights, seed=seed) == _analyse(means, weights, seed=seed)


def test_a_close_race_has_a_wide_range_and_a_clear_lead_none() -> None:
    # GIVEN a leader far ahead on every criterion and two dossiers trading places on two criteria
    means = [[5, 5, 5], [3, 4, 3], [4, 3, 3], [1, 1, 1]]
    result = sens.analyse(means, [0.34, 0.33, 0.33], spread=5, top=2, draws=500, seed=1)
    lead, b, c, last = result.standings
    # THEN the leader and the last one are fixed, exactly; the middle two can swap
    assert (lead.min_rank, lead.max_rank, lead.exact) == (1, 1, True)
    assert (last.min_rank, last.max_rank, last.exact) == (4, 4, True)
    assert (b.min_rank, b.max_rank) == (c.min_rank, c.max_rank) == (2, 3)
    assert lead.top_probability == 1.0 and last.top_probability == 0.0
    assert 0 < b.top_probability < 1 and 0 < c.top_probability < 1
    # AND the criteria they split on (C1, C2) move the order; C3, equal for both, does not
    influence = {f.index: f for f in result.influence}
    assert influence[2].strength == 0 and influence[0].strength > 0 and influence[1].strength > 0
    assert result.vertices == 8 and result.vertices_complete


def test_nine_criteria_take_every_corner() -> None:
    means = [[random.Random(i).randint(0, 5) for _ in range(9)] for i in range(20)]
    result = sens.analyse(means, [1 / 9] * 9, draws=100)
    assert result.vertices == 512 and result.vertices_complete


def test_percents_add_up_to_a_hundred() -> None:
    assert sens.percents([1, 1, 1]) == [34, 33, 33]
    assert sens.percents([0.11] * 8 + [0.12]) == [11] * 8 + [12]
    assert sum(sens.percents([3, 7, 13, 0, 1])) == 100
    with pytest.raises(ValidationError):
        sens.percents([0, 0])


@pytest.mark.parametrize(
    ("options", "field"),
    [({"spread": -1}, "spread"), ({"spread": 51}, "spread"), ({"top": 0}, "top"), ({"draws": -1}, "draws")],
)
def test_bad_options_are_refused_by_field(options: dict[str, float], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        sens.analyse([[1.0]], [1.0], **options)  # type: ignore[arg-type]
    assert err.value.field == field


def test_bad_weights_are_refused() -> None:
    with pytest.raises(ValidationError):
        sens.ranks([[1.0, 2.0]], [0, 0])
    with pytest.raises(ValidationError):
        sens.ranks([[1.0]], [1.0, 2.0])


def test_too_many_dossiers_for_pairwise_tests_get_the_trivial_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sens, "MAX_PAIRWISE", 2)
    done: list[tuple[int, int]] = []
    result = sens.analyse(
        [[5, 1], [1, 5], [3, 3]], [0.5, 0.5], draws=10, progress=lambda d, n: done.append((d, n))
    )
    assert not result.pairwise
    assert [(s.best_bound, s.worst_bound) for s in result.standings] == [(1, 3)] * 3
    assert done[-1][0] == done[-1][1]  # the progress ends at its total
