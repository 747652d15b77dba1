"""Parse and validate the offer file (DESIGN.md), collecting every problem before failing.

Each problem becomes one line, `FILE:LINE: where: what was expected, what was found`; all of
them are raised together as one `InputError`, so a user fixes the whole file in one pass.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from datetime import date, datetime
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from decline.errors import InputError
from decline.offer_lines import KeyLines
from decline.offer_lines import Path as KeyPath
from decline.offers import (
    BUILTIN_CRITERIA,
    CANDIDATE_FIELDS,
    CONTACT_FIELDS,
    CONTACT_ROLES,
    OFFER_FIELDS,
    Candidate,
    Commute,
    Contact,
    Equity,
    Offer,
    OfferSet,
)

RATED_BUILTINS = ("culture", "growth")  # the built-in criteria a candidate rates 1–5

_TABLES = ("candidate", "priorities", "fx", "settings", "offer")
_CANDIDATE = CANDIDATE_FIELDS
_OFFER = (*OFFER_FIELDS, "contact")
_EQUITY = ("value", "vesting_years", "cliff_months", "schedule")
_COMMUTE = ("minutes_one_way", "office_days_per_week", "cost_per_day")
_CONTACT = CONTACT_FIELDS
_SETTINGS = ("working_weeks",)
_GENDERS = ("feminine", "masculine")
_ID = re.compile(r"[a-z0-9-]+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_LANG = re.compile(r"[a-z]{2,3}")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _suggest(name: str, known: Iterable[str]) -> str:
    close = get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" — did you mean {close[0]!r}?" if close else ""


class _Reader:
    """Turns the parsed TOML into models, writing down each problem with its line."""

    def __init__(self, label: str, text: str) -> None:
        self.label = label
        self.lines = KeyLines(text)
        self.found: list[tuple[int, str]] = []
        self.ids: dict[str, int] = {}

    def problem(self, where: KeyPath, message: str) -> None:
        line = self.lines.find(where)
        prefix = f"{self.label}:{line}: " if line else f"{self.label}: "
        self.found.append((line or 0, prefix + message))

    @property
    def problems(self) -> list[str]:
        """Return every problem, in the order of the file's lines."""
        return [message for _, message in sorted(self.found, key=lambda item: item[0])]

    # ----- generic checks

    def known_keys(
        self, table: dict[str, Any], known: tuple[str, ...], where: KeyPath, ctx: str
    ) -> None:
        for key in table:
            if key not in known:
                self.problem((*where, key), f"{ctx}unknown key {key!r}{_suggest(key, known)}")

    def table(self, raw: object, where: KeyPath, ctx: str, key: str) -> dict[str, Any] | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.problem(where, f"{ctx}{key}: expected a table, found {_show(raw)}")
            return None
        return raw

    def text(
        self, table: dict[str, Any], key: str, where: KeyPath, ctx: str, *, required: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(where, f"{ctx}missing required key {key!r} (a text)")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(
                (*where, key), f"{ctx}{key}: expected a non-empty text, found {_show(value)}"
            )
            return None
        return value

    def number(
        self,
        table: dict[str, Any],
        key: str,
        where: KeyPath,
        ctx: str,
        *,
        low: float = 0.0,
        high: float | None = None,
        low_open: bool = False,
        expected: str = "a number ≥ 0",
    ) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and (not math.isfinite(value) or value < low or (low_open and value == low)):
            ok = False
        if ok and high is not None and value > high:
            ok = False
        if not ok:
            self.problem((*where, key), f"{ctx}{key}: expected {expected}, found {_show(value)}")
            return None
        return float(value)

    def money(self, table: dict[str, Any], key: str, where: KeyPath, ctx: str) -> float | None:
        return self.number(table, key, where, ctx, expected="an amount ≥ 0 (no negative money)")

    def percent(self, table: dict[str, Any], key: str, where: KeyPath, ctx: str) -> float | None:
        return self.number(table, key, where, ctx, high=100, expected="a percentage from 0 to 100")

    def whole(
        self, table: dict[str, Any], key: str, where: KeyPath, ctx: str, low: int, high: int
    ) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(
                (*where, key),
                f"{ctx}{key}: expected a whole number from {low} to {high}, found {_show(value)}",
            )
            return None
        return value

    def day(self, table: dict[str, Any], key: str, where: KeyPath, ctx: str) -> date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(
            (*where, key), f"{ctx}{key}: expected a date such as 2026-11-18, found {_show(value)}"
        )
        return None

    def currency(self, value: object, where: KeyPath, ctx: str, key: str) -> str | None:
        if isinstance(value, str) and _CURRENCY.fullmatch(value.upper()):
            return value.upper()
        self.problem(
            where,
            f"{ctx}{key}: expected a 3-letter currency code such as 'EUR', found {_show(value)}",
        )
        return None

    # ----- sections

    def candidate(self, raw: object) -> Candidate:
        where: KeyPath = ("candidate",)
        table = self.table(raw, where, "", "[candidate]") or {}
        ctx = "[candidate] "
        self.known_keys(table, _CANDIDATE, where, ctx)
        lang = self.text(table, "lang", where, ctx) or "en"
        if not _LANG.fullmatch(lang):
            self.problem(
                (*where, "lang"),
                f"{ctx}lang: expected a language code such as 'en' or 'it', found {lang!r}",
            )
            lang = "en"
        gender = self.text(table, "grammatical_gender", where, ctx)
        if gender is not None and gender not in _GENDERS:
            self.problem(
                (*where, "grammatical_gender"),
                f"{ctx}grammatical_gender: expected 'feminine' or 'masculine' (or leave it out), "
                f"found {gender!r}",
            )
            gender = None
        return Candidate(
            name=self.text(table, "name", where, ctx) or "",
            email=self.text(table, "email", where, ctx),
            phone=self.text(table, "phone", where, ctx),
            linkedin=self.text(table, "linkedin", where, ctx),
            city=self.text(table, "city", where, ctx),
            address=self.text(table, "address", where, ctx),
            lang=lang,
            grammatical_gender=gender,
            hourly_rate=self.money(table, "hourly_rate", where, ctx),
        )

    def equity(self, raw: object, where: KeyPath, ctx: str) -> Equity | None:
        table = self.table(raw, where, ctx, "equity")
        if table is None:
            return None
        self.known_keys(table, _EQUITY, where, f"{ctx}equity: ")
        value = self.money(table, "value", where, f"{ctx}equity.")
        if "value" not in table:
            self.problem(where, f"{ctx}equity: missing 'value' (the whole grant's worth)")
        years = self.whole(table, "vesting_years", where, f"{ctx}equity.", 1, 10)
        cliff = self.whole(table, "cliff_months", where, f"{ctx}equity.", 0, 120) or 0
        schedule = self.schedule(table.get("schedule"), (*where, "schedule"), ctx)
        if "vesting_years" in table and "schedule" in table:
            self.problem(
                where,
                f"{ctx}equity: expected either vesting_years (with cliff_months) or schedule, "
                "found both",
            )
        if schedule is not None and "cliff_months" in table:
            self.problem(
                where,
                f"{ctx}equity: cliff_months goes with vesting_years; a schedule already "
                "says what vests each year",
            )
        if value is None:
            return None
        return Equity(value=value, vesting_years=years, cliff_months=cliff, schedule=schedule)

    def schedule(self, raw: object, where: KeyPath, ctx: str) -> tuple[float, ...] | None:
        if raw is None:
            return None
        numbers = [
            float(x)
            for x in (raw if isinstance(raw, list) else [])
            if isinstance(x, int | float) and not isinstance(x, bool) and 0 <= x <= 100
        ]
        good = isinstance(raw, list) and 0 < len(numbers) == len(raw) <= 10
        if not good or sum(numbers) > 100.0001:
            self.problem(
                where,
                f"{ctx}equity.schedule: expected a list of yearly percentages 0–100 summing to "
                f"at most 100, such as [25, 25, 25, 25], found {_show(raw)}",
            )
            return None
        return tuple(numbers)

    def commute(self, raw: object, where: KeyPath, ctx: str) -> Commute | None:
        table = self.table(raw, where, ctx, "commute")
        if table is None:
            return None
        self.known_keys(table, _COMMUTE, where, f"{ctx}commute: ")
        ctx = f"{ctx}commute."
        minutes = self.number(
            table, "minutes_one_way", where, ctx, high=600, expected="minutes from 0 to 600"
        )
        days = self.number(
            table, "office_days_per_week", where, ctx, high=7, expected="days from 0 to 7"
        )
        cost = self.money(table, "cost_per_day", where, ctx)
        return Commute(
            minutes_one_way=minutes or 0.0,
            office_days_per_week=5.0 if days is None else days,
            cost_per_day=cost or 0.0,
        )

    def ratings(self, raw: object, where: KeyPath, ctx: str) -> dict[str, float]:
        table = self.table(raw, where, ctx, "ratings") or {}
        ratings: dict[str, float] = {}
        for name in table:
            if name in BUILTIN_CRITERIA and name not in RATED_BUILTINS:
                self.problem(
                    (*where, name),
                    f"{ctx}ratings.{name}: {name} is computed from the offer's figures, not "
                    f"rated; rate {', '.join(RATED_BUILTINS)} or a criterion of your own",
                )
                continue
            value = self.number(
                table, name, where, f"{ctx}ratings.", low=1, high=5, expected="a rating from 1 to 5"
            )
            if value is not None:
                ratings[name] = value
        return ratings

    def contact(self, raw: object, where: KeyPath, ctx: str) -> Contact | None:
        table = self.table(raw, where, ctx, "[[offer.contact]]")
        if table is None:
            return None
        self.known_keys(table, _CONTACT, where, f"{ctx}contact: ")
        name = self.text(table, "name", where, f"{ctx}contact: ", required=True)
        role = self.text(table, "role", where, f"{ctx}contact.") or "interviewer"
        if role not in CONTACT_ROLES:
            self.problem(
                (*where, "role"),
                f"{ctx}contact.role: expected one of {', '.join(CONTACT_ROLES)}, found {role!r}"
                + _suggest(role, CONTACT_ROLES),
            )
        if name is None:
            return None
        return Contact(
            name=name,
            honorific=self.text(table, "honorific", where, f"{ctx}contact."),
            title=self.text(table, "title", where, f"{ctx}contact."),
            email=self.text(table, "email", where, f"{ctx}contact."),
            role=role,
        )

    def offer(self, raw: object, index: int) -> Offer | None:
        where: KeyPath = ("offer", index)
        table = self.table(raw, where, "", f"offer #{index + 1}")
        if table is None:
            return None
        offer_id = table.get("id")
        ctx = f"offer {offer_id!r}: " if isinstance(offer_id, str) else f"offer #{index + 1}: "
        self.known_keys(table, _OFFER, where, ctx)
        if offer_id is not None and not (isinstance(offer_id, str) and _ID.fullmatch(offer_id)):
            self.problem(
                (*where, "id"),
                f"{ctx}id: expected lower-case letters, digits and dashes such as 'acme-2', "
                f"found {_show(offer_id)}",
            )
        identifier = self.text(table, "id", where, ctx, required=True)
        if identifier in self.ids:
            self.problem(
                (*where, "id"),
                f"{ctx}id: expected a unique id, found a second offer with it "
                f"(offer #{self.ids[identifier] + 1} has it too)",
            )
        elif identifier:
            self.ids[identifier] = index
        company = self.text(table, "company", where, ctx, required=True)
        role = self.text(table, "role", where, ctx, required=True)
        currency = None
        if "currency" in table:
            currency = self.currency(table["currency"], (*where, "currency"), ctx, "currency")
        received = self.day(table, "received", where, ctx)
        deadline = self.day(table, "deadline", where, ctx)
        if received and deadline and deadline < received:
            self.problem(
                (*where, "deadline"),
                f"{ctx}deadline: expected a date on or after received ({received}), "
                f"found {deadline}",
            )
        contacts_raw = table.get("contact", [])
        if not isinstance(contacts_raw, list):
            self.problem((*where, "contact"), f"{ctx}contact: expected [[offer.contact]] tables")
            contacts_raw = []
        contacts = [
            self.contact(c, (*where, "contact", i), ctx) for i, c in enumerate(contacts_raw)
        ]
        offer = Offer(
            id=identifier or "",
            company=company or "",
            role=role or "",
            location=self.text(table, "location", where, ctx),
            address=self.text(table, "address", where, ctx),
            currency=currency,
            received=received,
            deadline=deadline,
            base_salary=self.money(table, "base_salary", where, ctx),
            bonus_target_pct=self.percent(table, "bonus_target_pct", where, ctx),
            signing_bonus=self.money(table, "signing_bonus", where, ctx),
            equity=self.equity(table.get("equity"), (*where, "equity"), ctx),
            retirement_match_pct=self.percent(table, "retirement_match_pct", where, ctx),
            pto_days=self.number(
                table, "pto_days", where, ctx, high=366, expected="days from 0 to 366"
            ),
            benefits_value=self.money(table, "benefits_value", where, ctx),
            commute=self.commute(table.get("commute"), (*where, "commute"), ctx),
            ratings=self.ratings(table.get("ratings"), (*where, "ratings"), ctx),
            liked=self.text(table, "liked", where, ctx),
            contacts=tuple(c for c in contacts if c is not None),
        )
        return offer if identifier and company and role else None

    # ----- the whole document

    def fx(self, raw: object) -> tuple[str | None, dict[str, float]]:
        table = self.table(raw, ("fx",), "", "[fx]")
        if table is None:
            return None, {}
        base = None
        if "base" not in table:
            self.problem(("fx",), "[fx]: missing 'base', the currency offers are compared in")
        else:
            base = self.currency(table["base"], ("fx", "base"), "[fx] ", "base")
        rates: dict[str, float] = {}
        for key in table:
            if key == "base":
                continue
            code = self.currency(key, ("fx", key), "[fx] ", f"rate name {key!r}")
            rate = self.number(
                table,
                key,
                ("fx",),
                "[fx] ",
                low_open=True,
                expected=f"1 {key} in {base or 'base'} as a positive number",
            )
            if code and rate is not None:
                rates[code] = rate
        return base, rates

    def settings(self, raw: object) -> float:
        table = self.table(raw, ("settings",), "", "[settings]") or {}
        self.known_keys(table, _SETTINGS, ("settings",), "[settings] ")
        weeks = self.number(
            table,
            "working_weeks",
            ("settings",),
            "[settings] ",
            low=1,
            high=52,
            expected="weeks from 1 to 52",
        )
        return 46.0 if weeks is None else weeks

    def currencies(
        self, offers: list[Offer | None], base: str | None, rates: dict[str, float]
    ) -> None:
        used = sorted({o.currency for o in offers if o and o.currency})
        if base is None:
            if len(used) > 1:
                second = next(i for i, o in enumerate(offers) if o and o.currency == used[1])
                self.problem(
                    ("offer", second, "currency"),
                    f"offers use {', '.join(used)}: expected an [fx] table with a base and a rate "
                    f"for each other currency (e.g. [fx] base = {used[0]!r}, {used[1]} = …), "
                    "found none",
                )
            return
        for index, offer in enumerate(offers):
            if offer and offer.currency and offer.currency != base and offer.currency not in rates:
                self.problem(
                    ("offer", index, "currency"),
                    f"offer {offer.id!r}: currency {offer.currency}: expected a rate for it in "
                    f"[fx] (1 {offer.currency} = rate × {base}), found none",
                )


def parse_offers(text: str, path: str | Path = "<offers>") -> OfferSet:
    """Parse and validate offer-file text; raise one InputError listing every problem."""
    from decline.offer_priorities import read_priorities

    label = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        where = f"{label}:{position.group(1)}" if position else label
        detail = _TOML_POSITION.sub("", message).strip()
        column = f" (column {position.group(2)})" if position else ""
        raise InputError(f"{where}: not valid TOML: {detail}{column}") from None
    reader = _Reader(label, text)
    for key in data:
        if key not in _TABLES:
            reader.problem(
                (key,), f"unknown table or key {key!r} at the top level{_suggest(key, _TABLES)}"
            )
    candidate = reader.candidate(data.get("candidate"))
    raw_offers = data.get("offer", [])
    if not isinstance(raw_offers, list):
        reader.problem(("offer",), "offer: expected [[offer]] tables, found a single table")
        raw_offers = []
    if not raw_offers:
        reader.problem((), "expected at least one [[offer]] table, found none")
    parsed = [reader.offer(raw, i) for i, raw in enumerate(raw_offers)]
    offers = [o for o in parsed if o is not None]
    fx_base, fx_rates = reader.fx(data.get("fx"))
    reader.currencies(parsed, fx_base, fx_rates)
    rated = {name for o in offers for name in o.ratings}
    priorities = read_priorities(reader, data.get("priorities"), rated)
    working_weeks = reader.settings(data.get("settings"))
    if reader.problems:
        raise InputError("\n".join(reader.problems))
    return OfferSet(
        candidate=candidate,
        offers=tuple(offers),
        priorities=priorities,
        fx_base=fx_base,
        fx_rates=fx_rates,
        working_weeks=working_weeks,
        path=None if label == "<offers>" else Path(path),
    )


def load_offers(path: str | Path) -> OfferSet:
    """Read and validate an offer file; InputError (one line per problem) when it is bad."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{file}: no such offer file (try `decline init {file}`)") from None
    except IsADirectoryError:
        raise InputError(f"{file}: expected an offer file, found a directory") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{file}: expected UTF-8 text, found {error.reason}") from None
    except OSError as error:
        raise InputError(f"{file}: cannot read it ({error.strerror})") from None
    return parse_offers(text, file)
