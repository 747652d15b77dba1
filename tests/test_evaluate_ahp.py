"""AHP against worked examples published in the literature, checked to three decimals.

Each expected figure is the one printed in the cited source; an independent power
iteration (no numpy) in this file recomputes the eigenvector as a second check.
"""

from __future__ import annotations

import pytest

from decline import InputError
from decline.evaluate import AHPResult, ahp_priorities
from decline.evaluate.ahp import RANDOM_INDEX, nearest_on_scale

Judgements = dict[tuple[str, str], float]


def matrix(names: list[str], judgements: Judgements) -> list[list[float]]:
    """Return the reciprocal matrix of `judgements` in the order of `names`."""
    index = {name: i for i, name in enumerate(names)}
    rows = [[1.0] * len(names) for _ in names]
    for (first, second), value in judgements.items():
        rows[index[first]][index[second]] = value
        rows[index[second]][index[first]] = 1 / value
    return rows


def power_iteration(rows: list[list[float]]) -> tuple[list[float], float]:
    """Return the principal eigenvector (sum 1) and eigenvalue, by repeated multiplication."""
    n = len(rows)
    weights = [1 / n] * n
    for _ in range(500):
        product = [sum(rows[i][j] * weights[j] for j in range(n)) for i in range(n)]
        total = sum(product)
        weights = [x / total for x in product]
    product = [sum(rows[i][j] * weights[j] for j in range(n)) for i in range(n)]
    return weights, sum(product[i] / weights[i] for i in range(n)) / n


def rounded(values: list[float]) -> list[float]:
    return [round(v, 3) for v in values]


# Saaty, T. L. (2008). "Decision making with the analytic hierarchy process."
# International Journal of Services Sciences 1(1), 83–98, Table 2: relative consumption of
# drinks in the United States. Published derived scale: .177 .019 .042 .116 .190 .129 .327.
DRINKS = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
DRINK_JUDGEMENTS: Judgements = {
    ("coffee", "wine"): 9, ("coffee", "tea"): 5, ("coffee", "beer"): 2, ("coffee", "sodas"): 1,
    ("coffee", "milk"): 1, ("water", "coffee"): 2, ("tea", "wine"): 3, ("beer", "wine"): 9,
    ("beer", "tea"): 3, ("beer", "milk"): 1, ("sodas", "wine"): 9, ("sodas", "tea"): 4,
    ("sodas", "beer"): 2, ("sodas", "milk"): 2, ("milk", "wine"): 9, ("milk", "tea"): 3,
    ("water", "wine"): 9, ("water", "tea"): 9, ("water", "beer"): 3, ("water", "sodas"): 2,
    ("water", "milk"): 3,
}  # fmt: skip


def test_saaty_2008_drinks_weights_and_consistency() -> None:
    rows = matrix(DRINKS, DRINK_JUDGEMENTS)
    result = ahp_priorities(rows)
    assert rounded(result.weights) == [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
    independent, lambda_max = power_iteration(rows)
    assert rounded(independent) == rounded(result.weights)
    assert result.lambda_max == pytest.approx(lambda_max, abs=1e-9)
    assert result.ci == pytest.approx((lambda_max - 7) / 6)
    assert round(result.cr, 3) == 0.022  # CI / 1.32, Saaty's RI for n = 7
    assert result.consistent
    assert result.worst is None


# Saaty, T. L. (2005). Theory and Applications of the Analytic Network Process. RWS
# Publications, Pittsburgh: choosing the best city to live in — criteria Culture, Family,
# Housing, Jobs, Transportation; alternatives Bethesda, Boston, Pittsburgh, Santa Fe.
# Published overall priorities: Bethesda .229, Boston .275, Pittsburgh .385, Santa Fe .111.
CRITERIA = ["Culture", "Family", "Housing", "Jobs", "Transportation"]
CITIES = ["Bethesda", "Boston", "Pittsburgh", "Santa Fe"]
CRITERIA_JUDGEMENTS: Judgements = {
    ("Culture", "Housing"): 3, ("Culture", "Transportation"): 5, ("Family", "Culture"): 5,
    ("Family", "Housing"): 7, ("Family", "Transportation"): 7, ("Housing", "Transportation"): 3,
    ("Jobs", "Culture"): 2, ("Jobs", "Housing"): 4, ("Jobs", "Transportation"): 7,
    ("Family", "Jobs"): 1,
}  # fmt: skip
CITY_JUDGEMENTS: list[Judgements] = [
    {  # culture
        ("Bethesda", "Pittsburgh"): 1, ("Boston", "Bethesda"): 2, ("Boston", "Pittsburgh"): 2.5,
        ("Boston", "Santa Fe"): 1, ("Santa Fe", "Bethesda"): 2, ("Santa Fe", "Pittsburgh"): 2.5,
    },
    {  # family
        ("Bethesda", "Boston"): 2, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2,
        ("Pittsburgh", "Bethesda"): 3, ("Pittsburgh", "Boston"): 8, ("Pittsburgh", "Santa Fe"): 9,
    },
    {  # housing
        ("Bethesda", "Boston"): 5, ("Bethesda", "Santa Fe"): 2.5, ("Pittsburgh", "Bethesda"): 2,
        ("Pittsburgh", "Boston"): 9, ("Pittsburgh", "Santa Fe"): 7, ("Santa Fe", "Boston"): 4,
    },
    {  # jobs
        ("Bethesda", "Pittsburgh"): 3, ("Bethesda", "Santa Fe"): 4, ("Boston", "Bethesda"): 2,
        ("Boston", "Pittsburgh"): 6, ("Boston", "Santa Fe"): 8, ("Pittsburgh", "Santa Fe"): 1,
    },
    {  # transportation
        ("Bethesda", "Boston"): 1.5, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2.5,
        ("Pittsburgh", "Bethesda"): 2, ("Pittsburgh", "Boston"): 3.5,
        ("Pittsburgh", "Santa Fe"): 9,
    },
]  # fmt: skip


def test_saaty_2005_best_city_hierarchy() -> None:
    criteria = ahp_priorities(matrix(CRITERIA, CRITERIA_JUDGEMENTS))
    assert criteria.consistent
    local = [ahp_priorities(matrix(CITIES, j)).weights for j in CITY_JUDGEMENTS]
    overall = [
        sum(criteria.weights[k] * local[k][city] for k in range(len(CRITERIA)))
        for city in range(len(CITIES))
    ]
    assert rounded(overall) == [0.229, 0.275, 0.385, 0.111]
    independent = [power_iteration(matrix(CITIES, j))[0] for j in CITY_JUDGEMENTS]
    for ours, theirs in zip(local, independent, strict=True):
        assert rounded(ours) == rounded(theirs)


def test_consistent_matrix_recovers_the_weights_exactly() -> None:
    weights = [0.5, 0.25, 0.125, 0.125]
    rows = [[wi / wj for wj in weights] for wi in weights]
    result = ahp_priorities(rows)
    assert result.weights == pytest.approx(weights)
    assert result.lambda_max == pytest.approx(4)
    assert result.ci == pytest.approx(0, abs=1e-9)
    assert result.cr == pytest.approx(0, abs=1e-9)


def test_one_and_two_criteria_have_no_inconsistency() -> None:
    assert ahp_priorities([[1]]) == AHPResult(weights=[1.0], lambda_max=1.0, ci=0.0, cr=0.0)
    two = ahp_priorities([[1, 3], [1 / 3, 1]])
    assert two.weights == pytest.approx([0.75, 0.25])
    assert two.cr == 0


def test_inconsistent_judgement_is_named_with_a_value_that_fits() -> None:
    # Consistent with weights 8:4:2:1 except one judgement, a[0][3], reversed (1/8, not 8).
    weights = [8.0, 4.0, 2.0, 1.0]
    rows = [[wi / wj for wj in weights] for wi in weights]
    rows[0][3], rows[3][0] = 1 / 8, 8
    result = ahp_priorities(rows)
    assert result.cr > 0.10
    assert not result.consistent
    assert result.worst == (0, 3)
    # the other judgements all say 8: a[0][1]·a[1][3] = 2·4 and a[0][2]·a[2][3] = 4·2
    assert result.consistent_value == pytest.approx(8)
    assert result.suggested_value == 8


def test_three_criteria_cycle_names_a_judgement_and_the_value_closing_the_cycle() -> None:
    # a > b (3), b > c (3) but c > a (3): in a 3 × 3 cycle the pair's implied value is the
    # product through the third criterion, e.g. a/c = a/b · b/c = 9.
    rows = matrix(["a", "b", "c"], {("a", "b"): 3, ("b", "c"): 3, ("c", "a"): 3})
    result = ahp_priorities(rows)
    assert result.cr > 0.10
    assert result.worst is not None
    i, j = result.worst
    implied = {(0, 1): 1 / 9, (0, 2): 9.0, (1, 2): 1 / 9}[(i, j)]
    assert result.consistent_value == pytest.approx(implied)


def test_random_index_is_saatys_table() -> None:
    assert RANDOM_INDEX[2:] == (
        0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59
    )  # fmt: skip


def test_nearest_on_scale() -> None:
    assert nearest_on_scale(2.9) == 3
    assert nearest_on_scale(0.3) == pytest.approx(1 / 3)
    assert nearest_on_scale(50) == 9


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[1, 2]], "square"),
        ([[1, 0], [0, 1]], "positive"),
        ([[1, 2], [2, 1]], "reciprocal"),
        ([[1.0] * 16 for _ in range(16)], "at most 15"),
    ],
)
def test_bad_matrices_are_input_errors(rows: list[list[float]], message: str) -> None:
    with pytest.raises(InputError, match=message):
        ahp_priorities(rows)
