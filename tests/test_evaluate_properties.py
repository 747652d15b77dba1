"""Properties of the scorer over generated offer sets (Hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decline import compare
from decline.offers import Candidate, Commute, Equity, Offer, OfferSet, Priorities, builtin_criteria

money = st.one_of(st.none(), st.floats(0, 500_000, allow_nan=False))
rating = st.integers(1, 5).map(float)


@st.composite
def offers(draw: st.DrawFn, index: int) -> Offer:
    commute = draw(
        st.one_of(
            st.none(),
            st.builds(
                Commute,
                minutes_one_way=st.sampled_from([0.0, 10.0, 25.0, 60.0, 90.0]),
                office_days_per_week=st.integers(0, 5).map(float),
                cost_per_day=st.floats(0, 30),
            ),
        )
    )
    ratings = draw(st.dictionaries(st.sampled_from(["culture", "growth", "mission"]), rating))
    return Offer(
        id=f"o{index}",
        company=f"Company {index}",
        role="Engineer",
        base_salary=draw(money),
        bonus_target_pct=draw(st.one_of(st.none(), st.floats(0, 100))),
        equity=draw(st.one_of(st.none(), st.builds(Equity, st.floats(0, 1e5), st.just(4)))),
        pto_days=draw(st.one_of(st.none(), st.integers(0, 40).map(float))),
        benefits_value=draw(money),
        commute=commute,
        ratings=ratings,
    )


@st.composite
def offer_sets(draw: st.DrawFn) -> OfferSet:
    count = draw(st.integers(1, 6))
    names = [*builtin_criteria(), "mission"]
    weights = draw(st.dictionaries(st.sampled_from(names), st.floats(0.1, 10), max_size=7))
    return OfferSet(
        candidate=Candidate(name="A", hourly_rate=draw(st.one_of(st.none(), st.floats(0, 100)))),
        offers=tuple(draw(offers(i)) for i in range(count)),
        priorities=Priorities(weights=weights),
    )


@settings(max_examples=40, deadline=None)
@given(offer_sets(), st.integers(0, 2**32 - 1))
def test_scores_ranks_and_sensitivity_are_sound(offer_set: OfferSet, seed: int) -> None:
    result = compare(offer_set, samples=300, seed=seed)
    scores = [r.score for r in result.offers]
    assert all(-1e-9 <= s <= 100 + 1e-9 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert [r.rank for r in result.offers] == list(range(1, len(scores) + 1))
    for r in result.offers:
        assert sum(r.contributions.values()) == pytest.approx(r.score)
        assert all(0 <= v <= 100 + 1e-9 for v in r.criterion_scores.values())
    assert sum(result.weights.values()) == pytest.approx(1)
    assert sum(result.sensitivity.win_probability.values()) == pytest.approx(1)
    assert result.recommendation.accept == result.offers[0].id
    assert set(result.recommendation.decline) == {r.id for r in result.offers[1:]}
    again = compare(offer_set, samples=300, seed=seed)
    assert json.dumps(again.to_dict()) == json.dumps(result.to_dict())  # deterministic
