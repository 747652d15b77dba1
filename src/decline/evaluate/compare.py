"""`compare()`: weigh the offers against the candidate's priorities (P1).

It scores each criterion 0–100 (see `criteria`), weights them (direct or AHP, see
`weights`), sums each offer's points, ranks, recommends, and asks what would change the
answer (see `sensitivity`). Pure: it reads nothing and returns frozen values.
"""

from __future__ import annotations

from decline.errors import InputError
from decline.evaluate.criteria import (
    normalise,
    rate,
    raw_value,
)
from decline.evaluate.money import (
    ASSUMED_VESTING_YEARS,
    commute_per_year,
    pay_by_year,
    pay_per_base_unit,
    time_off_value,
)
from decline.evaluate.results import (
    BreakEven,
    Comparison,
    FlipWeight,
    OfferResult,
    Recommendation,
    Sensitivity,
)
from decline.evaluate.sensitivity import (
    MAX_COMMUTE_MINUTES,
    concentration,
    flip_weight,
    smallest_change,
    win_probability,
)
from decline.evaluate.weights import resolve_weights
from decline.offers import Offer, OfferSet, lower_is_better

CLOSE_POINTS = 3.0
CLOSE_WIN_SHARE = 0.60
MAX_SAMPLES = 1_000_000
# samples × offers scored by the sensitivity: 10 offers × 1,000,000 samples, or 1,000 offers ×
# 10,000, take a few seconds; more would take minutes, so it is refused up front.
MAX_EVALUATIONS = 10_000_000


def _currency(offer_set: OfferSet) -> str | None:
    if offer_set.fx_base:
        return offer_set.fx_base
    used = {o.currency for o in offer_set.offers if o.currency}
    return used.pop() if len(used) == 1 else None


def _estimates(
    offer: Offer, criteria: list[str], raw: dict[str, list[float | None]], index: int
) -> tuple[str, ...]:
    notes: list[str] = []
    if offer.bonus_target_pct and offer.base_salary:
        notes.append("bonus")
    if offer.equity and offer.equity.value > 0:
        notes.append("equity")
        if offer.equity.vesting_years is None and offer.equity.schedule is None:
            notes.append("equity_vesting")
    notes.extend(f"missing:{c}" for c in criteria if raw[c][index] is None)
    return tuple(notes)


def _totals(columns: dict[str, list[float]], weights: dict[str, float], count: int) -> list[float]:
    return [sum(weights[c] * columns[c][j] for c in weights) for j in range(count)]


def _break_even(
    offer_set: OfferSet,
    raw: dict[str, list[float | None]],
    weights: dict[str, float],
    leader: int,
    runner: int,
) -> list[BreakEven]:
    """Return how far the runner-up's base salary or the leader's commute must move to swap."""
    offers = offer_set.offers
    count = len(offers)
    found: list[BreakEven] = []

    def margin_with(criterion: str, who: int, delta: float) -> float:
        column = list(raw[criterion])
        value = column[who]
        assert value is not None
        column[who] = value + delta
        columns = {
            c: normalise(column if c == criterion else raw[c], lower_is_better(c)) for c in weights
        }
        totals = _totals(columns, weights, count)
        return totals[runner] - totals[leader]

    runner_offer = offers[runner]
    pay = raw.get("compensation", [None])[runner] if "compensation" in weights else None
    top_pay = max((v for v in raw.get("compensation", []) if v is not None), default=0.0)
    # Only a raise within the criterion's scale can swap the two: up to the best pay on
    # offer, where the runner-up's compensation scores 100. Past it, the runner-up would
    # only win by marking the others down, which says nothing useful; an offer that
    # already pays the most gets no salary figure at all.
    if pay is not None and pay < top_pay and runner_offer.base_salary is not None:
        per_unit = pay_per_base_unit(runner_offer) * rate(offer_set, runner_offer)
        needed = smallest_change(
            lambda d: margin_with("compensation", runner, d), top_pay - pay, top_pay - pay
        )
        if needed is not None and needed > 0:
            found.append(
                BreakEven(
                    offer=runner_offer.id,
                    field="base_salary",
                    change=needed / per_unit,
                    currency=runner_offer.currency or _currency(offer_set),
                    overtakes=offers[leader].id,
                )
            )
    leader_offer = offers[leader]
    trip = leader_offer.commute
    if "commute" in weights and trip and trip.minutes_one_way > 0 and trip.office_days_per_week:
        hours_per_minute = (
            commute_per_year(trip, offer_set.working_weeks).hours / trip.minutes_one_way
        )
        per_minute = hours_per_minute * (offer_set.candidate.hourly_rate or 1.0)
        limit = (MAX_COMMUTE_MINUTES - trip.minutes_one_way) * per_minute
        needed = smallest_change(lambda d: margin_with("commute", leader, d), per_minute, limit)
        if needed is not None and needed > 0:
            found.append(
                BreakEven(
                    offer=leader_offer.id,
                    field="commute.minutes_one_way",
                    change=needed / per_minute,
                    currency=None,
                    overtakes=offers[runner].id,
                )
            )
    return found


def compare(offer_set: OfferSet, *, samples: int = 10_000, seed: int = 0) -> Comparison:
    """Score, rank and recommend; ask what would change the answer."""
    if not 0 <= samples <= MAX_SAMPLES:
        raise InputError(f"samples: expected 0 to {MAX_SAMPLES:,}, found {samples}")
    if not offer_set.offers:
        raise InputError("compare: expected at least one offer, found none")
    count = len(offer_set.offers)
    if samples * count > MAX_EVALUATIONS:
        raise InputError(
            f"samples: expected at most {MAX_EVALUATIONS // count:,} for {count:,} offers "
            f"(samples × offers ≤ {MAX_EVALUATIONS:,}), found {samples:,}"
        )
    resolved = resolve_weights(offer_set)
    weights = resolved.values
    criteria = list(weights)
    offers = offer_set.offers
    raw = {c: [raw_value(offer_set, o, c) for o in offers] for c in criteria}
    columns = {c: normalise(raw[c], lower_is_better(c)) for c in criteria}
    totals = _totals(columns, weights, len(offers))
    order = sorted(range(len(offers)), key=lambda j: (-totals[j], j))
    leader = order[0]

    scores = [[columns[c][j] for c in criteria] for j in range(len(offers))]
    weight_vector = [weights[c] for c in criteria]
    shares = win_probability(scores, weight_vector, samples, seed)
    win = {offers[j].id: shares[j] for j in range(len(offers))}

    break_even: list[BreakEven] = []
    flip = None
    if len(offers) > 1:
        runner = order[1]
        break_even = _break_even(offer_set, raw, weights, leader, runner)
        moved = flip_weight(scores, weight_vector, leader)
        if moved is not None:
            flip = FlipWeight(
                criterion=criteria[moved.criterion],
                before=moved.before,
                after=moved.after,
                offer=offers[moved.offer].id,
            )
    close = len(offers) > 1 and (
        totals[leader] - totals[order[1]] <= CLOSE_POINTS
        or win[offers[leader].id] < CLOSE_WIN_SHARE
    )
    results = []
    for rank, j in enumerate(order, start=1):
        offer = offers[j]
        results.append(
            OfferResult(
                offer=offer,
                score=totals[j],
                rank=rank,
                criterion_scores={c: columns[c][j] for c in criteria},
                contributions={c: weights[c] * columns[c][j] for c in criteria},
                pay=pay_by_year(offer),
                commute=None
                if offer.commute is None
                else commute_per_year(offer.commute, offer_set.working_weeks),
                time_off_value=time_off_value(offer),
                rate=rate(offer_set, offer),
                estimates=_estimates(offer, criteria, raw, j),
            )
        )
    notes = []
    if resolved.equal_by_default:
        notes.append("equal_weights")
    if "commute" in weights and offer_set.candidate.hourly_rate is None:
        notes.append("commute_hours_only")
    if resolved.ahp is not None and not resolved.ahp.consistent:
        notes.append("ahp_inconsistent")
    if any(
        o.equity and o.equity.vesting_years is None and o.equity.schedule is None for o in offers
    ):
        notes.append(f"equity_vesting_{ASSUMED_VESTING_YEARS}")
    return Comparison(
        currency=_currency(offer_set),
        weights=dict(weights),
        weights_method=resolved.method,
        offers=tuple(results),
        recommendation=Recommendation(
            accept=offers[leader].id,
            decline=tuple(offers[j].id for j in order[1:]),
            close_call=close,
        ),
        sensitivity=Sensitivity(
            win_probability=win,
            break_even=tuple(break_even),
            flip_weight=flip,
            samples=samples,
            seed=seed,
            concentration=concentration(len(criteria)) if len(criteria) > 1 else None,
        ),
        ahp=resolved.ahp,
        ahp_order=resolved.ahp_order,
        judgements=dict(offer_set.priorities.pairwise),
        notes=tuple(notes),
    )
