"""The money and time maths of one offer: pay per year, time off, commute.

Pure functions over the offer models; amounts stay in the offer's own currency.
"""

from __future__ import annotations

from dataclasses import dataclass

from decline.offers import Commute, Equity, Offer

YEARS = 4
ASSUMED_VESTING_YEARS = 4  # when a grant says neither vesting_years nor schedule
PAID_DAYS_PER_YEAR = 260  # 52 weeks × 5 days: the daily rate that values a day off


@dataclass(frozen=True)
class YearlyPay:
    """Money paid to the candidate in each of the first four years, and their average."""

    years: tuple[float, float, float, float]

    @property
    def average(self) -> float:
        """Return the four-year average."""
        return sum(self.years) / YEARS


@dataclass(frozen=True)
class CommuteYear:
    """What the trip to the office costs in a year: hours and money (0 when remote)."""

    hours: float
    cost: float

    @property
    def remote(self) -> bool:
        """Say whether there is no trip at all."""
        return self.hours == 0


def equity_by_year(equity: Equity) -> tuple[float, ...]:
    """Return the equity that vests in each of years 1–4.

    Even vesting accrues monthly over `vesting_years`; nothing vests before `cliff_months`,
    and at the cliff everything accrued so far vests at once. A `schedule` gives the
    percentage of the grant that vests in each year.
    """
    if equity.schedule is not None:
        shares = list(equity.schedule[:YEARS]) + [0.0] * max(0, YEARS - len(equity.schedule))
        return tuple(equity.value * share / 100 for share in shares)
    months = 12 * (equity.vesting_years or ASSUMED_VESTING_YEARS)

    def vested_by(month: int) -> float:
        if month < equity.cliff_months:
            return 0.0
        return equity.value * min(month, months) / months

    return tuple(vested_by(12 * year) - vested_by(12 * (year - 1)) for year in range(1, 5))


def pay_by_year(offer: Offer, base_salary: float | None = None) -> YearlyPay | None:
    """Return base, target bonus, signing bonus, vested equity and retirement match per year.

    None when the offer has no base salary. `base_salary` overrides the offer's, for
    break-even questions. `benefits_value` is not pay: it belongs to the benefits criterion.
    """
    base = offer.base_salary if base_salary is None else base_salary
    if base is None:
        return None
    yearly = base * (1 + ((offer.bonus_target_pct or 0) + (offer.retirement_match_pct or 0)) / 100)
    equity = equity_by_year(offer.equity) if offer.equity else (0.0,) * YEARS
    signing = offer.signing_bonus or 0.0
    years = tuple(yearly + equity[i] + (signing if i == 0 else 0.0) for i in range(YEARS))
    return YearlyPay(years=(years[0], years[1], years[2], years[3]))


def pay_per_base_unit(offer: Offer) -> float:
    """Return how much the 4-year average pay moves per unit of base salary."""
    return 1 + ((offer.bonus_target_pct or 0) + (offer.retirement_match_pct or 0)) / 100


def commute_per_year(commute: Commute, working_weeks: float) -> CommuteYear:
    """Return the hours and money a year of commuting costs; 0 minutes one way is remote."""
    if commute.minutes_one_way == 0:
        return CommuteYear(hours=0.0, cost=0.0)
    days = commute.office_days_per_week * working_weeks
    return CommuteYear(
        hours=2 * commute.minutes_one_way / 60 * days, cost=commute.cost_per_day * days
    )


def time_off_value(offer: Offer) -> float | None:
    """Return the PTO days valued at the daily rate of the base salary (None if unknown)."""
    if offer.pto_days is None or offer.base_salary is None:
        return None
    return offer.pto_days * offer.base_salary / PAID_DAYS_PER_YEAR
