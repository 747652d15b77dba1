"""Write an `OfferSet` back out as the offer file (TOML) or as JSON-ready tables.

The inverse of `offers.parsing`: `parse_offers(dump_offers(s))` gives back `s`. Faces use it
to export the workspace as an offer file and to show offers over the HTTP API.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from decline.offers import CANDIDATE_FIELDS, OFFER_FIELDS, Candidate, Contact, Offer, OfferSet

_CANDIDATE = CANDIDATE_FIELDS
_OFFER_SCALARS = tuple(
    name for name in OFFER_FIELDS if name not in ("equity", "commute", "ratings")
)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _plain(value: object) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def candidate_table(candidate: Candidate) -> dict[str, Any]:
    """Return the `[candidate]` table, leaving out what is not known."""
    values = {key: _plain(getattr(candidate, key)) for key in _CANDIDATE}
    return {key: value for key, value in values.items() if value is not None}


def contact_table(contact: Contact) -> dict[str, Any]:
    """Return one `[[offer.contact]]` table."""
    values = {
        "name": contact.name,
        "honorific": contact.honorific,
        "title": contact.title,
        "email": contact.email,
        "role": contact.role,
        "register": contact.register,
        "greeting_name": contact.greeting_name,
    }
    return {key: value for key, value in values.items() if value is not None}


def offer_table(offer: Offer) -> dict[str, Any]:
    """Return one `[[offer]]` table (dates as `date`, nested tables as dicts)."""
    table: dict[str, Any] = {}
    for key in _OFFER_SCALARS:
        value = getattr(offer, key)
        if value is not None:
            table[key] = _plain(value)
    if offer.equity is not None:
        equity: dict[str, Any] = {"value": _number(offer.equity.value)}
        if offer.equity.schedule is not None:
            equity["schedule"] = _plain(offer.equity.schedule)
        else:
            if offer.equity.vesting_years is not None:
                equity["vesting_years"] = offer.equity.vesting_years
            if offer.equity.cliff_months:
                equity["cliff_months"] = offer.equity.cliff_months
        table["equity"] = equity
    if offer.commute is not None:
        table["commute"] = {
            "minutes_one_way": _number(offer.commute.minutes_one_way),
            "office_days_per_week": _number(offer.commute.office_days_per_week),
            "cost_per_day": _number(offer.commute.cost_per_day),
        }
    if offer.ratings:
        table["ratings"] = {name: _number(value) for name, value in offer.ratings.items()}
    if offer.contacts:
        table["contact"] = [contact_table(contact) for contact in offer.contacts]
    return table


def offer_json(offer: Offer) -> dict[str, Any]:
    """Return an offer as JSON-ready values (dates as ISO text)."""
    table = offer_table(offer)
    for key in ("received", "deadline"):
        if isinstance(table.get(key), date):
            table[key] = table[key].isoformat()
    table.setdefault("contact", [])
    return table


def toml_value(value: object) -> str:
    """Return `value` as TOML writes it: text, number, date, list or inline table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {value!r} as TOML")


def _key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def table_lines(table: dict[str, Any]) -> list[str]:
    return [f"{_key(key)} = {toml_value(value)}" for key, value in table.items()]


def dump_offers(offer_set: OfferSet) -> str:
    """Return the offer file (TOML) that holds everything in `offer_set`."""
    lines = ["# decline offer file", "", "[candidate]"]
    lines += table_lines(candidate_table(offer_set.candidate))
    priorities = offer_set.priorities
    if priorities.pairwise:
        lines += ["", "[priorities.pairwise]"]
        lines += [
            f"{toml_value(f'{a}/{b}')} = {toml_value(_number(v))}"
            for (a, b), v in priorities.pairwise.items()
        ]
    elif priorities.weights:
        lines += ["", "[priorities]"]
        lines += table_lines({k: _number(v) for k, v in priorities.weights.items()})
    if offer_set.fx_base:
        lines += ["", "[fx]", f"base = {toml_value(offer_set.fx_base)}"]
        lines += table_lines({k: _number(v) for k, v in offer_set.fx_rates.items()})
    lines += ["", "[settings]", f"working_weeks = {toml_value(_number(offer_set.working_weeks))}"]
    for offer in offer_set.offers:
        table = offer_table(offer)
        contacts = table.pop("contact", [])
        lines += ["", "[[offer]]", *table_lines(table)]
        for contact in contacts:
            lines += ["", "  [[offer.contact]]"]
            lines += ["  " + line for line in table_lines(contact)]
    return "\n".join(lines) + "\n"
