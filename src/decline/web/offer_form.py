"""The offer form: its fields, filled from an offer, and read back through the offer parser.

The form is validated by the same parser as the offer file, so a form and a file can never
disagree about what a valid offer is; each problem is shown beside its field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from decline.dates import parse_date
from decline.errors import InputError
from decline.offers import CRITERIA, RANGES, Contact, Offer, OfferSet, Range, rated_criteria
from decline.offers.parsing import OfferFileError, Problem, parse_offers
from decline.offers.writing import candidate_table, contact_table, dump_offers
from decline.web.i18n import Words
from decline.web.inputs import NumberError, babel_locale, localized_number

# form field -> key in the offer file ("a.b" for nested tables); the rated criteria's
# fields ("rating_culture" …) come from the criteria registry, see `fields()`
_FIELDS: dict[str, str] = {
    "id": "id",
    "company": "company",
    "role": "role",
    "location": "location",
    "address": "address",
    "currency": "currency",
    "received": "received",
    "deadline": "deadline",
    "base_salary": "base_salary",
    "bonus_target_pct": "bonus_target_pct",
    "signing_bonus": "signing_bonus",
    "equity_value": "equity.value",
    "equity_vesting_years": "equity.vesting_years",
    "equity_cliff_months": "equity.cliff_months",
    "retirement_match_pct": "retirement_match_pct",
    "pto_days": "pto_days",
    "benefits_value": "benefits_value",
    "commute_minutes": "commute.minutes_one_way",
    "commute_days": "commute.office_days_per_week",
    "commute_cost": "commute.cost_per_day",
    "liked": "liked",
    "contact_name": "contact.name",
    "contact_honorific": "contact.honorific",
    "contact_title": "contact.title",
    "contact_email": "contact.email",
    "contact_role": "contact.role",
    "contact_register": "contact.register",
    "others": "others",
}
DATES = frozenset({"received", "deadline"})
REQUIRED = ("id", "company", "role")


def rating_fields() -> dict[str, str]:
    """Return the form's rating fields, one per rated criterion of the registry."""
    return {f"rating_{name}": name for name in rated_criteria()}


def fields() -> dict[str, str]:
    """Return every form field with the offer-file key it fills (ratings from the registry)."""
    rated = {field: f"ratings.{name}" for field, name in rating_fields().items()}
    return {**_FIELDS, **rated}


def numbers() -> frozenset[str]:
    """Return the fields that hold numbers (read in the page's locale): the registry's."""
    figures = (name for criterion in CRITERIA.values() for name in criterion.form_fields)
    return frozenset(figures) | frozenset(rating_fields())


@dataclass
class OfferForm:
    """The form's values as text, and the problems found in them (by field, and general)."""

    values: dict[str, str]
    problems: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def from_offer(offer: Offer | None) -> OfferForm:
    """Return the form filled from a stored offer (empty for a new one)."""
    values = dict.fromkeys(fields(), "")
    values["contact_role"] = "hiring_manager"
    if offer is None:
        return OfferForm(values)
    for name in ("id", "company", "role", "location", "address", "currency", "liked"):
        values[name] = _text(getattr(offer, name))
    for name in ("received", "deadline"):
        day = getattr(offer, name)
        values[name] = day.isoformat() if day else ""
    for name in (
        "base_salary",
        "bonus_target_pct",
        "signing_bonus",
        "retirement_match_pct",
        "pto_days",
        "benefits_value",
    ):
        values[name] = _text(getattr(offer, name))
    if offer.equity is not None:
        values["equity_value"] = _text(offer.equity.value)
        values["equity_vesting_years"] = _text(offer.equity.vesting_years)
        values["equity_cliff_months"] = _text(offer.equity.cliff_months or None)
    if offer.commute is not None:
        values["commute_minutes"] = _text(offer.commute.minutes_one_way)
        values["commute_days"] = _text(offer.commute.office_days_per_week)
        values["commute_cost"] = _text(offer.commute.cost_per_day)
    for field_name, criterion in rating_fields().items():
        values[field_name] = _text(offer.ratings.get(criterion))
    if offer.contacts:
        first = offer.contacts[0]
        values["contact_name"] = first.name
        values["contact_honorific"] = _text(first.honorific)
        values["contact_title"] = _text(first.title)
        values["contact_email"] = _text(first.email)
        values["contact_role"] = first.role
        values["contact_register"] = _text(first.register)
        values["others"] = "\n".join(contact.name for contact in offer.contacts[1:])
    return OfferForm(values)


def _value(name: str, raw: str, words: Words, problems: dict[str, str]) -> Any:
    """Turn a field's text into the TOML value it stands for (the parser judges it too).

    A number is read in the page's locale; text that is no number, whose separators could
    be read two ways, or a number outside the range the offer file accepts (RANGES, from
    the criteria registry) is a problem beside the field, in the page's language (and the
    value goes on, so the parser's own message cannot replace it).
    """
    if name in numbers():
        locale = babel_locale(words.lang)
        try:
            number = localized_number(raw, locale)
        except NumberError as error:
            problems[name] = _number_problem(raw, error, words)
            return raw
        value = int(number) if number == number.to_integral_value() else float(number)
        limits = RANGES[_range_key(name)]
        if not limits.accepts(value):
            problems[name] = _range_problem(raw, limits, words, locale)
        return value
    if name in DATES:
        try:
            return parse_date(raw, field=name)
        except InputError:
            return raw  # the offer file's reader says what is wrong, in the same words
    return raw


def _range_key(name: str) -> str:
    """Return the RANGES key of a number field ("offer.pto_days", "offer.ratings.NAME")."""
    key = fields()[name]
    return "offer.ratings.NAME" if key.startswith("ratings.") else f"offer.{key}"


def _range_problem(raw: str, limits: Range, words: Words, locale: str) -> str:
    from babel.numbers import format_decimal

    def shown(value: float) -> str:
        return str(format_decimal(value, format="#,##0.##", locale=locale))

    key = "offer_form.out_of_range_whole" if limits.whole else "offer_form.out_of_range"
    return words(key, text=raw, low=shown(limits.low), high=shown(limits.high))


def _number_problem(raw: str, error: NumberError, words: Words) -> str:
    from babel.numbers import format_decimal

    if error.reason == "ambiguous":
        locale = babel_locale(words.lang)
        first, second = (format_decimal(value, locale=locale) for value in error.readings)
        return words("offer_form.number_ambiguous", text=raw, first=first, second=second)
    return words("offer_form.number_bad", text=raw)


def _table(
    values: dict[str, str], existing: Offer | None, words: Words, problems: dict[str, str]
) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for name, key in fields().items():
        raw = values.get(name, "").strip()
        if not raw or name in ("others",) or name.startswith("contact_"):
            continue
        value = _value(name, raw, words, problems)
        outer, _, inner = key.partition(".")
        if inner:
            table.setdefault(outer, {})[inner] = value
        else:
            table[key] = value
    if existing is not None:
        # what the form does not show is kept, not lost: custom ratings, a vesting schedule
        shown = set(rating_fields().values())
        custom = {k: v for k, v in existing.ratings.items() if k not in shown}
        if custom:
            table["ratings"] = {**custom, **table.get("ratings", {})}
        if existing.company_article is not None:
            table["company_article"] = existing.company_article
        equity = table.get("equity")
        schedule = existing.equity.schedule if existing.equity else None
        if equity and schedule and "vesting_years" not in equity:
            equity["schedule"] = [float(share) for share in schedule]
            equity.pop("cliff_months", None)
    if "equity" in table and "value" not in table["equity"]:
        table["equity"]["value"] = "(missing)"
    contacts = []
    if values.get("contact_name", "").strip():
        primary = {
            key.partition(".")[2]: values[name].strip()
            for name, key in _FIELDS.items()
            if name.startswith("contact_") and values.get(name, "").strip()
        }
        contacts.append(primary)
    known = {c.name: c for c in existing.contacts} if existing else {}
    if contacts and (same := known.get(contacts[0]["name"])) and same.greeting_name:
        contacts[0]["greeting_name"] = same.greeting_name  # not on the form, so kept
    for line in values.get("others", "").splitlines():
        name = line.strip()
        if name and name != values.get("contact_name", "").strip():
            contact = known.get(name) or Contact(name=name, role="interviewer")
            contacts.append(contact_table(contact))
    if contacts:
        table["contact"] = contacts
    return table


def read(
    values: dict[str, str], stored: OfferSet | None, existing: Offer | None, words: Words
) -> Offer | OfferForm:
    """Return the valid offer the form describes, or the form with its problems.

    Numbers are read in the page's language (`words.lang`); everything else is judged by
    the offer file's own parser, whose problems name the key they are about.
    """
    from decline.offers import Candidate

    missing = [name for name in REQUIRED if not values.get(name, "").strip()]
    if missing:  # the names come first: nothing else is read before they are given
        form = OfferForm(dict(values))
        for name in missing:
            form.problems[name] = words("offer_form.required", field=words(f"offer_form.{name}"))
        return form
    candidate = stored.candidate if stored else Candidate(name="(you)")
    # the offer alone: a currency without a rate yet is fine here; Compare asks for the rate
    probe = OfferSet(candidate=candidate, offers=())
    number_problems: dict[str, str] = {}
    table = _table(values, existing, words, number_problems)
    text = dump_offers(probe) + _offer_toml(table)
    try:
        parsed = parse_offers(text, "<form>")
    except OfferFileError as error:
        return _with_problems(values, error.problems, number_problems, words)
    if number_problems:
        return OfferForm(dict(values), problems=number_problems)
    return parsed.offers[0]


def _offer_toml(table: dict[str, Any]) -> str:
    from decline.offers.writing import table_lines

    contacts = table.pop("contact", [])
    lines = ["", "[[offer]]", *table_lines(table)]
    for contact in contacts:
        lines += ["", "[[offer.contact]]", *table_lines(contact)]
    return "\n".join(lines) + "\n"


# the parser's problems a person meets on the form, said in the page's language (by field)
_SAID = {"id": "offers.id_needed", "currency": "offer_form.currency_bad"}


def _with_problems(
    values: dict[str, str], problems: tuple[Problem, ...], first: dict[str, str], words: Words
) -> OfferForm:
    """Put each problem beside the form field that fills its key (by the key, not the text).

    `first` holds the form's own problems (a number it could not read), said in the page's
    language; the parser's problem with the same field is then left out.
    """
    form = OfferForm(dict(values), problems=dict(first))
    by_key = {f"offer.{key}": name for name, key in fields().items()}
    for problem in problems:
        name = by_key.get(problem.field or "")
        if name is None and problem.field and problem.field.startswith("offer.ratings."):
            name = f"rating_{problem.field.rsplit('.', 1)[1]}"
        if name in values or name in by_key.values():
            said = _SAID.get(str(name))
            form.problems.setdefault(str(name), words(said) if said else problem.detail)
        else:
            form.general.append(problem.message)
    return form


def candidate_values(stored: OfferSet | None) -> dict[str, str]:
    """Return the candidate form's values."""
    table = candidate_table(stored.candidate) if stored else {"lang": "en"}
    return {key: _text(value) for key, value in table.items()}
