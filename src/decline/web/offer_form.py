"""The offer form: its fields, filled from an offer, and read back through the offer parser.

The form is validated by the same parser as the offer file, so a form and a file can never
disagree about what a valid offer is; each problem is shown beside its field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from decline.errors import InputError
from decline.offer_parsing import parse_offers
from decline.offer_writing import candidate_table, contact_table, dump_offers
from decline.offers import Contact, Offer, OfferSet

# form field -> key in the offer file ("a.b" for nested tables)
FIELDS: dict[str, str] = {
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
    "rating_culture": "ratings.culture",
    "rating_growth": "ratings.growth",
    "liked": "liked",
    "contact_name": "contact.name",
    "contact_honorific": "contact.honorific",
    "contact_title": "contact.title",
    "contact_email": "contact.email",
    "contact_role": "contact.role",
    "others": "others",
}
NUMBERS = frozenset(
    {
        "base_salary",
        "bonus_target_pct",
        "signing_bonus",
        "equity_value",
        "equity_vesting_years",
        "equity_cliff_months",
        "retirement_match_pct",
        "pto_days",
        "benefits_value",
        "commute_minutes",
        "commute_days",
        "commute_cost",
        "rating_culture",
        "rating_growth",
    }
)
DATES = frozenset({"received", "deadline"})
_PREFIX = re.compile(r"^<form>:\d*:? ?(?:offer (?:'[^']*'|#\d+): )?")


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
    values = dict.fromkeys(FIELDS, "")
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
    values["rating_culture"] = _text(offer.ratings.get("culture"))
    values["rating_growth"] = _text(offer.ratings.get("growth"))
    if offer.contacts:
        first = offer.contacts[0]
        values["contact_name"] = first.name
        values["contact_honorific"] = _text(first.honorific)
        values["contact_title"] = _text(first.title)
        values["contact_email"] = _text(first.email)
        values["contact_role"] = first.role
        values["others"] = "\n".join(contact.name for contact in offer.contacts[1:])
    return OfferForm(values)


def _value(name: str, raw: str) -> Any:
    """Turn a field's text into the TOML value it stands for (the parser judges it)."""
    if name in NUMBERS:
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            return raw
        return int(number) if number.is_integer() else number
    if name in DATES:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return raw
    return raw


def _table(values: dict[str, str], existing: Offer | None) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for name, key in FIELDS.items():
        raw = values.get(name, "").strip()
        if not raw or name in ("others",) or name.startswith("contact_"):
            continue
        value = _value(name, raw)
        outer, _, inner = key.partition(".")
        if inner:
            table.setdefault(outer, {})[inner] = value
        else:
            table[key] = value
    if existing is not None:
        # what the form does not show is kept, not lost: custom ratings, a vesting schedule
        custom = {k: v for k, v in existing.ratings.items() if k not in ("culture", "growth")}
        if custom:
            table["ratings"] = {**custom, **table.get("ratings", {})}
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
            for name, key in FIELDS.items()
            if name.startswith("contact_") and values.get(name, "").strip()
        }
        contacts.append(primary)
    known = {c.name: c for c in existing.contacts} if existing else {}
    for line in values.get("others", "").splitlines():
        name = line.strip()
        if name and name != values.get("contact_name", "").strip():
            contact = known.get(name) or Contact(name=name, role="interviewer")
            contacts.append(contact_table(contact))
    if contacts:
        table["contact"] = contacts
    return table


def read(
    values: dict[str, str], stored: OfferSet | None, existing: Offer | None
) -> Offer | OfferForm:
    """Return the valid offer the form describes, or the form with its problems."""
    from decline.offers import Candidate

    candidate = stored.candidate if stored else Candidate(name="(you)")
    probe = OfferSet(
        candidate=candidate,
        offers=(),
        fx_base=stored.fx_base if stored else None,
        fx_rates=stored.fx_rates if stored else {},
    )
    text = dump_offers(probe) + _offer_toml(_table(values, existing))
    try:
        parsed = parse_offers(text, "<form>")
    except InputError as error:
        return _with_problems(values, str(error))
    return parsed.offers[0]


def _offer_toml(table: dict[str, Any]) -> str:
    from decline.offer_writing import table_lines

    contacts = table.pop("contact", [])
    lines = ["", "[[offer]]", *table_lines(table)]
    for contact in contacts:
        lines += ["", "[[offer.contact]]", *table_lines(contact)]
    return "\n".join(lines) + "\n"


def _with_problems(values: dict[str, str], message: str) -> OfferForm:
    form = OfferForm(dict(values))
    keys = sorted(FIELDS.items(), key=lambda item: -len(item[1]))
    for line in message.splitlines():
        plain = _PREFIX.sub("", line)
        for name, key in keys:
            if plain.startswith((f"{key}:", f"missing required key '{key}'")):
                form.problems.setdefault(name, plain)
                break
        else:
            form.general.append(plain)
    return form


def candidate_values(stored: OfferSet | None) -> dict[str, str]:
    """Return the candidate form's values."""
    table = candidate_table(stored.candidate) if stored else {"lang": "en"}
    return {key: _text(value) for key, value in table.items()}
