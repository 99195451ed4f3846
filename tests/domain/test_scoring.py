from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import round_score
from cluster_desktop.domain.scoring import (
    DEFAULT_THRESHOLD,
    DISAGREEMENT_SPREAD,
    CriterionWeight,
    consolidate,
    rank,
    sheet_score,
    validate_score,
)

WEIGHTS = [CriterionWeight("c1", 2.0), CriterionWeight("c2", 1.0), CriterionWeight("c3", 1.0)]


@pytest.mark.parametrize("value", [0, 3, 5])
def test_scores_from_zero_to_five_are_accepted(value):
    assert validate_score(value) == value


@pytest.mark.parametrize("value", [6, -1, 2.5, True, "3"])
def test_scores_outside_zero_to_five_or_not_whole_are_refused(value):
    with pytest.raises(ValidationError) as err:
        validate_score(value, field="c1")
    assert "امتیاز باید بین ۰ تا ۵ باشد" in err.value.fa
    assert err.value.field == "c1"


def test_sheet_score_is_the_weighted_mean_scaled_to_100():
    # (2*5 + 1*2 + 1*3) / 4 = 3.75 → 75
    assert sheet_score({"c1": 5, "c2": 2, "c3": 3}, WEIGHTS) == pytest.approx(75.0)
    assert sheet_score({"c1": 5, "c2": 5, "c3": 5}, WEIGHTS) == 100.0
    assert sheet_score({"c1": 0, "c2": 0, "c3": 0}, WEIGHTS) == 0.0


def test_sheet_with_a_missing_or_foreign_criterion_is_refused():
    with pytest.raises(ValidationError) as err:
        sheet_score({"c1": 5, "c2": 2}, WEIGHTS)
    assert err.value.field == "c3"
    with pytest.raises(ValidationError):
        sheet_score({"c1": 5, "c2": 2, "c3": 1, "c9": 1}, WEIGHTS)


def test_sheet_with_a_score_of_six_is_refused():
    with pytest.raises(ValidationError):
        sheet_score({"c1": 6, "c2": 2, "c3": 1}, WEIGHTS)


def test_consolidation_means_spreads_and_flags():
    # GIVEN two members who differ by exactly 3 on c1 and by 2 on c2
    sheets = {"m1": {"c1": 5, "c2": 4, "c3": 3}, "m2": {"c1": 2, "c2": 2, "c3": 3}}
    # WHEN consolidated
    c = consolidate(sheets, WEIGHTS)
    # THEN the criterion means, spreads and flags follow, and the score is the weighted mean × 20
    assert c.per_criterion_mean == {"c1": 3.5, "c2": 3.0, "c3": 3.0}
    assert c.spread == {"c1": 3, "c2": 2, "c3": 0}
    assert DISAGREEMENT_SPREAD == 3
    assert c.flagged == frozenset({"c1"})
    assert c.score == pytest.approx((2 * 3.5 + 3.0 + 3.0) / 4 * 20)
    assert c.member_scores == {"m1": pytest.approx(85.0), "m2": pytest.approx(45.0)}
    assert c.member_count == 2
    assert c.passes(DEFAULT_THRESHOLD)
    assert not c.passes(70)


def test_exactly_the_threshold_passes():
    c = consolidate({"m": {"c1": 3, "c2": 3, "c3": 3}}, WEIGHTS)
    assert c.score == pytest.approx(60.0)
    assert c.passes(60.0)


def test_no_sheets_means_no_score():
    c = consolidate({}, WEIGHTS)
    assert c.score is None
    assert c.member_count == 0
    assert not c.passes()


def test_bad_weights_are_refused():
    with pytest.raises(ValidationError):
        sheet_score({"a": 1}, [CriterionWeight("a", 0.0)])
    with pytest.raises(ValidationError):
        sheet_score({"a": 1}, [CriterionWeight("a", 1.0), CriterionWeight("a", 1.0)])


def test_ranking_with_ties_is_standard_competition_ranking():
    items = [("a", 50.0), ("b", 70.0), ("c", None), ("d", 70.0), ("e", 50.0), ("f", 10.0)]
    assert rank(items) == [("b", 1), ("d", 1), ("a", 3), ("e", 3), ("f", 5), ("c", None)]


def test_rank_ignores_float_noise_and_handles_empty():
    assert rank([("x", 0.1 + 0.2), ("y", 0.3)]) == [("x", 1), ("y", 1)]
    assert rank([]) == []


sheets_strategy = st.dictionaries(
    st.text(min_size=1, max_size=3),
    st.fixed_dictionaries({"c1": st.integers(0, 5), "c2": st.integers(0, 5), "c3": st.integers(0, 5)}),
    max_size=8,
)


@given(sheets_strategy)
def test_consolidated_score_is_mean_of_member_scores_and_in_range(sheets):
    c = consolidate(sheets, WEIGHTS)
    if not sheets:
        assert c.score is None
        return
    assert 0.0 <= c.score <= 100.0
    # the mean of the members' sheet scores, at the precision shown (one decimal)
    mean = sum(c.member_scores.values()) / len(sheets)
    assert c.score == round_score(c.score) and abs(c.score - mean) <= 0.05 + 1e-9
    assert all((c.spread[k] >= DISAGREEMENT_SPREAD) == (k in c.flagged) for k in c.spread)


@given(st.lists(st.one_of(st.none(), st.floats(0, 100)), max_size=30))
def test_rank_invariants(scores):
    items = list(enumerate(scores))
    ranked = rank(items)
    assert sorted(k for k, _ in ranked) == list(range(len(scores)))
    ranks = [r for _, r in ranked if r is not None]
    assert ranks == sorted(ranks)
    assert sum(r is None for _, r in ranked) == scores.count(None)
    if ranks:
        assert ranks[0] == 1


def test_scores_tie_at_the_precision_shown():
    # GIVEN two dossiers whose scores print alike (floating point noise) and one just below
    ranked = dict(rank([("a", 47.199999999999996), ("b", 47.2), ("c", 47.15), ("d", 47.14)]))
    # THEN the first two share rank 1; 47.15 shows as 47.2 and ties too; 47.14 shows 47.1
    assert ranked == {"a": 1, "b": 1, "c": 1, "d": 4}
