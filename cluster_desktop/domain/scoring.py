"""Scoring nominations against a criteria set (Article 7 of the programme, F3-1/F3-4).

Each working-group member scores every criterion 0–5 on their own sheet. A sheet's score and the
dossier's consolidated score are weighted means scaled to 0–100 (score / 5 × 100). A criterion on
which members differ by ``DISAGREEMENT_SPREAD`` points or more is flagged for discussion in the
meeting. A dossier at or above the threshold "has export potential" (F3-1's output list).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TypeVar

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import round_score

SCORE_MIN = 0
SCORE_MAX = 5
DISAGREEMENT_SPREAD = 3
DEFAULT_THRESHOLD = 60.0

_SCALE = 100 / SCORE_MAX
# Scores computed along different paths (sheet means vs criterion means) may differ in the last bits;
# comparisons against the threshold and between ranked scores ignore differences below this.
_EPSILON = 1e-9

K = TypeVar("K")


@dataclass(frozen=True)
class CriterionWeight:
    """A criterion's code in the criteria set and its weight (any positive scale)."""

    code: str
    weight: float


def validate_score(value: int, *, field: str | None = None, label: str | None = None) -> int:
    """Return ``value`` if it is a whole number from 0 to 5, else raise ``ValidationError``
    (``field`` on the error, ``label`` or ``field`` in its message)."""
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        name = label or field
        where = f"«{name}»: " if name else ""
        en_where = f"'{name}': " if name else ""
        raise ValidationError(
            f"{where}امتیاز باید بین ۰ تا ۵ باشد (عدد صحیح).",
            f"{en_where}A score must be a whole number from 0 to 5.",
            field=field,
        )
    return value


def _check_weights(weights: Sequence[CriterionWeight]) -> float:
    codes = [w.code for w in weights]
    if len(set(codes)) != len(codes):
        raise ValidationError(
            "یک معیار دو بار در مجموعه معیارها آمده است.",
            "A criterion appears twice in the criteria set.",
        )
    if any(not math.isfinite(w.weight) or w.weight < 0 for w in weights):
        raise ValidationError("وزن معیار نمی‌تواند منفی باشد.", "A criterion weight cannot be negative.")
    total = math.fsum(w.weight for w in weights)
    if total <= 0:
        raise ValidationError(
            "مجموعه معیارها هیچ معیار وزن‌داری ندارد.", "The criteria set has no weighted criterion."
        )
    return total


def _check_sheet(scores: Mapping[str, int], weights: Sequence[CriterionWeight], who: str | None) -> None:
    expected = {w.code for w in weights}
    missing = sorted(expected - scores.keys())
    extra = sorted(scores.keys() - expected)
    prefix, en_prefix = (f"برگه {who}: ", f"Sheet {who}: ") if who else ("", "")
    if missing:
        raise ValidationError(
            f"{prefix}به همه معیارها امتیاز بدهید؛ بی‌امتیاز: {'، '.join(missing)}.",
            f"{en_prefix}score every criterion; missing: {', '.join(missing)}.",
            field=missing[0],
        )
    if extra:
        raise ValidationError(
            f"{prefix}امتیاز برای معیاری خارج از این مجموعه معیارها: {'، '.join(extra)}.",
            f"{en_prefix}scores for criteria outside this criteria set: {', '.join(extra)}.",
            field=extra[0],
        )
    for code, value in scores.items():
        validate_score(value, field=code)


def weighted_score(means: Sequence[float], weights: Sequence[float]) -> float:
    """The 0–100 score of criterion means (0–5) under weights (any positive scale, same order), before
    rounding. The one formula: consolidation and the sensitivity analysis (domain/sensitivity) both
    use it, so unchanged weights give the recorded score to the last bit. Monotone in every mean."""
    return math.fsum(map(operator.mul, weights, means)) / math.fsum(weights) * _SCALE


def sheet_score(scores: Mapping[str, int], weights: Sequence[CriterionWeight]) -> float:
    """One member's score, 0–100: the weighted mean of their criterion scores × 20.

    Every criterion of ``weights`` must be scored, and nothing else.
    """
    total = _check_weights(weights)
    _check_sheet(scores, weights, None)
    return math.fsum(w.weight * scores[w.code] for w in weights) / total * _SCALE


@dataclass
class Consolidation:
    """The working group's combined evaluation of one dossier."""

    score: float | None  # 0–100; None without any sheet
    per_criterion_mean: dict[str, float]  # 0–5
    spread: dict[str, int]  # highest minus lowest member score per criterion
    flagged: frozenset[str]  # criteria with spread >= DISAGREEMENT_SPREAD
    member_scores: dict[str, float]  # member key → sheet score, 0–100
    member_count: int

    def passes(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        """Whether the dossier reaches ``threshold`` (no score never passes)."""
        return self.score is not None and self.score >= threshold - _EPSILON


def consolidate(sheets: Mapping[str, Mapping[str, int]], weights: Sequence[CriterionWeight]) -> Consolidation:
    """Combine the members' sheets (member key → criterion code → score).

    The dossier score is the weighted mean over criteria of each criterion's mean across members,
    scaled to 0–100 (with complete sheets, this equals the mean of the members' sheet scores).
    """
    _check_weights(weights)
    for member, scores in sheets.items():
        _check_sheet(scores, weights, member)
    if not sheets:
        return Consolidation(None, {}, {}, frozenset(), {}, 0)
    means: dict[str, float] = {}
    spread: dict[str, int] = {}
    for w in weights:
        values = [scores[w.code] for scores in sheets.values()]
        means[w.code] = fmean(values)
        spread[w.code] = max(values) - min(values)
    # At the precision shown (one decimal): what passes the threshold and ranks is what people read.
    score = round_score(weighted_score([means[w.code] for w in weights], [w.weight for w in weights]))
    return Consolidation(
        score=score,
        per_criterion_mean=means,
        spread=spread,
        flagged=frozenset(code for code, s in spread.items() if s >= DISAGREEMENT_SPREAD),
        member_scores={m: sheet_score(s, weights) for m, s in sheets.items()},
        member_count=len(sheets),
    )


def rank(items: Sequence[tuple[K, float | None]]) -> list[tuple[K, int | None]]:
    """Standard competition ranking ("1224"), highest score first.

    Scores are compared as shown (``round_score``: one decimal), so 47.199999999999996 and 47.2 tie.
    Equal scores share a rank and keep their input order; items without a score (``None`` or NaN)
    come last with rank ``None``.
    """
    keyed = [(i, key, round_score(s)) for i, (key, s) in enumerate(items)]
    scored = [(i, key, s) for i, key, s in keyed if s is not None]
    unscored = [(key, None) for _, key, s in keyed if s is None]
    scored.sort(key=lambda t: (-t[2], t[0]))
    ranked: list[tuple[K, int | None]] = []
    previous: float | None = None
    current = 0
    for position, (_, key, s) in enumerate(scored, start=1):
        if previous is None or s != previous:
            current = position
            previous = s
        ranked.append((key, current))
    return ranked + unscored
