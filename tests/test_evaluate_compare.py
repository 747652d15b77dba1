"""Scoring, ranking, recommendation and sensitivity of `compare()`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from decline import InputError, compare
from decline.evaluate.criteria import normalise
from decline.evaluate.sensitivity import concentration
from decline.offers import Candidate, Commute, Offer, OfferSet, Priorities
from decline.offers.parsing import parse_offers


def offer(offer_id: str, **fields: object) -> Offer:
    return Offer(id=offer_id, company=offer_id.title(), role="Engineer", **fields)  # type: ignore[arg-type]


def offer_set(*offers: Offer, weights: dict[str, float] | None = None, **extra: object) -> OfferSet:
    return OfferSet(
        candidate=Candidate(name="Alex"),
        offers=offers,
        priorities=Priorities(weights=weights or {}),
        **extra,  # type: ignore[arg-type]
    )


def test_normalise_best_is_100_and_gaps_are_shares_of_the_largest() -> None:
    assert normalise([50000, 60000], lower_is_better=False) == pytest.approx([83.333, 100], 1e-3)
    assert normalise([3, 5], lower_is_better=False) == pytest.approx([60, 100])
    # less is better: 100 h vs 200 h: the longer loses (200 − 100)/200 = 50%
    assert normalise([100, 200], lower_is_better=True) == pytest.approx([100, 50])


def test_normalise_ties_remote_and_missing_never_divide_by_zero() -> None:
    assert normalise([0, 0, 0], lower_is_better=True) == [100, 100, 100]  # all remote
    assert normalise([7, 7], lower_is_better=False) == [100, 100]
    assert normalise([0, 0], lower_is_better=False) == [100, 100]
    assert normalise([0, 120], lower_is_better=True) == pytest.approx([100, 0])
    assert normalise([None, 3, 5], lower_is_better=False) == pytest.approx([80, 60, 100])
    assert normalise([None, None], lower_is_better=False) == [50, 50]


def test_scores_by_hand() -> None:
    # compensation weight 3, culture 1 → 0.75 and 0.25.
    a = offer("a", base_salary=60000, ratings={"culture": 2})
    b = offer("b", base_salary=40000, ratings={"culture": 4})
    result = compare(offer_set(a, b, weights={"compensation": 3, "culture": 1}), samples=0)
    # a: 0.75 × 100 + 0.25 × 50 = 87.5; b: 0.75 × (1 − 20000/60000) × 100 + 0.25 × 100 = 75
    assert [r.id for r in result.offers] == ["a", "b"]
    assert result.offers[0].score == pytest.approx(87.5)
    assert result.offers[1].score == pytest.approx(75)
    assert result.offers[1].contributions == pytest.approx({"compensation": 50, "culture": 25})
    assert result.weights == pytest.approx({"compensation": 0.75, "culture": 0.25})
    assert result.recommendation.accept == "a"
    assert result.recommendation.decline == ("b",)
    assert not result.recommendation.close_call


def test_identical_offers_tie_and_share_the_wins() -> None:
    a = offer("a", base_salary=50000, commute=Commute(0))
    b = replace(a, id="b")
    result = compare(offer_set(a, b, weights={"compensation": 1, "commute": 1}), samples=2000)
    assert [r.score for r in result.offers] == [100, 100]
    assert [r.rank for r in result.offers] == [1, 2]
    assert result.recommendation.close_call
    assert result.sensitivity.win_probability == pytest.approx({"a": 0.5, "b": 0.5})


def test_remote_against_commute() -> None:
    remote = offer("remote", base_salary=50000, commute=Commute(0))
    office = offer("office", base_salary=50000, commute=Commute(30, 5, 4.0))
    result = compare(offer_set(remote, office, weights={"commute": 1}), samples=100)
    assert result.result("remote").score == 100
    assert result.result("office").score == 0
    assert result.result("office").commute.hours == pytest.approx(230)  # type: ignore[union-attr]
    assert "commute_hours_only" in result.notes


def test_hourly_rate_weighs_commute_cost_with_time() -> None:
    # 50 working weeks. a: 30 min each way, 4 days (200 days): 200 h and €10 × 200 = €2,000;
    # b: 45 min each way, 2 days (100 days): 150 h, free. At €10/h: €4,000 against €1,500.
    a = offer("a", commute=Commute(30, 4, 10.0))
    b = offer("b", commute=Commute(45, 2, 0.0))
    with_rate = offer_set(a, b, weights={"commute": 1}, working_weeks=50)
    with_rate = replace(with_rate, candidate=Candidate(name="A", hourly_rate=10))
    result = compare(with_rate, samples=0)
    # a: 200 h × 10 + 2,000 = 4,000; b: 1,500 → a scores 100 × (1 − 2,500/4,000) = 37.5
    assert result.result("b").score == pytest.approx(100)
    assert result.result("a").score == pytest.approx(37.5)
    assert "commute_hours_only" not in result.notes


def test_missing_figures_are_scored_at_the_average_and_flagged() -> None:
    a = offer("a", base_salary=50000, ratings={"growth": 5})
    b = offer("b", base_salary=40000, ratings={"growth": 3})
    c = offer("c")
    result = compare(offer_set(a, b, c, weights={"compensation": 1, "growth": 1}), samples=0)
    missing = result.result("c")
    assert missing.estimates == ("missing:compensation", "missing:growth")
    assert missing.criterion_scores == pytest.approx({"compensation": 90, "growth": 80})
    assert missing.to_dict()["compensation"] is None


def test_no_priorities_weighs_every_criterion_with_data_equally() -> None:
    a = offer("a", base_salary=50000, ratings={"culture": 4, "mission": 5})
    b = offer("b", base_salary=45000, ratings={"culture": 5})
    result = compare(offer_set(a, b), samples=0)
    assert result.weights == pytest.approx(
        {"compensation": 1 / 3, "culture": 1 / 3, "mission": 1 / 3}
    )
    assert "equal_weights" in result.notes
    assert result.weights_method == "direct"


def test_fx_converts_to_the_base_currency() -> None:
    eur = offer("eur", base_salary=50000, currency="EUR")
    usd = offer("usd", base_salary=60000, currency="USD")
    fx = {"fx_base": "EUR", "fx_rates": {"USD": 0.5}}
    result = compare(offer_set(eur, usd, weights={"compensation": 1}, **fx), samples=0)
    assert result.currency == "EUR"
    assert result.offers[0].id == "eur"  # 60,000 USD is 30,000 EUR
    assert result.result("usd").score == pytest.approx(60)
    assert result.result("usd").to_dict()["compensation"]["average"] == 30000


def test_ahp_priorities_in_the_file() -> None:
    text = """
[[offer]]
id = "a"
company = "A"
role = "R"
base_salary = 50000
ratings = { growth = 3 }
[[offer]]
id = "b"
company = "B"
role = "R"
base_salary = 40000
ratings = { growth = 5 }
[priorities.pairwise]
"compensation/growth" = 3
"""
    result = compare(parse_offers(text), samples=0)
    assert result.weights_method == "ahp"
    assert result.weights == pytest.approx({"compensation": 0.75, "growth": 0.25})
    assert result.to_dict()["consistency_ratio"] == 0


def test_break_even_salary_swaps_the_top_two() -> None:
    # at 5:1, a scores 83.3 + 10 = 93.3 and b 75 + 16.7 = 91.7; b matching a's pay would
    # score 100, so a raise smaller than 5,000 swaps them
    a = offer("a", base_salary=50000, bonus_target_pct=10, ratings={"growth": 3})
    b = offer("b", base_salary=45000, bonus_target_pct=10, ratings={"growth": 5})
    weights = {"compensation": 5, "growth": 1}
    result = compare(offer_set(a, b, weights=weights), samples=0)
    assert result.recommendation.accept == "a"
    (move,) = result.sensitivity.break_even
    assert (move.offer, move.field, move.overtakes) == ("b", "base_salary", "a")
    for extra, winner in ((move.change + 1, "b"), (move.change - 1, "a")):
        moved = replace(b, base_salary=45000 + extra)
        again = compare(offer_set(a, moved, weights=weights), samples=0)
        assert again.recommendation.accept == winner


def test_no_salary_figure_when_a_raise_cannot_make_the_runner_up_first() -> None:
    # b already pays the most: more pay cannot raise its compensation score past 100
    a = offer("a", base_salary=50000, ratings={"growth": 5})
    b = offer("b", base_salary=60000, ratings={"growth": 1})
    weights = {"compensation": 1, "growth": 1}
    result = compare(offer_set(a, b, weights=weights), samples=0)
    assert result.recommendation.accept == "a"
    assert not [m for m in result.sensitivity.break_even if m.field == "base_salary"]
    # c pays less, but even matching a's pay (a compensation score of 100) leaves it behind
    c = offer("c", base_salary=45000, ratings={"growth": 3})
    result = compare(offer_set(a, c, weights=weights), samples=0)
    assert result.recommendation.accept == "a"
    assert not [m for m in result.sensitivity.break_even if m.field == "base_salary"]


def test_break_even_commute_of_the_leader() -> None:
    a = offer("a", base_salary=52000, commute=Commute(20, 5, 0))
    b = offer("b", base_salary=50000, commute=Commute(30, 5, 0))
    weights = {"compensation": 1, "commute": 1}
    result = compare(offer_set(a, b, weights=weights), samples=0)
    assert result.recommendation.accept == "a"
    move = next(m for m in result.sensitivity.break_even if m.field.startswith("commute"))
    assert move.offer == "a"
    assert move.currency is None
    for extra, winner in ((move.change + 0.5, "b"), (move.change - 0.5, "a")):
        longer = replace(a, commute=Commute(20 + extra, 5, 0))
        assert (
            compare(offer_set(longer, b, weights=weights), samples=0).recommendation.accept
            == winner
        )


def test_flip_weight_is_where_the_winner_changes() -> None:
    a = offer("a", base_salary=60000, ratings={"growth": 2})
    b = offer("b", base_salary=50000, ratings={"growth": 5})
    # at 3:1, a scores 75 + 10 = 85 and b 62.5 + 25 = 87.5: b leads, a is the rival
    result = compare(offer_set(a, b, weights={"compensation": 3, "growth": 1}), samples=0)
    assert result.recommendation.accept == "b"
    flip = result.sensitivity.flip_weight
    assert flip is not None
    assert flip.offer == "a"
    other = "compensation" if flip.criterion == "growth" else "growth"
    assert flip.before == pytest.approx(0.25 if flip.criterion == "growth" else 0.75)
    # just past the flip point the rival wins; just before it, the leader still does
    direction = 1 if flip.after > flip.before else -1
    for nudge, winner in ((0.01, "a"), (-0.01, "b")):
        t = flip.after + direction * nudge
        weights = {flip.criterion: t, other: 1 - t}
        assert compare(offer_set(a, b, weights=weights), samples=0).recommendation.accept == winner


def test_close_call_when_within_three_points() -> None:
    a = offer("a", ratings={"culture": 5, "growth": 3})
    b = offer("b", ratings={"culture": 4.8, "growth": 3.1})
    result = compare(offer_set(a, b, weights={"culture": 1, "growth": 1}), samples=500)
    gap = result.offers[0].score - result.offers[1].score
    assert 0 < gap <= 3
    assert result.recommendation.close_call


def test_single_offer_and_single_criterion() -> None:
    result = compare(offer_set(offer("a", base_salary=1), weights={"compensation": 1}))
    assert result.recommendation.accept == "a"
    assert result.recommendation.decline == ()
    assert not result.recommendation.close_call
    assert result.sensitivity.win_probability == {"a": 1.0}
    assert result.sensitivity.flip_weight is None
    assert result.sensitivity.concentration is None


def test_dirichlet_concentration_gives_a_quarter_spread() -> None:
    for n in (2, 5, 8):
        kappa = concentration(n)
        w = 1 / n
        relative_sd = (w * (1 - w) / (kappa + 1)) ** 0.5 / w
        assert relative_sd == pytest.approx(0.25)


def test_samples_out_of_range() -> None:
    with pytest.raises(InputError, match="samples"):
        compare(offer_set(offer("a")), samples=-1)
