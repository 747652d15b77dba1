"""Parse and validate the offer file (docs/design.md), collecting every problem before failing.

Each problem becomes one line, `FILE:LINE: where: what was expected, what was found`; all of
them are raised together as one `InputError`, so a user fixes the whole file in one pass.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import Any

from decline.cache import compile as compile_pattern
from decline.dates import parse_date
from decline.errors import InputError
from decline.errors import show as _show
from decline.offers import (
    CANDIDATE_FIELDS,
    CONTACT_FIELDS,
    CONTACT_ROLES,
    GENDERS,
    OFFER_FIELDS,
    RANGES,
    Candidate,
    Commute,
    Contact,
    Equity,
    Offer,
    OfferSet,
    Priorities,
    builtin_criteria,
    known_articles,
    known_registers,
    rated_criteria,
)
from decline.offers.lines import MAX_NESTING, KeyLines
from decline.offers.lines import Path as KeyPath
from decline.offers.priorities import read_priorities

MAX_OFFER_BYTES = 10_000_000  # an offer file is a few kilobytes: 10 MB is the wrong file
MAX_PROBLEMS = 50  # lines listed for one file; the rest are counted ("…and 2,990 more")
MAX_SUGGESTIONS = 10  # "did you mean" for the first unknown names only, and at most
MAX_COMPARED = 1_000  # names compared in all: each comparison is a difflib pass

_TABLES = ("candidate", "priorities", "fx", "settings", "offer")
_CANDIDATE = CANDIDATE_FIELDS
_OFFER = (*OFFER_FIELDS, "contact")
_EQUITY = ("value", "vesting_years", "cliff_months", "schedule")
_COMMUTE = ("minutes_one_way", "office_days_per_week", "cost_per_day")
_CONTACT = CONTACT_FIELDS
_SETTINGS = ("working_weeks",)
_VESTING_YEARS = "offer.equity.vesting_years"
_CLIFF_MONTHS = "offer.equity.cliff_months"
_ID = compile_pattern(r"[a-z0-9-]+")
_CURRENCY = compile_pattern(r"[A-Z]{3}")
_LANG = compile_pattern(r"[a-z]{2,3}")
_TOML_POSITION = compile_pattern(r"\(at line (\d+), column (\d+)\)")


def _suggest(name: str, known: Iterable[str]) -> str:
    """Return " — did you mean 'x'?" for the nearest known name, or "".

    Only names whose length could reach difflib's cutoff of 0.6 are compared (a ratio is
    at most 2·min/(a+b)), so a very long name costs nothing.
    """
    size = len(name)
    near = [k for k in known if 2 * min(size, len(k)) >= 0.6 * (size + len(k))]
    from difflib import get_close_matches  # only for a name that is not known

    close = get_close_matches(name, near, n=1, cutoff=0.6)
    return f" — did you mean {close[0]!r}?" if close else ""


@dataclass(frozen=True)
class Problem:
    """One problem of an offer file: the key it is about, its line, and what is wrong.

    `field` is the key's dotted path without positions (``offer.base_salary``,
    ``offer.equity.value``, ``fx.USD``, ``candidate.name``), so a face can put `message`
    (which names no file or line) beside the input that holds that key.
    """

    field: str | None
    message: str
    line: int = 0
    detail: str = ""
    """The message without the file's context ("expected …, found …"), for beside a field."""


class OfferFileError(InputError):
    """Every problem of one offer file: the text lists them all, `problems` keeps each.

    `field` (the InputError's) is the first problem's, for a face that shows only one.
    """

    def __init__(self, text: str, problems: tuple[Problem, ...]) -> None:
        super().__init__(text, field=problems[0].field if problems else None)
        self.problems = problems


def field_of(where: KeyPath) -> str | None:
    """Return the dotted key path of `where` without list positions, or None for the top."""
    names = [str(part) for part in where if not isinstance(part, int)]
    return ".".join(names) or None


class Reader:
    """Turns the parsed TOML into models, writing down each problem with its line.

    `parse_offers` uses one over a file's text; `reader` gives one over values stored
    elsewhere (a workspace export), so they are judged by the offer file's own rules.
    """

    def __init__(self, label: str, lines: KeyLines | str) -> None:
        self.label = label
        self.lines = KeyLines(lines) if isinstance(lines, str) else lines
        self.found: list[tuple[int, str]] = []
        self.each: list[Problem] = []
        self.ids: dict[str, int] = {}
        self.suggestions = 0
        self.compared = 0
        self.fx_named: set[str] = set()  # currencies [fx] names, with a good rate or not

    def suggest(self, name: str, known: Collection[str]) -> str:
        """Return `_suggest(name, known)` while the budget lasts, then "".

        The budget (MAX_SUGGESTIONS names, MAX_COMPARED comparisons) keeps a file with
        thousands of unknown names linear: their problems are listed and counted anyway.
        """
        self.suggestions += 1
        remaining = MAX_COMPARED - self.compared
        if self.suggestions > MAX_SUGGESTIONS or remaining <= 0:
            return ""
        candidates = list(islice(known, remaining))  # the first names (built-ins come first)
        self.compared += len(candidates)
        return _suggest(name, candidates)

    def problem(self, where: KeyPath, message: str, *, key: str | None = None) -> None:
        """Write down a problem at `where` (or at its missing `key`), with its line."""
        line = self.lines.find(where)
        prefix = f"{self.label}:{line}: " if line else f"{self.label}: "
        self.found.append((line or 0, prefix + message))
        place = (*where, key) if key else where
        last = str(place[-1]) if place and not isinstance(place[-1], int) else ""
        marker = f"{last}: "
        detail = message.split(marker, 1)[1] if last and marker in message else message
        self.each.append(Problem(field_of(place), message, line or 0, detail))

    def error(self) -> OfferFileError:
        """Return the error listing every problem (in the order of the file's lines)."""
        ordered = tuple(sorted(self.each, key=lambda problem: problem.line))
        return OfferFileError("\n".join(self.problems), ordered)

    @property
    def problems(self) -> list[str]:
        """Return the problems in the order of the file's lines, the first MAX_PROBLEMS."""
        ordered = [message for _, message in sorted(self.found, key=lambda item: item[0])]
        if len(ordered) <= MAX_PROBLEMS:
            return ordered
        rest = len(ordered) - MAX_PROBLEMS
        return [*ordered[:MAX_PROBLEMS], f"{self.label}: …and {rest:,} more problems"]

    # ----- generic checks

    def known_keys(
        self, table: dict[str, Any], known: tuple[str, ...], where: KeyPath, ctx: str
    ) -> None:
        for key in table:
            if key not in known:
                self.problem(
                    (*where, key), f"{ctx}unknown key {_show(key)}{self.suggest(key, known)}"
                )

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
                self.problem(where, f"{ctx}missing required key {key!r} (a text)", key=key)
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
        field: str,
        *,
        expected: str | None = None,
    ) -> float | None:
        """Return `table[key]` as a float when it is in the range RANGES[field] gives."""
        value = table.get(key)
        if value is None:
            return None
        limits = RANGES[field]
        if not limits.accepts(value):
            self.problem(
                (*where, key),
                f"{ctx}{key}: expected {expected or limits.text}, found {_show(value)}",
            )
            return None
        return int(value) if limits.whole else float(value)

    def whole(
        self, table: dict[str, Any], key: str, where: KeyPath, ctx: str, field: str
    ) -> int | None:
        """Return `table[key]` when it is a whole number in the range RANGES[field] gives."""
        value = self.number(table, key, where, ctx, field)
        return None if value is None else int(value)

    def day(self, table: dict[str, Any], key: str, where: KeyPath, ctx: str) -> date | None:
        value = table.get(key)
        if value is None:
            return None
        try:
            return parse_date(value, field=key)
        except InputError as error:
            self.problem((*where, key), f"{ctx}{error}")
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
        if gender is not None and gender not in GENDERS:
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
            hourly_rate=self.number(table, "hourly_rate", where, ctx, "candidate.hourly_rate"),
            greeting_name=self.text(table, "greeting_name", where, ctx),
        )

    def equity(self, raw: object, where: KeyPath, ctx: str) -> Equity | None:
        table = self.table(raw, where, ctx, "equity")
        if table is None:
            return None
        self.known_keys(table, _EQUITY, where, f"{ctx}equity: ")
        value = self.number(table, "value", where, f"{ctx}equity.", "offer.equity.value")
        if "value" not in table:
            self.problem(
                where, f"{ctx}equity: missing 'value' (the whole grant's worth)", key="value"
            )
        years = self.whole(table, "vesting_years", where, f"{ctx}equity.", _VESTING_YEARS)
        cliff = self.whole(table, "cliff_months", where, f"{ctx}equity.", _CLIFF_MONTHS) or 0
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
        limits = RANGES["offer.equity.schedule"]
        items = raw if isinstance(raw, list) else []
        bad = next((i for i, x in enumerate(items) if not limits.accepts(x)), None)
        if not isinstance(raw, list) or not raw:
            found = _show(raw) if raw != [] else "an empty list"
        elif len(items) > 10:
            found = f"{len(items):,} years"
        elif bad is not None:
            found = f"{_show(items[bad])} in year {bad + 1}"
        elif sum(items) > 100.0001:
            found = f"a total of {_show(float(sum(items)))}"
        else:
            return tuple(float(x) for x in items)
        self.problem(where, f"{ctx}equity.schedule: expected {limits.text}, found {found}")
        return None

    def commute(self, raw: object, where: KeyPath, ctx: str) -> Commute | None:
        table = self.table(raw, where, ctx, "commute")
        if table is None:
            return None
        self.known_keys(table, _COMMUTE, where, f"{ctx}commute: ")
        ctx = f"{ctx}commute."
        minutes = self.number(table, "minutes_one_way", where, ctx, "offer.commute.minutes_one_way")
        days = self.number(
            table, "office_days_per_week", where, ctx, "offer.commute.office_days_per_week"
        )
        cost = self.number(table, "cost_per_day", where, ctx, "offer.commute.cost_per_day")
        return Commute(
            minutes_one_way=minutes or 0.0,
            office_days_per_week=5.0 if days is None else days,
            cost_per_day=cost or 0.0,
        )

    def ratings(self, raw: object, where: KeyPath, ctx: str) -> dict[str, float]:
        table = self.table(raw, where, ctx, "ratings") or {}
        ratings: dict[str, float] = {}
        for name in table:
            if name in builtin_criteria() and name not in rated_criteria():
                self.problem(
                    (*where, name),
                    f"{ctx}ratings.{name}: {name} is computed from the offer's figures, not "
                    f"rated; rate {', '.join(rated_criteria())} or a criterion of your own",
                )
                continue
            value = self.number(table, name, where, f"{ctx}ratings.", "offer.ratings.NAME")
            if value is not None:
                ratings[name] = value
        return ratings

    def article(self, table: dict[str, Any], where: KeyPath, ctx: str) -> str | None:
        """Return the offer's `company_article`: an article some language says, or "none"."""
        article = self.text(table, "company_article", where, ctx)
        if article is not None and article.casefold() not in (known := known_articles()):
            self.problem(
                (*where, "company_article"),
                f"{ctx}company_article: expected one of {', '.join(known)} (or leave it out), "
                f"found {_show(article)}{self.suggest(article, known)}",
            )
            return None
        return article

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
                f"{ctx}contact.role: expected one of {', '.join(CONTACT_ROLES)}, "
                f"found {_show(role)}{self.suggest(role, CONTACT_ROLES)}",
            )
        register = self.text(table, "register", where, f"{ctx}contact.")
        if register is not None and register not in (known := known_registers()):
            self.problem(
                (*where, "register"),
                f"{ctx}contact.register: expected one of {', '.join(known)} (or leave it out), "
                f"found {_show(register)}{self.suggest(register, known)}",
            )
            register = None
        if name is None:
            return None
        return Contact(
            name=name,
            honorific=self.text(table, "honorific", where, f"{ctx}contact."),
            title=self.text(table, "title", where, f"{ctx}contact."),
            email=self.text(table, "email", where, f"{ctx}contact."),
            role=role,
            register=register,
            greeting_name=self.text(table, "greeting_name", where, f"{ctx}contact."),
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
            base_salary=self.number(table, "base_salary", where, ctx, "offer.base_salary"),
            bonus_target_pct=self.number(
                table, "bonus_target_pct", where, ctx, "offer.bonus_target_pct"
            ),
            signing_bonus=self.number(table, "signing_bonus", where, ctx, "offer.signing_bonus"),
            equity=self.equity(table.get("equity"), (*where, "equity"), ctx),
            retirement_match_pct=self.number(
                table, "retirement_match_pct", where, ctx, "offer.retirement_match_pct"
            ),
            pto_days=self.number(table, "pto_days", where, ctx, "offer.pto_days"),
            benefits_value=self.number(table, "benefits_value", where, ctx, "offer.benefits_value"),
            commute=self.commute(table.get("commute"), (*where, "commute"), ctx),
            ratings=self.ratings(table.get("ratings"), (*where, "ratings"), ctx),
            liked=self.text(table, "liked", where, ctx),
            company_article=self.article(table, where, ctx),
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
            self.problem(
                ("fx",), "[fx]: missing 'base', the currency offers are compared in", key="base"
            )
        else:
            base = self.currency(table["base"], ("fx", "base"), "[fx] ", "base")
        rates: dict[str, float] = {}
        for key in table:
            if key == "base":
                continue
            self.fx_named.add(key.upper())
            code = self.currency(key, ("fx", key), "[fx] ", f"rate name {_show(key)}")
            rate = self.number(
                table,
                key,
                ("fx",),
                "[fx] ",
                "fx.CODE",
                expected=f"1 {key} in {base or 'base'} as a positive number up to 1,000,000,000",
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
            "settings.working_weeks",
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
            named = offer and offer.currency in self.fx_named  # a bad rate: reported already
            if offer and offer.currency and offer.currency != base and not named:
                self.problem(
                    ("offer", index, "currency"),
                    f"offer {offer.id!r}: currency {offer.currency}: expected a rate for it in "
                    f"[fx] (1 {offer.currency} = rate × {base}), found none",
                )


def _toml(text: str, label: str, lines: KeyLines) -> dict[str, Any]:
    """Parse TOML; InputError naming the file and line on any fault of the text."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        where = f"{label}:{position.group(1)}" if position else label
        detail = _TOML_POSITION.sub("", message).strip()
        column = f" (column {position.group(2)})" if position else ""
        raise InputError(f"{where}: not valid TOML: {detail}{column}") from None
    except RecursionError:  # nesting MAX_NESTING lets through, on a very deep call stack
        raise InputError(f"{label}: values nested too deeply for this reader") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        line = f":{lines.longest_word_line}" if lines.longest_word_line else ""
        raise InputError(
            f"{label}{line}: expected a number in the ranges docs/compare.md lists (money at "
            f"most 1,000,000,000), found one of about {lines.longest_word:,} digits"
        ) from None


def reader(label: str) -> Reader:
    """Return a reader of offer-file values that come with no text (no lines to point at).

    Call its `candidate`, `offer`, `fx`, `settings` (and `read_priorities` with it); it
    collects the problems in `problems` instead of raising, each prefixed with `label`,
    which the caller may change between values.
    """
    return Reader(label, KeyLines(""))


def parse_offers(text: str, path: str | Path = "<offers>") -> OfferSet:
    """Parse and validate offer-file text; raise one InputError listing every problem."""
    if not isinstance(text, str):
        raise InputError(f"text: expected the offer file as a str, found {type(text).__name__}")
    if not isinstance(path, str | PathLike):
        raise InputError(f"path: expected a file name (str or Path), found {type(path).__name__}")
    label = str(path)
    lines = KeyLines(text)  # one linear pass, before tomllib can recurse into deep nesting
    if lines.too_deep is not None:
        raise InputError(
            f"{label}:{lines.too_deep}: values nested too deeply: expected at most "
            f"{MAX_NESTING} levels of [ ] and {{ }} (an offer file needs 2), found more"
        )
    data = _toml(text, label, lines)
    reader = Reader(label, lines)
    for key in data:
        if key not in _TABLES:
            reader.problem(
                (key,),
                f"unknown table or key {_show(key)} at the top level{reader.suggest(key, _TABLES)}",
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
        raise reader.error()
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
    from decline.reading import read_bytes

    if not isinstance(path, str | PathLike):
        raise InputError(f"path: expected a file name (str or Path), found {type(path).__name__}")
    if "\0" in str(path):
        raise InputError(f"{str(path)!r}: expected a file name, found one with a NUL character")
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{file}: expected an offer file, found a directory")
    if not file.exists() and not file.is_symlink():
        raise InputError(f"{file}: no such offer file (try `decline init {file}`)")
    data = read_bytes(file, MAX_OFFER_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{file}: expected UTF-8 text, found byte 0x{data[error.start]:02x} at position "
            f"{error.start} ({error.reason})"
        ) from None
    return parse_offers(text, file)


_TEXTS = {  # (required, optional) text fields of the models a caller may build by hand
    Candidate: (
        ("name", "lang"),
        ("email", "phone", "linkedin", "city", "address", "greeting_name"),
    ),
    Offer: (
        ("id", "company", "role"),
        ("location", "address", "currency", "liked", "company_article"),
    ),
    Contact: (("name", "role"), ("honorific", "title", "email", "register", "greeting_name")),
}


class _Values:
    """Checks values a caller built in Python: types, and every number against RANGES."""

    def __init__(self, argument: str) -> None:
        self.argument = argument
        self.problems: list[str] = []

    def say(self, where: str, expected: str, value: object) -> None:
        self.problems.append(f"{self.argument}: {where}: expected {expected}, found {_show(value)}")

    def model(self, value: object, model: type, where: str) -> bool:
        if isinstance(value, model):
            required, optional = _TEXTS.get(model, ((), ()))
            for name in (*required, *optional):
                text = getattr(value, name)
                if not isinstance(text, str) and (text is not None or name in required):
                    self.say(f"{where}.{name}", "a text (str)", text)
            return True
        self.problems.append(
            f"{self.argument}: {where}: expected decline.offers.{model.__name__}, "
            f"found {type(value).__name__}"
        )
        return False

    def number(self, field: str, value: object, where: str, *, optional: bool = True) -> None:
        if value is None and optional:
            return
        if not RANGES[field].accepts(value):
            self.say(where, RANGES[field].text, value)

    def table(self, field: str, values: object, where: str) -> None:
        if not isinstance(values, dict):
            self.say(where, "a dict", values)
            return
        for name, value in values.items():
            if not isinstance(name, str | tuple):
                self.say(where, "names as text (str)", name)
            self.number(field, value, f"{where}[{name!r:.40}]", optional=False)

    def offer(self, offer: object, where: str) -> None:
        if not self.model(offer, Offer, where):
            return
        assert isinstance(offer, Offer)
        for key in ("base_salary", "bonus_target_pct", "signing_bonus", "retirement_match_pct"):
            self.number(f"offer.{key}", getattr(offer, key), f"{where}.{key}")
        self.number("offer.pto_days", offer.pto_days, f"{where}.pto_days")
        self.number("offer.benefits_value", offer.benefits_value, f"{where}.benefits_value")
        for key in ("received", "deadline"):
            day = getattr(offer, key)
            if day is not None and (not isinstance(day, date) or isinstance(day, datetime)):
                self.say(f"{where}.{key}", "a datetime.date or None", day)
        if offer.equity is not None and self.model(offer.equity, Equity, f"{where}.equity"):
            equity = offer.equity
            self.number("offer.equity.value", equity.value, f"{where}.equity.value", optional=False)
            self.number(
                "offer.equity.vesting_years", equity.vesting_years, f"{where}.equity.vesting_years"
            )
            self.number(
                "offer.equity.cliff_months", equity.cliff_months, f"{where}.equity.cliff_months"
            )
            if equity.schedule is not None:
                for year, share in enumerate(tuple(equity.schedule)):
                    self.number("offer.equity.schedule", share, f"{where}.equity.schedule[{year}]")
        if offer.commute is not None and self.model(offer.commute, Commute, f"{where}.commute"):
            for key in ("minutes_one_way", "office_days_per_week", "cost_per_day"):
                field = f"offer.commute.{key}"
                self.number(field, getattr(offer.commute, key), f"{where}.commute.{key}")
        self.table("offer.ratings.NAME", offer.ratings, f"{where}.ratings")
        for index, contact in enumerate(tuple(offer.contacts)):
            self.model(contact, Contact, f"{where}.contacts[{index}]")


def check_offer_set(offer_set: object, argument: str = "offer_set") -> None:
    """Check an OfferSet a caller built in Python: every value typed, every number in RANGES.

    A file is checked as it is read; this is for values built by hand (or changed with
    dataclasses.replace), so nothing non-finite or wrongly typed reaches the evaluation.
    """
    if not isinstance(offer_set, OfferSet):
        raise InputError(
            f"{argument}: expected an OfferSet (from decline.load_offers), "
            f"found {type(offer_set).__name__}"
        )
    values = _Values(argument)
    if values.model(offer_set.candidate, Candidate, "candidate"):
        values.number(
            "candidate.hourly_rate", offer_set.candidate.hourly_rate, "candidate.hourly_rate"
        )
    if not isinstance(offer_set.offers, tuple | list):
        values.say("offers", "a tuple of Offer", offer_set.offers)
    else:
        for index, offer in enumerate(offer_set.offers):
            values.offer(offer, f"offers[{index}]")
    priorities = offer_set.priorities
    if values.model(priorities, Priorities, "priorities"):
        values.table("priorities.NAME", priorities.weights, "priorities.weights")
        values.table("priorities.pairwise.PAIR", priorities.pairwise, "priorities.pairwise")
    values.table("fx.CODE", offer_set.fx_rates, "fx_rates")
    values.number(
        "settings.working_weeks", offer_set.working_weeks, "working_weeks", optional=False
    )
    if values.problems:
        problems = values.problems
        if len(problems) > MAX_PROBLEMS:
            problems = [
                *problems[:MAX_PROBLEMS],
                f"{argument}: …and {len(problems) - MAX_PROBLEMS:,} more problems",
            ]
        raise InputError("\n".join(problems))


def check_offer_and_candidate(offer: object, candidate: object) -> None:
    """Check an Offer and a Candidate a caller passes, as `check_offer_set` does."""
    values = _Values("compose")
    values.offer(offer, "offer")
    if values.model(candidate, Candidate, "candidate"):
        assert isinstance(candidate, Candidate)
        values.number("candidate.hourly_rate", candidate.hourly_rate, "candidate.hourly_rate")
    if values.problems:
        raise InputError("\n".join(values.problems[:MAX_PROBLEMS]))
