"""What would change the answer: uncertain weights, break-even figures, one weight moved.

(a) Monte Carlo over the weights: samples from a Dirichlet distribution centred on the stated
weights (independent gamma draws; dividing by their sum would change no ranking, so it is
skipped), seeded for repeatable figures, concentration κ = 16(n − 1) − 1 for n criteria, so
that a weight of 1/n has a standard deviation of 25% of itself (the variance of a Dirichlet
component is w(1 − w)/(κ + 1)). (b) Break-even: how much more base salary the runner-up
needs (only up to the best pay on offer), or how many more minutes each way the leader's
commute would take, to swap the top two. (c) The single weight which, moved the least (the
others keeping their proportions), changes the winner.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from operator import mul
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import random

RELATIVE_SPREAD = 0.25
MAX_COMMUTE_MINUTES = 600.0
CHUNK = 4096  # weightings drawn at once: memory is bounded whatever the sample count


@cache
def _normal_quantile() -> Callable[[float, float, float], float]:
    """Return the standard normal's quantile function: the C one behind `statistics`.

    `statistics.NormalDist.inv_cdf` wraps it with argument checks (the arguments here are
    always in (0, 1)); importing `statistics` itself would cost every `compare` ~5 ms.
    """
    try:
        quantile: Callable[[float, float, float], float] = import_module(
            "_statistics"
        )._normal_dist_inv_cdf
    except (ImportError, AttributeError):  # another Python: the public, checked one
        from statistics import NormalDist

        return lambda p, mu, sigma: NormalDist(mu, sigma).inv_cdf(p)
    return quantile


@cache
def _mersenne() -> Callable[[int], random.Random]:
    """Return the generator class for a seed: the C Mersenne Twister behind `random.Random`.

    Seeded with a whole number, `random.Random(seed)` only hands the seed to it, so its
    `random()` draws are the same, number for number; importing `random` itself (its other
    generators, hashes and module-wide instance) would cost every `compare` ~0.5 ms.
    """
    try:
        generator: Callable[[int], random.Random] = import_module("_random").Random
    except (ImportError, AttributeError):  # another Python: the public one
        from random import Random

        return Random
    return generator


def concentration(criteria: int) -> float:
    """Return κ so that a typical weight (1/n) varies by ±25% of itself (one s.d.)."""
    return (criteria - 1) / RELATIVE_SPREAD**2 - 1


def win_probability(
    scores: Sequence[Sequence[float]], weights: Sequence[float], samples: int, seed: int
) -> list[float]:
    """Return, per offer, the share of sampled weightings in which it ranks first.

    `scores` is offers × criteria on 0–100. With no samples (or one criterion) the stated
    weights decide alone, and offers tied within 1e-9 share the win. Otherwise the weights
    are drawn `CHUNK` at a time, so memory stays the same whatever `samples` is.
    """
    count = len(scores)
    if len(weights) == 1 or samples == 0 or count == 1:
        totals = [sum(map(mul, weights, row)) for row in scores]
        top = max(totals) - 1e-9
        first = [total >= top for total in totals]
        return [f / sum(first) for f in first]
    # Identical offers tie in every sample and share its win equally.
    groups: dict[tuple[float, ...], list[int]] = {}
    for j, row in enumerate(scores):
        groups.setdefault(tuple(row), []).append(j)
    # Weights are positive, so an offer that another matches or beats on every criterion
    # (a dominated one) never comes first: only the others are scored.
    rows = list(groups)
    candidates = [r for r in rows if not any(_dominates(other, r) for other in rows)]
    wins = [0] * len(candidates)
    if len(candidates) == 1:
        wins[0] = samples
    else:
        count_wins = _win_counter(candidates)
        rng = _mersenne()(seed)
        shapes = [concentration(len(weights)) * w for w in weights]
        for start in range(0, samples, CHUNK):
            size = min(CHUNK, samples - start)
            count_wins(wins, *(gamma_variates(rng, shape, size) for shape in shapes))
    shares = [0.0] * count
    for row, won in zip(candidates, wins, strict=True):
        members = groups[row]
        for j in members:
            shares[j] = won / samples / len(members)
    return shares


def _dominates(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a != b and all(x >= y for x, y in zip(a, b, strict=True))


def _win_counter(rows: list[tuple[float, ...]]) -> Callable[..., None]:
    """Return a function that, given the sampled weights (one list per criterion), adds to
    `wins[j]` the number of samples in which row j has the highest weighted total.

    This is the inner loop of the sensitivity, run once per sample, so it is compiled for
    these rows, the way `dataclasses` builds `__init__`: each total is written out as a sum
    of constant × weight, with the constants as exact float literals. Each criterion's
    lowest score is first taken off every row: every total then falls by the same amount,
    so the winner is the same, and the zero terms drop out. A tie goes to the first of the
    tied rows, as `totals.index(max(totals))` would give it: a later row must be strictly
    higher to take the lead.
    """
    floors = [min(column) for column in zip(*rows, strict=True)]
    names = [f"g{c}" for c in range(len(floors))]
    totals = []
    for row in rows:
        pairs = enumerate(zip(row, floors, strict=True))
        terms = [f"{s - f!r} * {names[c]}" for c, (s, f) in pairs if s > f]
        totals.append(" + ".join(terms) or "0.0")
    lines = [
        "def count_wins(wins, *weightings):",
        f"    for {', '.join(names)}, in zip(*weightings):",
        f"        best = {totals[0]}",
        "        first = 0",
    ]
    for index, total in enumerate(totals[1:], start=1):
        lines += [
            f"        total = {total}",
            "        if total > best:",
            f"            best, first = total, {index}",
        ]
    lines.append("        wins[first] += 1")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines) + "\n", "<decline sensitivity>", "exec"), namespace)
    function: Callable[..., None] = namespace["count_wins"]
    return function


def gamma_variates(rng: random.Random, shape: float, count: int) -> list[float]:
    """Return `count` draws from Gamma(shape, 1): Marsaglia and Tsang's method (2000).

    A normal draw x becomes d(1 + cx)³, kept after a cheap squeeze or the exact log test
    (over 95% are kept); a shape below 1 is boosted to shape + 1 and scaled by U^(1/shape).
    """
    boosted = shape < 1
    d = (shape + 1 if boosted else shape) - 1 / 3
    c = 1 / math.sqrt(9 * d)
    squeeze = 0.0331 / (c * c * c * c)  # 0.0331·x⁴ = squeeze·(v − 1)⁴, as v = 1 + c·x
    uniform = rng.random
    log = math.log
    normal = _normal_quantile()
    kept: list[float] = []
    keep = kept.append
    while len(kept) < count:
        for _ in range(count - len(kept)):
            v = normal(uniform() or 0.5, 1.0, c)  # 1 + c·x for a standard normal x
            if v <= 0:
                continue
            u = 1.0 - uniform()  # in (0, 1], so its log is finite
            w = v - 1.0
            w *= w  # (c·x)²
            if u < 1 - squeeze * w * w:
                keep(d * (v * v * v))
                continue
            v = v * v * v
            if log(u) < 0.5 * w / (c * c) + d * (1 - v + log(v)):
                keep(d * v)
    if boosted:
        power = 1 / shape
        return [g * (1.0 - uniform()) ** power for g in kept]
    return kept


def smallest_change(margin: Callable[[float], float], start: float, limit: float) -> float | None:
    """Return the smallest change ≥ 0 at which `margin` (increasing) reaches 0, or None."""
    if margin(0.0) >= 0:
        return 0.0
    high = max(start, 1e-6)
    while margin(high) < 0:
        high *= 2
        if high > limit:
            return None
    low = 0.0
    for _ in range(60):
        middle = (low + high) / 2
        if margin(middle) >= 0:
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True)
class Flip:
    """The single weight that, moved from `before` to `after`, puts `offer` first."""

    criterion: int  # index into the weights
    before: float
    after: float
    offer: int


def flip_weight(
    scores: Sequence[Sequence[float]], weights: Sequence[float], leader: int
) -> Flip | None:
    """Return the smallest single-weight move that changes the winner, or None.

    Moving weight c to t and scaling the others by (1 − t)/(1 − w_c) makes every total a
    straight line in t, so each rival's crossing point with the leader is solved exactly.
    """
    best: tuple[float, Flip] | None = None
    for c, w_c in enumerate(weights):
        if w_c >= 1:
            continue

        def parts(j: int, c: int = c, w_c: float = w_c) -> tuple[float, float]:
            rest = sum(w * s for k, (w, s) in enumerate(zip(weights, scores[j], strict=True))
                       if k != c) / (1 - w_c)  # fmt: skip
            return scores[j][c], rest

        lead_c, lead_rest = parts(leader)
        for j in range(len(scores)):
            if j == leader:
                continue
            own_c, own_rest = parts(j)
            intercept = own_rest - lead_rest
            slope = (own_c - lead_c) - intercept
            if slope == 0:
                continue
            t = -intercept / slope
            if not 0 <= t <= 1:
                continue
            distance = abs(t - w_c)
            if best is None or distance < best[0]:
                best = (distance, Flip(criterion=c, before=w_c, after=t, offer=j))
    return None if best is None else best[1]
