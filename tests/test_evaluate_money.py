"""Pay by year (equity cliffs and schedules), commute and time off, checked by hand."""

from __future__ import annotations

import pytest

from decline.evaluate.money import (
    commute_per_year,
    equity_by_year,
    pay_by_year,
    time_off_value,
)
from decline.offers import Commute, Equity, Offer


@pytest.mark.parametrize(
    ("equity", "expected"),
    [
        # 48,000 over 4 years is 12,000 a year; a 12-month cliff releases year 1 at its end.
        (Equity(48000, vesting_years=4, cliff_months=12), (12000, 12000, 12000, 12000)),
        (Equity(48000, vesting_years=4), (12000, 12000, 12000, 12000)),
        # an 18-month cliff: nothing in year 1; at month 18 the 18 months accrued (18,000)
        # vest, then monthly to month 24 (6,000 more): 24,000 in year 2.
        (Equity(48000, vesting_years=4, cliff_months=18), (0, 24000, 12000, 12000)),
        # 3-year vesting: a third a year, nothing in year 4.
        (Equity(48000, vesting_years=3), (16000, 16000, 16000, 0)),
        # a cliff past year 4 means nothing vests in the first four years.
        (Equity(48000, vesting_years=4, cliff_months=60), (0, 0, 0, 0)),
        # 5-year vesting: a fifth a year.
        (Equity(50000, vesting_years=5, cliff_months=12), (10000, 10000, 10000, 10000)),
        # a schedule gives the percentage each year.
        (Equity(20000, schedule=(5, 15, 40, 40)), (1000, 3000, 8000, 8000)),
        (Equity(20000, schedule=(50, 50)), (10000, 10000, 0, 0)),
        (Equity(20000, schedule=(10, 10, 10, 10, 60)), (2000, 2000, 2000, 2000)),
        # neither vesting_years nor schedule: assumed even over 4 years, no cliff.
        (Equity(20000), (5000, 5000, 5000, 5000)),
    ],
)
def test_equity_by_year(equity: Equity, expected: tuple[float, ...]) -> None:
    assert equity_by_year(equity) == pytest.approx(expected)


def test_pay_by_year_counts_each_part_once() -> None:
    offer = Offer(
        id="a",
        company="A",
        role="R",
        base_salary=50000,
        bonus_target_pct=10,  # 5,000
        retirement_match_pct=4,  # 2,000
        signing_bonus=3000,  # year 1 only
        equity=Equity(40000, vesting_years=4, cliff_months=12),  # 10,000 a year
        benefits_value=9999,  # not pay: the benefits criterion only
    )
    pay = pay_by_year(offer)
    assert pay is not None
    assert pay.years == pytest.approx((70000, 67000, 67000, 67000))
    assert pay.average == pytest.approx(67750)


def test_pay_needs_a_base_salary() -> None:
    assert pay_by_year(Offer(id="a", company="A", role="R", signing_bonus=5000)) is None


def test_commute_hours_and_cost() -> None:
    # 30 minutes each way, 5 days a week, 46 weeks: 2 × 0.5 h × 230 days = 230 h; €5 × 230.
    year = commute_per_year(Commute(30, 5, 5.0), 46)
    assert (year.hours, year.cost) == pytest.approx((230, 1150))
    assert not year.remote
    hybrid = commute_per_year(Commute(45, 2, 3.0), 44)  # 1.5 h × 88 days, €3 × 88
    assert (hybrid.hours, hybrid.cost) == pytest.approx((132, 264))


def test_remote_costs_nothing() -> None:
    year = commute_per_year(Commute(0, 5, 12.0), 46)
    assert (year.hours, year.cost, year.remote) == (0, 0, True)


def test_time_off_value_at_the_daily_rate() -> None:
    offer = Offer(id="a", company="A", role="R", base_salary=52000, pto_days=25)
    assert time_off_value(offer) == pytest.approx(25 * 200)  # 52,000 / 260 days = 200 a day
    assert time_off_value(Offer(id="a", company="A", role="R", pto_days=25)) is None
