"""The analytic hierarchy process (Saaty): weights from pairwise judgements.

The weights are the principal right eigenvector of the reciprocal judgement matrix (found
by power iteration, in pure Python), normalised to sum to 1; λmax is its eigenvalue,
CI = (λmax − n)/(n − 1) and CR = CI/RI with Saaty's random index. A CR above 0.10 means
the judgements contradict each other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

from decline.errors import InputError

# Saaty's random index for n = 1…15 (the mean CI of random reciprocal matrices).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
                1.57, 1.59)  # fmt: skip
MAX_CRITERIA = len(RANDOM_INDEX)
CONSISTENCY_LIMIT = 0.10
TOLERANCE = 1e-13
MAX_ITERATIONS = 10_000
SAATY_SCALE = tuple([1 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])


@dataclass(frozen=True)
class AHPResult:
    """The outcome of AHP: weights in the matrix's order, λmax, CI and CR.

    When the judgements are inconsistent, `worst` is the (row, column) of the judgement that
    departs most from what the other judgements imply for it, `consistent_value` that
    implied value (the geometric mean of a[row][k] · a[k][column] over every other k), and
    `suggested_value` its nearest point on Saaty's 1–9 scale.
    """

    weights: list[float]
    lambda_max: float
    ci: float
    cr: float
    worst: tuple[int, int] | None = None
    consistent_value: float | None = None
    suggested_value: float | None = None

    @property
    def consistent(self) -> bool:
        """Say whether CR is within Saaty's 0.10."""
        return self.cr <= CONSISTENCY_LIMIT


def nearest_on_scale(value: float) -> float:
    """Return the point of Saaty's scale (1/9 … 1 … 9) nearest to `value` on a log scale."""
    return min(SAATY_SCALE, key=lambda point: abs(math.log(point) - math.log(value)))


def _check(matrix: Sequence[Sequence[float]]) -> list[list[float]]:
    n = len(matrix)
    if n == 0 or any(len(row) != n for row in matrix):
        widths = sorted({len(row) for row in matrix})
        shape = f"{n} rows of {', '.join(map(str, widths)) or 0}"
        raise InputError(f"AHP: expected a square matrix of judgements, found {shape}")
    if n > MAX_CRITERIA:
        raise InputError(f"AHP: expected at most {MAX_CRITERIA} criteria, found {n}")
    rows = [[float(value) for value in row] for row in matrix]
    if not all(math.isfinite(v) and v > 0 for row in rows for v in row):
        raise InputError("AHP: expected positive judgements, found a zero, negative or NaN")
    if not all(
        math.isclose(rows[i][j] * rows[j][i], 1.0, rel_tol=1e-6)
        for i in range(n)
        for j in range(i, n)
    ):
        raise InputError("AHP: expected a reciprocal matrix (a[j][i] = 1 / a[i][j])")
    return rows


def principal_eigenvector(rows: list[list[float]]) -> tuple[list[float], float]:
    """Return the principal eigenvector (summing to 1) and eigenvalue of a positive matrix.

    Power iteration: a positive matrix has one real eigenvalue larger in modulus than all
    the others (Perron–Frobenius), so repeated multiplication converges to its vector.
    Iteration stops when no weight moves by more than 1e-13, which Saaty's matrices of up
    to 15 criteria reach within a few dozen steps; it never runs past `MAX_ITERATIONS`.
    """
    n = len(rows)
    weights = [1 / n] * n
    for _ in range(MAX_ITERATIONS):
        product = [sum(map(mul, row, weights)) for row in rows]
        total = sum(product)
        moved = [x / total for x in product]
        converged = max(abs(a - b) for a, b in zip(moved, weights, strict=True)) <= TOLERANCE
        weights = moved
        if converged:
            break
    # With the weights summing to 1, A·w = λ·w gives λ = the sum of A·w.
    return weights, sum(sum(map(mul, row, weights)) for row in rows)


def ahp_priorities(matrix: Sequence[Sequence[float]]) -> AHPResult:
    """Return AHP weights, λmax, CI and CR for a positive reciprocal matrix."""
    rows = _check(matrix)
    n = len(rows)
    if n == 1:
        return AHPResult(weights=[1.0], lambda_max=1.0, ci=0.0, cr=0.0)
    weights, lambda_max = principal_eigenvector(rows)
    ci = max(0.0, (lambda_max - n) / (n - 1))
    cr = ci / RANDOM_INDEX[n - 1] if n > 2 else 0.0
    result = AHPResult(weights=weights, lambda_max=lambda_max, ci=ci, cr=cr)
    if cr <= CONSISTENCY_LIMIT:
        return result
    # Each judgement a[i][j] against what the others imply for it: the geometric mean of
    # a[i][k] · a[k][j] over every other criterion k. The judgement that departs most is
    # the one to revisit (ties, as in any 3 × 3 cycle, go to the one that departs most
    # from the weights, w[i]/w[j]); the implied value is the one that would fit.
    logs = [[math.log(v) for v in row] for row in rows]
    row_sums = [sum(row) for row in logs]
    column_sums = [sum(logs[i][j] for i in range(n)) for j in range(n)]
    best: tuple[float, int, int, float] | None = None
    for i in range(n):
        for j in range(i + 1, n):
            implied = (row_sums[i] + column_sums[j] - 2 * logs[i][j]) / (n - 2)
            from_weights = abs(logs[i][j] - math.log(weights[i] / weights[j]))
            departure = abs(logs[i][j] - implied) + 1e-6 * from_weights
            if best is None or departure > best[0]:
                best = (departure, i, j, implied)
    assert best is not None  # n ≥ 3 here: a CR is only computed from three criteria
    _, i, j, implied = best
    consistent = math.exp(implied)
    return AHPResult(
        weights=weights,
        lambda_max=lambda_max,
        ci=ci,
        cr=cr,
        worst=(i, j),
        consistent_value=consistent,
        suggested_value=nearest_on_scale(consistent),
    )
