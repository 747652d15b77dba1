"""The frozen values `compare()` returns, and their JSON form (the contract in issue 4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from decline.evaluate.money import CommuteYear, YearlyPay
from decline.offers import Offer

if TYPE_CHECKING:
    from decline.evaluate.ahp import AHPResult


@dataclass(frozen=True)
class OfferResult:
    """One offer's place in the comparison; money in the offer's own currency."""

    offer: Offer
    score: float
    rank: int
    criterion_scores: dict[str, float]  # 0–100, best = 100
    contributions: dict[str, float]  # points: weight × criterion score; they sum to `score`
    pay: YearlyPay | None
    commute: CommuteYear | None
    time_off_value: float | None
    rate: float  # 1 unit of the offer's currency in the comparison's currency
    estimates: tuple[str, ...]

    @property
    def id(self) -> str:
        """Return the offer's id."""
        return self.offer.id

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form; money in the comparison's currency."""
        pay = None
        if self.pay is not None:
            years = [round(y * self.rate, 2) for y in self.pay.years]
            pay = {f"year{i + 1}": y for i, y in enumerate(years)}
            pay["average"] = round(self.pay.average * self.rate, 2)
        commute = None
        if self.commute is not None:
            commute = {
                "hours_per_year": round(self.commute.hours, 1),
                "cost_per_year": round(self.commute.cost * self.rate, 2),
            }
        return {
            "id": self.offer.id,
            "company": self.offer.company,
            "role": self.offer.role,
            "score": round(self.score, 2),
            "rank": self.rank,
            "contributions": {k: round(v, 2) for k, v in self.contributions.items()},
            "compensation": pay,
            "commute": commute,
            "estimates": list(self.estimates),
        }


@dataclass(frozen=True)
class BreakEven:
    """How much one figure of one offer would have to change to swap the top two."""

    offer: str
    field: str  # "base_salary" (in `currency`) or "commute.minutes_one_way" (minutes)
    change: float
    currency: str | None
    overtakes: str  # the offer it would then catch


@dataclass(frozen=True)
class FlipWeight:
    """The single weight that, moved from `before` to `after`, puts `offer` first."""

    criterion: str
    before: float
    after: float
    offer: str


@dataclass(frozen=True)
class Sensitivity:
    """What would change the answer."""

    win_probability: dict[str, float]
    break_even: tuple[BreakEven, ...]
    flip_weight: FlipWeight | None
    samples: int
    seed: int
    concentration: float | None  # the Dirichlet κ; None with a single criterion


@dataclass(frozen=True)
class Recommendation:
    """The offer to accept, the ones to decline, and whether it is a close call."""

    accept: str
    decline: tuple[str, ...]
    close_call: bool


@dataclass(frozen=True)
class Comparison:
    """The whole comparison: weights, ranked offers, recommendation and sensitivity."""

    currency: str | None
    weights: dict[str, float]
    weights_method: str
    offers: tuple[OfferResult, ...]  # best first
    recommendation: Recommendation
    sensitivity: Sensitivity
    ahp: AHPResult | None = None
    ahp_order: tuple[str, ...] = ()
    judgements: dict[tuple[str, str], float] = field(default_factory=dict)
    notes: tuple[str, ...] = field(default=())  # "equal_weights", "commute_hours_only", …

    def result(self, offer_id: str) -> OfferResult:
        """Return one offer's result by id."""
        return next(r for r in self.offers if r.id == offer_id)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of `decline compare --format json`."""
        data: dict[str, Any] = {
            "currency": self.currency,
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "weights_method": self.weights_method,
        }
        if self.ahp is not None:
            data["consistency_ratio"] = round(self.ahp.cr, 4)
        flip = self.sensitivity.flip_weight
        data["offers"] = [r.to_dict() for r in self.offers]
        data["recommendation"] = {
            "accept": self.recommendation.accept,
            "decline": list(self.recommendation.decline),
            "close_call": self.recommendation.close_call,
        }
        data["sensitivity"] = {
            "win_probability": {
                k: round(v, 4) for k, v in self.sensitivity.win_probability.items()
            },
            "break_even": [
                {
                    "offer": b.offer,
                    "field": b.field,
                    "change": round(b.change, 2),
                    "currency": b.currency,
                }
                for b in self.sensitivity.break_even
            ],
            "flip_weight": None
            if flip is None
            else {
                "criterion": flip.criterion,
                "from": round(flip.before, 4),
                "to": round(flip.after, 4),
            },
        }
        return data
