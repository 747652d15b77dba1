"""The candidate's weights: direct, from AHP judgements, or equal when none are given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from decline.evaluate.criteria import raw_value
from decline.offers import OfferSet, builtin_criteria

if TYPE_CHECKING:  # AHP is imported only by the comparisons that use it
    from decline.evaluate.ahp import AHPResult


@dataclass(frozen=True)
class Weights:
    """Normalised weights (only criteria above 0, summing to 1) and how they were set."""

    values: dict[str, float]
    method: str  # "direct" | "ahp"
    equal_by_default: bool = False
    ahp: AHPResult | None = None
    ahp_order: tuple[str, ...] = ()


def _criteria_with_data(offer_set: OfferSet) -> list[str]:
    rated = [name for offer in offer_set.offers for name in offer.ratings]
    builtins = builtin_criteria()
    names = [*builtins, *(n for n in dict.fromkeys(rated) if n not in builtins)]
    return [
        name
        for name in names
        if any(raw_value(offer_set, offer, name) is not None for offer in offer_set.offers)
    ] or ["compensation"]


def resolve_weights(offer_set: OfferSet) -> Weights:
    """Return the weights the comparison uses."""
    priorities = offer_set.priorities
    if priorities.pairwise:
        from decline.evaluate.ahp import ahp_priorities

        order = tuple(dict.fromkeys(name for pair in priorities.pairwise for name in pair))
        index = {name: i for i, name in enumerate(order)}
        matrix = [[1.0] * len(order) for _ in order]
        for (first, second), value in priorities.pairwise.items():
            matrix[index[first]][index[second]] = value
            matrix[index[second]][index[first]] = 1 / value
        result = ahp_priorities(matrix)
        values = {n: w for n, w in zip(order, result.weights, strict=True) if w > 0}
        return Weights(values=values, method="ahp", ahp=result, ahp_order=order)
    if priorities.weights and sum(priorities.weights.values()) > 0:
        total = sum(priorities.weights.values())
        values = {n: w / total for n, w in priorities.weights.items() if w > 0}
        return Weights(values=values, method="direct")
    names = _criteria_with_data(offer_set)
    return Weights(
        values={n: 1 / len(names) for n in names}, method="direct", equal_by_default=True
    )
