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
    departs most from the weights, and `consistent_value` the value (w_row / w_column) that
    would agree with them; `suggested_value` is its nearest point on Saaty's 1–9 scale.
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
    # Each judgement's departure from the weights: a[i][j] against w[i]/w[j], on a log scale.
    departure = np.abs(np.log(array * np.outer(1 / weights, weights)))
    i, j = np.unravel_index(int(np.argmax(np.triu(departure, 1))), departure.shape)
    consistent = float(weights[i] / weights[j])
    return AHPResult(
        weights=result.weights,
        lambda_max=lambda_max,
        ci=ci,
        cr=cr,
        worst=(int(i), int(j)),
        consistent_value=consistent,
        suggested_value=nearest_on_scale(consistent),
    )
