"""What would change the answer: uncertain weights, break-even figures, one weight moved.

(a) Monte Carlo over the weights: samples from a Dirichlet distribution centred on the stated
weights, concentration κ = 16(n − 1) − 1 for n criteria, so that a weight of 1/n has a
standard deviation of 25% of itself (the variance of a Dirichlet component is
w(1 − w)/(κ + 1)). (b) Break-even: how much more base salary the runner-up needs, or how
many more minutes each way the leader's commute would take, to swap the top two. (c) The
single weight which, moved the least (the others keeping their proportions), changes the
winner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

RELATIVE_SPREAD = 0.25
MAX_COMMUTE_MINUTES = 600.0


def concentration(criteria: int) -> float:
    """Return κ so that a typical weight (1/n) varies by ±25% of itself (one s.d.)."""
    return (criteria - 1) / RELATIVE_SPREAD**2 - 1


def win_probability(scores: np.ndarray, weights: np.ndarray, samples: int, seed: int) -> np.ndarray:
    """Return, per offer, the share of sampled weightings in which it ranks first.

    `scores` is offers × criteria on 0–100; ties within a sample share the win.
    """
    n = weights.shape[0]
    if n == 1 or samples == 0:
        sampled = weights[np.newaxis, :]
    else:
        rng = np.random.default_rng(seed)
        gamma = rng.standard_gamma(concentration(n) * weights, size=(samples, n))
        sampled = gamma / gamma.sum(axis=1, keepdims=True)
    totals = sampled @ scores.T
    first = totals >= totals.max(axis=1, keepdims=True) - 1e-9
    shares: np.ndarray = (first / first.sum(axis=1, keepdims=True)).mean(axis=0)
    return shares


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
