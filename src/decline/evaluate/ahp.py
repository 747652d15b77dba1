"""The analytic hierarchy process (Saaty): weights from pairwise judgements.

The weights are the principal right eigenvector of the reciprocal judgement matrix,
normalised to sum to 1; λmax is its eigenvalue, CI = (λmax − n)/(n − 1) and CR = CI/RI with
Saaty's random index. A CR above 0.10 means the judgements contradict each other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from decline.errors import InputError

# Saaty's random index for n = 1…15 (the mean CI of random reciprocal matrices).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
                1.57, 1.59)  # fmt: skip
MAX_CRITERIA = len(RANDOM_INDEX)
CONSISTENCY_LIMIT = 0.10
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


def _check(matrix: Sequence[Sequence[float]]) -> np.ndarray:
    array = np.asarray(matrix, dtype=float)
    n = array.shape[0] if array.ndim == 2 else 0
    if array.ndim != 2 or array.shape != (n, n) or n == 0:
        raise InputError(f"AHP: expected a square matrix of judgements, found shape {array.shape}")
    if n > MAX_CRITERIA:
        raise InputError(f"AHP: expected at most {MAX_CRITERIA} criteria, found {n}")
    if not np.all(np.isfinite(array)) or np.any(array <= 0):
        raise InputError("AHP: expected positive judgements, found a zero, negative or NaN")
    if not np.allclose(array * array.T, 1.0, rtol=1e-6):
        raise InputError("AHP: expected a reciprocal matrix (a[j][i] = 1 / a[i][j])")
    return array


def ahp_priorities(matrix: Sequence[Sequence[float]]) -> AHPResult:
    """Return AHP weights, λmax, CI and CR for a positive reciprocal matrix."""
    array = _check(matrix)
    n = array.shape[0]
    if n == 1:
        return AHPResult(weights=[1.0], lambda_max=1.0, ci=0.0, cr=0.0)
    values, vectors = np.linalg.eig(array)
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    weights = vector / vector.sum()
    lambda_max = float(values[k].real)
    ci = max(0.0, (lambda_max - n) / (n - 1))
    cr = ci / RANDOM_INDEX[n - 1] if n > 2 else 0.0
    result = AHPResult(weights=[float(w) for w in weights], lambda_max=lambda_max, ci=ci, cr=cr)
    if cr <= CONSISTENCY_LIMIT:
        return result
    # Each judgement a[i][j] against what the others imply for it: the geometric mean of
    # a[i][k] · a[k][j] over every other criterion k. The judgement that departs most is
    # the one to revisit (ties, as in any 3 × 3 cycle, go to the one that departs most
    # from the weights, w[i]/w[j]); the implied value is the one that would fit.
    logs = np.log(array)
    implied = (logs.sum(axis=1)[:, None] + logs.sum(axis=0)[None, :] - 2 * logs) / (n - 2)
    from_weights = np.abs(logs - np.log(np.outer(weights, 1 / weights)))
    departure = np.triu(np.abs(logs - implied) + 1e-6 * from_weights, 1)
    i, j = np.unravel_index(int(np.argmax(departure)), departure.shape)
    consistent = float(np.exp(implied[i, j]))
    return AHPResult(
        weights=result.weights,
        lambda_max=lambda_max,
        ci=ci,
        cr=cr,
        worst=(int(i), int(j)),
        consistent_value=consistent,
        suggested_value=nearest_on_scale(consistent),
    )
