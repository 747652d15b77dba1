"""Criteria: what each offer brings on each criterion, mapped onto 0–100 (best = 100).

Money is compared in the comparison's currency (the `[fx]` base). The mapping is the same
for every criterion: score = 100 × (1 − |value − best| / largest value), where `best` is the
largest value (or the smallest, for commute, where less is better) and `largest value` the
largest magnitude among the offers. The best offer gets 100; an offer's shortfall is
measured as a share of the largest figure, so 50,000 against 60,000 scores 83.3, a 3 against
a best rating of 5 scores 60, and with nothing to tell offers apart (ties, all remote) every
offer gets 100 — there is never a division by zero. An offer missing the figure a criterion
needs gets the mean score of the offers that have it, and is flagged in `estimates`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from decline.evaluate.money import commute_per_year, pay_by_year
from decline.offers import CRITERIA, Offer, OfferSet

NO_DATA_SCORE = 50.0  # a criterion no offer has data for cannot tell them apart


def rate(offer_set: OfferSet, offer: Offer) -> float:
    """Return the factor that turns the offer's currency into the comparison's currency."""
    if offer.currency is None or offer.currency == offer_set.fx_base:
        return 1.0
    return offer_set.fx_rates.get(offer.currency, 1.0)


def commute_burden(offer_set: OfferSet, offer: Offer) -> float | None:
    """Return the yearly commute burden: hours, or money when an hourly rate values time."""
    if offer.commute is None:
        return None
    year = commute_per_year(offer.commute, offer_set.working_weeks)
    hourly_rate = offer_set.candidate.hourly_rate
    if hourly_rate is None:
        return year.hours
    return year.hours * hourly_rate + year.cost * rate(offer_set, offer)


def _pay(offer_set: OfferSet, offer: Offer, _: str) -> float | None:
    pay = pay_by_year(offer)
    return None if pay is None else pay.average * rate(offer_set, offer)


def _benefits(offer_set: OfferSet, offer: Offer, _: str) -> float | None:
    value = offer.benefits_value
    return None if value is None else value * rate(offer_set, offer)


def _days(offer_set: OfferSet, offer: Offer, _: str) -> float | None:
    return offer.pto_days


def _commute(offer_set: OfferSet, offer: Offer, _: str) -> float | None:
    return commute_burden(offer_set, offer)


def _rating(offer_set: OfferSet, offer: Offer, name: str) -> float | None:
    return offer.ratings.get(name)


Measure = Callable[[OfferSet, Offer, str], float | None]
MEASURES: dict[str, Measure] = {
    "pay": _pay,
    "benefits_value": _benefits,
    "pto_days": _days,
    "commute": _commute,
    "rating": _rating,
}
"""How a criterion's figure is found, by the `measure` its registry entry names."""


def raw_value(offer_set: OfferSet, offer: Offer, criterion: str) -> float | None:
    """Return what the offer brings on the criterion, in the comparison's units; None if unknown.

    A built-in criterion is measured as its registry entry (`decline.offers.CRITERIA`)
    says; any other name is a custom criterion the candidate rates.
    """
    entry = CRITERIA.get(criterion)
    measure = MEASURES[entry.measure] if entry else _rating
    return measure(offer_set, offer, criterion)


def normalise(values: Sequence[float | None], lower_is_better: bool) -> list[float]:
    """Map the values onto 0–100, best = 100, missing ones at the mean of the rest."""
    known = [v for v in values if v is not None]
    if not known:
        return [NO_DATA_SCORE] * len(values)
    largest = max(known)
    best = min(known) if lower_is_better else largest
    scores = [
        None if v is None else 100.0 if largest <= 0 else 100.0 * (1 - abs(v - best) / largest)
        for v in values
    ]
    present = [s for s in scores if s is not None]
    mean = sum(present) / len(present)
    return [mean if s is None else s for s in scores]
