"""How much a ranking depends on the criteria weights (issue 16, part 2; F3-1/F6 before an F15 revision).

Each dossier is its vector of per-criterion consolidated means (0–5); its score under weights ``w`` is
``scoring.weighted_score`` rounded to the one decimal shown, and ranks are competition ranks over those
shown scores ("1224", as ``scoring.rank``), so the current weights give the recorded ranks exactly.

**The weights studied.** Weights are read as percentage shares ``p`` (adding up to 100). "Every weight
varies by ±N points" is the box ``B = {p + δ : |δᵢ| ≤ N, pᵢ + δᵢ ≥ 0}``, each point rescaled to add up to
100 (ranks depend only on the weights' proportions, so the rescaling changes no rank).

**Rank range, attained** (``min_rank``/``max_rank``): the best and worst rank seen over the current
weights, every vertex of B (2ⁿ: 512 for the nine criteria) and every Monte Carlo draw. Every one of
these ranks really happens for some allowed weights, so the true range contains it; it is an inner
bound, because an extreme rank need not lie at a vertex (it is the optimum of a count of half-spaces).

**Rank range, guaranteed** (``best_bound``/``worst_bound``): per pair, exactly. ``b`` can stand above
``a`` only if ``max over B of Σ wᵢ(bᵢ − aᵢ) > 0`` (a linear function: each coordinate at the bound its
sign picks), and surely stands above it if ``min over B of Σ wᵢ(20(bᵢ − aᵢ) − 0.1) ≥ 0`` (scores then
differ by a whole shown decimal, so rounding cannot tie them). Counting those gives a rank no weight in
B can beat or fall below: an outer bound. Where both bounds meet, the range is exact. (n² pairs: with more
than ``MAX_PAIRWISE`` dossiers the guaranteed range is the trivial 1 … n.)

**Probabilities.** ``draws`` weight vectors drawn uniformly from B with ``random.Random(seed)`` (the same
seed, the same numbers on every machine): the share of draws in which the dossier ranks within the
top ``k`` (ties at the edge count in) and in which its shown score reaches the threshold.

**Influence of a criterion.** Its weight alone moved by +N and by −N points (the others kept, then all
rescaled): the mean absolute change of rank over the dossiers, and how many change rank at all.

A dossier whose means dominate another's (no criterion lower) never ranks below it under any
non-negative weights: ``weighted_score`` and the rounding are monotone, so every figure here keeps
that order (property tested).
"""

from __future__ import annotations

import itertools
import math
import operator
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.scoring import DEFAULT_THRESHOLD, weighted_score

DEFAULT_SPREAD = 5.0
DEFAULT_TOP = 10
DEFAULT_DRAWS = 2000
DEFAULT_SEED = 1387  # the programme's year; any fixed number gives reproducible draws
MAX_SPREAD = 50.0
MAX_DRAWS = 100_000
MAX_PAIRWISE = 3000  # ≈ 25 s of pairwise tests; a national ranking holds a few hundred
MAX_EXACT_VERTICES = 4096  # 2¹²; with more free criteria a seeded sample of vertices is taken
_TIE = 1e-9  # differences below this are floating-point noise, not an order
_MARGIN = 1e-6  # "surely above" keeps this much beyond a whole shown decimal

Progress = Callable[[int, int], None]


def score_key(score: float) -> int:
    """The shown score (``numbers.round_score``: one decimal, half up on the decimal written) × 10, as an
    integer; fast where the float is far from a half, the decimal rule otherwise."""
    y = score * 10
    floor = math.floor(y)
    frac = y - floor
    if abs(frac - 0.5) > 1e-6:
        return int(floor) + (1 if frac > 0.5 else 0)
    return int(Decimal(repr(float(score))).scaleb(1).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _keys(means: Sequence[Sequence[float]], weights: Sequence[float]) -> list[int]:
    return [score_key(weighted_score(m, weights)) for m in means]


def _ranks_of_keys(keys: Sequence[int]) -> list[int]:
    """Competition ranks: 1 + how many shown scores are strictly higher."""
    first: dict[int, int] = {}
    for position, key in enumerate(sorted(keys, reverse=True), start=1):
        first.setdefault(key, position)
    return [first[k] for k in keys]


def scores(means: Sequence[Sequence[float]], weights: Sequence[float]) -> list[float]:
    """Each dossier's score under ``weights``, at the one decimal shown."""
    _check_weights(weights, means)
    return [k / 10 for k in _keys(means, weights)]


def ranks(means: Sequence[Sequence[float]], weights: Sequence[float]) -> list[int]:
    """Each dossier's competition rank under ``weights`` (fast enough for a slider: no database)."""
    _check_weights(weights, means)
    return _ranks_of_keys(_keys(means, weights))


def percents(weights: Sequence[float]) -> list[int]:
    """Whole percentages adding up to 100 (largest remainder; earlier criteria win equal remainders),
    as a criteria revision (F15) takes them."""
    total = math.fsum(weights)
    if total <= 0:
        raise ValidationError("همهٔ وزن‌ها صفر است.", "Every weight is zero.", field="weights")
    exact = [w / total * 100 for w in weights]
    out = [math.floor(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - out[i]), i))
    for i in order[: 100 - sum(out)]:
        out[i] += 1
    return out


def _check_weights(weights: Sequence[float], means: Sequence[Sequence[float]]) -> None:
    if not weights or any(not math.isfinite(w) or w < 0 for w in weights) or math.fsum(weights) <= 0:
        raise ValidationError(
            "وزن‌ها باید نامنفی و دست‌کم یکی بزرگ‌تر از صفر باشد.",
            "Weights must be non-negative and at least one above zero.",
            field="weights",
        )
    if any(len(m) != len(weights) for m in means):
        raise ValidationError(
            "امتیاز یک پرونده همهٔ معیارها را ندارد.",
            "A dossier's means do not cover every criterion.",
        )


def shares(weights: Sequence[float]) -> list[float]:
    """The weights as percentages of their total."""
    total = math.fsum(weights)
    return [w / total * 100 for w in weights]


def box(weights: Sequence[float], spread: float) -> list[tuple[float, float]]:
    """Each weight's share ±``spread`` points, never below zero."""
    return [(max(0.0, p - spread), p + spread) for p in shares(weights)]


@dataclass(frozen=True)
class Standing:
    """One dossier's place under the current weights and under the weights around them."""

    rank: int
    score: float  # shown score under the current weights
    min_rank: int  # best rank attained (current, vertices, draws)
    max_rank: int  # worst rank attained
    best_bound: int  # no weight in the box ranks it better
    worst_bound: int  # no weight in the box ranks it worse
    top_probability: float  # share of draws ranking it within the top k
    pass_probability: float  # share of draws in which its shown score reaches the threshold

    @property
    def exact(self) -> bool:
        return self.min_rank == self.best_bound and self.max_rank == self.worst_bound


@dataclass(frozen=True)
class Influence:
    """What moving one criterion's weight alone by ±N points does to the order."""

    index: int  # the criterion's position in the weights
    raised: float  # mean |change of rank| with its weight +N points
    lowered: float  # the same with −N points (not below zero)
    moved: int  # dossiers whose rank changes either way

    @property
    def strength(self) -> float:
        return max(self.raised, self.lowered)


@dataclass(frozen=True)
class Analysis:
    standings: list[Standing]  # in the order of the dossiers given
    influence: list[Influence]  # strongest first
    bounds: list[tuple[float, float]]  # each weight's share range, percent
    spread: float
    top: int
    threshold: float
    vertices: int  # weight vectors at corners of the box that were evaluated
    vertices_complete: bool  # every corner (False: a seeded sample of them)
    pairwise: bool  # guaranteed ranges from the pairwise tests (False: 1..n, too many dossiers)
    draws: int
    seed: int


def _validate(spread: float, top: int, draws: int) -> None:
    if not math.isfinite(spread) or not 0 <= spread <= MAX_SPREAD:
        raise ValidationError(
            "دامنهٔ تغییر وزن باید بین ۰ تا ۵۰ واحد درصد باشد.",
            "The weight spread must be from 0 to 50 percentage points.",
            field="spread",
        )
    if top < 1:
        raise ValidationError("تعداد رتبه‌های برتر دست‌کم ۱ است.", "The top K must be at least 1.", field="top")
    if not 0 <= draws <= MAX_DRAWS:
        raise ValidationError(
            "تعداد نمونه‌ها باید بین ۰ تا ۱۰۰٬۰۰۰ باشد.",
            "The number of draws must be from 0 to 100,000.",
            field="draws",
        )


def _corners(bounds: Sequence[tuple[float, float]], rng: random.Random) -> tuple[list[list[float]], bool]:
    free = [i for i, (lo, hi) in enumerate(bounds) if hi > lo]
    base = [lo for lo, _ in bounds]
    choices: list[tuple[int, ...]]
    complete = 2 ** len(free) <= MAX_EXACT_VERTICES
    if complete:
        choices = list(itertools.product((0, 1), repeat=len(free)))
    else:
        choices = [tuple(rng.getrandbits(1) for _ in free) for _ in range(MAX_EXACT_VERTICES)]
    corners = []
    for pick in choices:
        w = list(base)
        for i, up in zip(free, pick, strict=True):
            if up:
                w[i] = bounds[i][1]
        if math.fsum(w) > 0:  # the all-zero corner has no ranking
            corners.append(w)
    return corners, complete


def _guaranteed(
    means: Sequence[Sequence[float]], bounds: Sequence[tuple[float, float]], step: Callable[[], None]
) -> tuple[list[int], list[int]]:
    """(best, worst) rank bounds per dossier, from exact pairwise tests over the box (n² pairs: beyond
    ``MAX_PAIRWISE`` dossiers the trivial, still sound, bounds 1 and n)."""
    n = len(means)
    if n > MAX_PAIRWISE:
        return [1] * n, [n] * n
    lows = [lo for lo, _ in bounds]
    highs = [hi for _, hi in bounds]
    best = [1] * n
    worst = [1] * n
    for a in range(n):
        step()
        ma = means[a]
        for b in range(n):
            if a == b:
                continue
            diff = list(map(operator.sub, means[b], ma))
            can = math.fsum(d * (hi if d > 0 else lo) for d, lo, hi in zip(diff, lows, highs, strict=True))
            if can > _TIE:
                worst[a] += 1
                gap = [20 * d - 0.1 - _MARGIN for d in diff]
                sure = math.fsum(
                    g * (lo if g > 0 else hi) for g, lo, hi in zip(gap, lows, highs, strict=True)
                )
                if sure >= 0:
                    best[a] += 1
    return best, worst


def _influence(
    means: Sequence[Sequence[float]], weights: Sequence[float], spread: float, base: Sequence[int]
) -> list[Influence]:
    p = shares(weights)
    out = []
    for i in range(len(p)):
        shifts = []
        moved: set[int] = set()
        for delta in (spread, -spread):
            w = list(p)
            w[i] = max(0.0, p[i] + delta)
            if math.fsum(w) <= 0:
                shifts.append(0.0)
                continue
            new = _ranks_of_keys(_keys(means, w))
            changes = [abs(x - y) for x, y in zip(new, base, strict=True)]
            moved.update(j for j, c in enumerate(changes) if c)
            shifts.append(math.fsum(changes) / len(changes) if changes else 0.0)
        out.append(Influence(i, shifts[0], shifts[1], len(moved)))
    out.sort(key=lambda f: (-f.strength, -f.moved, f.index))
    return out


def analyse(
    means: Sequence[Sequence[float]],
    weights: Sequence[float],
    *,
    spread: float = DEFAULT_SPREAD,
    top: int = DEFAULT_TOP,
    threshold: float = DEFAULT_THRESHOLD,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
) -> Analysis:
    """The sensitivity of the ranking of ``means`` (one vector per dossier) to ``weights``.

    ``weights`` are used as given for the current ranks (the recorded scores' exact arithmetic);
    ``progress(done, total)`` is called along the way (it may raise to stop).
    """
    _check_weights(weights, means)
    _validate(spread, top, draws)
    rng = random.Random(seed)
    bounds = box(weights, spread)
    corners, complete = _corners(bounds, rng)
    n = len(means)
    total_steps = len(corners) + draws + len(weights) + n
    done = 0

    def step(k: int = 1) -> None:
        nonlocal done
        done += k
        if progress is not None and (done % 64 == 0 or done == total_steps):
            progress(done, total_steps)

    base_keys = _keys(means, weights)
    base = _ranks_of_keys(base_keys)
    low, high = list(base), list(base)

    def seen(r: Sequence[int]) -> None:
        for j, x in enumerate(r):
            if x < low[j]:
                low[j] = x
            elif x > high[j]:
                high[j] = x

    for w in corners:
        seen(_ranks_of_keys(_keys(means, w)))
        step()
    pass_key = math.ceil(threshold * 10 - 1e-8)  # shown score >= threshold, as Consolidation.passes
    in_top = [0] * n
    passing = [0] * n
    for _ in range(draws):
        w = [rng.uniform(lo, hi) for lo, hi in bounds]
        if math.fsum(w) <= 0:
            w = [hi for _, hi in bounds]  # measure zero; keeps the count of draws
        keys = _keys(means, w)
        r = _ranks_of_keys(keys)
        seen(r)
        for j in range(n):
            if r[j] <= top:
                in_top[j] += 1
            if keys[j] >= pass_key:
                passing[j] += 1
        step()
    influence = _influence(means, weights, spread, base)
    step(len(weights))
    best, worst = _guaranteed(means, bounds, step)
    if n > MAX_PAIRWISE:
        step(n)
    standings = [
        Standing(
            rank=base[j],
            score=base_keys[j] / 10,
            min_rank=low[j],
            max_rank=high[j],
            # The attained ranks lie inside the guaranteed ones by construction; min/max guards the
            # bounds against the tolerances only.
            best_bound=min(best[j], low[j]),
            worst_bound=max(worst[j], high[j]),
            top_probability=in_top[j] / draws if draws else float(base[j] <= top),
            pass_probability=passing[j] / draws if draws else float(base_keys[j] >= pass_key),
        )
        for j in range(n)
    ]
    pairwise = n <= MAX_PAIRWISE
    return Analysis(
        standings, influence, bounds, spread, top, threshold, len(corners), complete, pairwise, draws, seed
    )
