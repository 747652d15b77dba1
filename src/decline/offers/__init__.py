"""The offer file: typed, frozen models of the candidate, priorities and offers.

The loader (`load_offers`, in `offers.parsing`, which imports this module and never the
other way round) parses and validates the TOML format of
docs/design.md once, at the edge; everything downstream (evaluate, writer, workspace, web)
takes these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from decline.errors import InputError, NotFoundError


@dataclass(frozen=True)
class Range:
    """The numbers one field of the offer file accepts: finite, from `low` to `high`.

    `text` is how messages and docs/compare.md say it; `whole` asks for a whole number;
    `low_open` excludes `low` itself (a rate must be above 0).
    """

    text: str
    low: float
    high: float
    whole: bool = False
    low_open: bool = False

    def accepts(self, value: object) -> bool:
        """Tell whether `value` (as TOML gave it) is a number in this range (never a bool)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.whole and not isinstance(value, int):
            return False
        # int and float compare exactly, so an integer beyond float range is simply too big,
        # and NaN fails every comparison
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high


MAX_MONEY = 1_000_000_000
_MONEY = Range("an amount from 0 to 1,000,000,000", 0, MAX_MONEY)
_PERCENT = Range("a percentage from 0 to 100", 0, 100)

_RATING = Range("a rating from 1 to 5", 1, 5)

CONTACT_ROLES = ("hiring_manager", "recruiter", "interviewer")
GENDERS = ("feminine", "masculine")
"""The candidate's grammatical genders: how words about them agree ("grata", "grato")."""


@dataclass(frozen=True)
class Criterion:
    """One built-in comparison criterion: everything about it, in one registry entry.

    `measure` names how its figure is found (`decline.evaluate.criteria.MEASURES`:
    "pay", "benefits_value", "pto_days", "commute", "rating"); `figures` are the offer-file
    keys it reads with the numbers each accepts (RANGES is built from them); `form_fields`
    the web offer form's inputs
    for them. A rated criterion ("rating") is the candidate's own 1–5 judgement in
    `ratings`, with the form field ``rating_<name>``. Its label in each language is data:
    `[criteria]` in `languages/<code>/messages.toml` (a missing one fails when words load).
    """

    name: str
    measure: str
    unit: str  # "money" | "days" | "hours" | "rating": how its figure is shown
    lower_is_better: bool = False
    figures: dict[str, Range] = field(default_factory=dict)
    form_fields: tuple[str, ...] = ()

    @property
    def rated(self) -> bool:
        """Tell whether the candidate rates it 1–5 (rather than the offer's figures)."""
        return self.measure == "rating"


CRITERIA: dict[str, Criterion] = {
    entry.name: entry
    for entry in (
        Criterion(
            "compensation",
            "pay",
            "money",
            figures={
                "offer.base_salary": _MONEY,
                "offer.bonus_target_pct": _PERCENT,
                "offer.signing_bonus": _MONEY,
                "offer.equity.value": _MONEY,
                "offer.equity.vesting_years": Range(
                    "a whole number of years from 1 to 10", 1, 10, whole=True
                ),
                "offer.equity.cliff_months": Range(
                    "a whole number of months from 0 to 120", 0, 120, whole=True
                ),
                "offer.equity.schedule": Range(
                    "a list of at most 10 yearly percentages 0–100 summing to at most 100, "
                    "such as [25, 25, 25, 25]",
                    0,
                    100,
                ),
                "offer.retirement_match_pct": _PERCENT,
            },
            form_fields=(
                "base_salary",
                "bonus_target_pct",
                "signing_bonus",
                "equity_value",
                "equity_vesting_years",
                "equity_cliff_months",
                "retirement_match_pct",
            ),
        ),
        Criterion(
            "benefits",
            "benefits_value",
            "money",
            figures={"offer.benefits_value": _MONEY},
            form_fields=("benefits_value",),
        ),
        Criterion(
            "time_off",
            "pto_days",
            "days",
            figures={"offer.pto_days": Range("days from 0 to 366", 0, 366)},
            form_fields=("pto_days",),
        ),
        Criterion(
            "commute",
            "commute",
            "hours",
            lower_is_better=True,
            figures={
                "offer.commute.minutes_one_way": Range("minutes from 0 to 600", 0, 600),
                "offer.commute.office_days_per_week": Range("days from 0 to 7", 0, 7),
                "offer.commute.cost_per_day": _MONEY,
            },
            form_fields=("commute_minutes", "commute_days", "commute_cost"),
        ),
        Criterion("culture", "rating", "rating", figures={"offer.ratings.NAME": _RATING}),
        Criterion("growth", "rating", "rating", figures={"offer.ratings.NAME": _RATING}),
    )
}
"""The built-in criteria, in the order tables and forms show them: the one registry.

Adding a criterion is one entry here plus its label in each language's messages; an
unknown name is an error everywhere (`criterion`), never a fall-through.
"""


RANGES: dict[str, Range] = {
    "candidate.hourly_rate": _MONEY,
    "priorities.NAME": Range("a weight from 0 to 1,000,000", 0, 1_000_000),
    "priorities.pairwise.PAIR": Range(
        'a judgement on Saaty\'s scale from 1/9 to 9 (a number, or a text like "1/3")', 1 / 9, 9
    ),
    "fx.CODE": Range("a rate above 0, up to 1,000,000,000", 0, MAX_MONEY, low_open=True),
    "settings.working_weeks": Range("weeks from 1 to 52", 1, 52),
    **{key: limits for entry in CRITERIA.values() for key, limits in entry.figures.items()},
}
"""Every number the offer file holds, in one table (docs/compare.md shows the same table).

The offers' figures come from the criteria registry (each criterion's `figures`). Bounds
keep every figure finite through the maths: nothing the evaluation computes from numbers
in these ranges can overflow to infinity or become NaN.
"""


def builtin_criteria() -> tuple[str, ...]:
    """Return the built-in criteria's names, in order (read at call time: one registry)."""
    return tuple(CRITERIA)


def rated_criteria() -> tuple[str, ...]:
    """Return the built-in criteria the candidate rates 1–5."""
    return tuple(name for name, entry in CRITERIA.items() if entry.rated)


def criterion(name: str) -> Criterion:
    """Return a built-in criterion's entry; InputError naming the known ones otherwise."""
    entry = CRITERIA.get(name)
    if entry is None:
        raise InputError(
            f"criterion: expected one of {', '.join(CRITERIA)}, found {name!r}",
            field=f"priorities.{name}",
        )
    return entry


def lower_is_better(name: str) -> bool:
    """Tell whether less is better on this criterion (a custom, rated one: more is better)."""
    entry = CRITERIA.get(name)
    return entry is not None and entry.lower_is_better


@dataclass(frozen=True)
class Candidate:
    """Who is writing: identity, letter language, optional grammatical gender and rate."""

    name: str
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    city: str | None = None
    address: str | None = None
    lang: str = "en"
    grammatical_gender: str | None = None  # "feminine" | "masculine" | None: avoid gendered words
    hourly_rate: float | None = None
    greeting_name: str | None = None  # own given name to sign with ("Wei Ling"); else first word


def known_registers() -> tuple[str, ...]:
    """Return every register a contact may ask for: those the languages' `meta.toml` name.

    A contact is addressed the same way whatever the letter's language, so the choice is
    every language's registers; a letter in a language without that register ignores it.
    """
    from decline.languages import available, meta

    return tuple(dict.fromkeys(name for code in available() for name in meta(code).registers))


def known_articles() -> tuple[str, ...]:
    """Return the words `company_article` accepts: "none", and every language's articles.

    A name's article is said in the letter's language ("the", "la"), so the choice is any
    article a language's phrase file names; a letter in another language ignores it.
    """
    from decline.languages import available, read

    found = (
        str(article).casefold()
        for code in available()
        for article in read(code, "phrases.toml")["meta"].get("articles", {})
    )
    return ("none", *dict.fromkeys(found))


@dataclass(frozen=True)
class Contact:
    """A person at the employer the candidate met or corresponds with."""

    name: str
    honorific: str | None = None
    title: str | None = None
    email: str | None = None
    role: str = "interviewer"  # one of CONTACT_ROLES
    register: str | None = None  # how they are addressed ("tu", "lei"): `known_registers()`
    greeting_name: str | None = None  # given name to greet ("Wei Ling"); else the first word


@dataclass(frozen=True)
class Equity:
    """A grant: `value` is the whole grant; vesting evenly with a cliff, or by schedule."""

    value: float
    vesting_years: int | None = None
    cliff_months: int = 0
    schedule: tuple[float, ...] | None = None  # % vesting in years 1..n


@dataclass(frozen=True)
class Commute:
    """The trip to the office; 0 minutes means remote."""

    minutes_one_way: float = 0.0
    office_days_per_week: float = 5.0
    cost_per_day: float = 0.0


@dataclass(frozen=True)
class Offer:
    """One job offer as the candidate received it."""

    id: str
    company: str
    role: str
    location: str | None = None
    address: str | None = None
    currency: str | None = None
    received: date | None = None
    deadline: date | None = None
    base_salary: float | None = None
    bonus_target_pct: float | None = None
    signing_bonus: float | None = None
    equity: Equity | None = None
    retirement_match_pct: float | None = None
    pto_days: float | None = None
    benefits_value: float | None = None
    commute: Commute | None = None
    ratings: dict[str, float] = field(default_factory=dict)
    liked: str | None = None
    company_article: str | None = None  # "the", "none"…: overrides the rule for its article
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Priorities:
    """The candidate's priorities: direct weights, or AHP pairwise judgements (never both)."""

    weights: dict[str, float] = field(default_factory=dict)
    pairwise: dict[tuple[str, str], float] = field(default_factory=dict)


def field_names(model: type) -> tuple[str, ...]:
    """Return a model's field names in order: the offer file's keys and the columns."""
    return tuple(item.name for item in fields(model))


CANDIDATE_FIELDS = field_names(Candidate)
CONTACT_FIELDS = field_names(Contact)
OFFER_FIELDS = tuple(name for name in field_names(Offer) if name != "contacts")
"""An offer's own keys in the file (its people come as `[[offer.contact]]`)."""


@dataclass(frozen=True)
class OfferSet:
    """Everything an offer file holds."""

    candidate: Candidate
    offers: tuple[Offer, ...]
    priorities: Priorities = field(default_factory=Priorities)
    fx_base: str | None = None
    fx_rates: dict[str, float] = field(default_factory=dict)
    working_weeks: float = 46.0
    path: Path | None = None

    def offer(self, offer_id: str) -> Offer:
        """Return the offer with this id; NotFoundError listing the ids when there is none."""
        for offer in self.offers:
            if offer.id == offer_id:
                return offer
        known = ", ".join(o.id for o in self.offers) or "none"
        raise NotFoundError(
            f"no offer {offer_id!r} in {self.path or 'the offer file'}; ids: {known}", field="offer"
        )
