"""Check a workspace export whole, before anything is imported ("nothing lost").

An import replaces every table, so an export that lacks a table, or holds a value that
would make `status`, `followups` or `send` fail later, must be refused before the
workspace is touched. Every problem is listed with its table, row, column, what was
expected and what was found. The columns come from the schema itself (an in-memory
database with every migration applied); what the offer file allows is checked by the
offer file's own reader, so the two cannot drift apart.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from decline.errors import InputError
from decline.errors import show as _show
from decline.workspace.schema import MIGRATIONS, TABLES

MAX_LISTED = 20  # problems shown; the rest are counted
_OFFER_ID = re.compile(r"[a-z0-9-]+")
_META_KEYS = ("fx_base", "fx_rates", "working_weeks")
_JSON_COLUMNS = {("offers", "equity"), ("offers", "commute"), ("offers", "ratings")}
_TIMESTAMPS = {
    ("offers", "added_at"),
    ("offers", "updated_at"),
    ("decisions", "decided_at"),
    ("letters", "created_at"),
    ("letters", "updated_at"),
    ("letters", "prepared_at"),
    ("letters", "sending_at"),
    ("letters", "sent_at"),
    ("followups", "done_at"),
    ("followups", "created_at"),
}
# (table, column) -> the table and column it refers to
_REFERENCES = {
    ("contacts", "offer_id"): ("offers", "id"),
    ("decisions", "offer_id"): ("offers", "id"),
    ("letters", "offer_id"): ("offers", "id"),
    ("followups", "offer_id"): ("offers", "id"),
    ("followups", "letter_id"): ("letters", "id"),
    ("followups", "contact_id"): ("contacts", "id"),
}
# table -> the column sets that must be unique (primary keys included)
_UNIQUE = {
    "candidate": (("id",),),
    "priorities": (("kind", "criterion"),),
    "meta": (("key",),),
    "offers": (("id",),),
    "contacts": (("id",), ("offer_id", "name")),
    "decisions": (("offer_id",),),
    "letters": (("id",),),
    "followups": (("id",), ("offer_id", "kind")),
}

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Column:
    """One column of the current schema, as the import must fill it."""

    name: str
    kind: str  # INTEGER, REAL, TEXT or BLOB
    required: bool  # NOT NULL without a default


@cache
def schema_columns() -> dict[str, dict[str, Column]]:
    """Return every table's columns after all migrations, read from SQLite itself."""
    connection = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            for statement in migration.statements:
                connection.execute(statement)
        columns: dict[str, dict[str, Column]] = {}
        for table in TABLES:
            rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
            columns[table] = {
                name: Column(name, kind.upper(), bool(notnull) and default is None)
                for _, name, kind, notnull, default, _ in rows
            }
        return columns
    finally:
        connection.close()


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []

    def add(self, where: str, expected: str, found: object) -> None:
        self.lines.append(f"{where}: expected {expected}, found {_show(found)}")

    def note(self, line: str) -> None:
        self.lines.append(line)

    def raise_if_any(self) -> None:
        if not self.lines:
            return
        count = len(self.lines)
        shown = self.lines[:MAX_LISTED]
        more = [f"… and {count - MAX_LISTED} more"] if count > MAX_LISTED else []
        head = (
            f"{self.source}: not imported, the workspace is unchanged — "
            f"{count} problem{'s' if count != 1 else ''}:"
        )
        raise InputError("\n".join([head, *(f"  {line}" for line in [*shown, *more])]))


def _where(table: str, number: int, column: str | None = None) -> str:
    return f"{table} row {number}" + (f", column {column}" if column else "")


def _timestamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _json_object(value: str) -> bool:
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False


@cache
def _choices() -> dict[tuple[str, str], tuple[object, ...]]:
    from decline.offers import CONTACT_ROLES
    from decline.settings import CHANNELS, TONES
    from decline.workspace.followups import SCHEDULE
    from decline.workspace.letters import STATES, VIAS
    from decline.writer.composer import REASONS
    from decline.writer.phrasebook import languages

    return {
        ("priorities", "kind"): ("weight", "pairwise"),
        ("meta", "key"): _META_KEYS,
        ("contacts", "role"): CONTACT_ROLES,
        ("decisions", "decision"): ("accept", "decline"),
        ("letters", "state"): STATES,
        ("letters", "via"): VIAS,
        ("letters", "channel"): CHANNELS,
        ("letters", "tone"): TONES,
        ("letters", "reason"): tuple(REASONS),
        ("letters", "lang"): languages(),
        ("letters", "ready"): (0, 1),
        ("letters", "graceful"): (0, 1),
        ("followups", "kind"): tuple(SCHEDULE),
        ("followups", "lang"): languages(),
    }


Check = Callable[[Any], bool]

_FORMS: dict[tuple[str, str], tuple[str, Check]] = {
    ("candidate", "id"): ("1 (there is one candidate)", lambda v: v == 1),
    ("offers", "id"): (
        "an id of lowercase letters, digits and '-'",
        lambda v: bool(_OFFER_ID.fullmatch(v)),
    ),
    ("contacts", "position"): ("a whole number ≥ 0", lambda v: v >= 0),
    ("letters", "score"): ("a score from 0 to 100", lambda v: 0 <= v <= 100),
    ("letters", "review"): ("a JSON object (the review report)", _json_object),
    ("offers", "received"): ("a date such as 2026-11-18", _day),
    ("offers", "deadline"): ("a date such as 2026-11-27", _day),
    ("followups", "due"): ("a date such as 2026-11-27", _day),
    **dict.fromkeys(_JSON_COLUMNS, ("a JSON object", _json_object)),
    **dict.fromkeys(_TIMESTAMPS, ("a date and time such as 2026-11-24T09:30:00+00:00", _timestamp)),
}
_ROW_IDS = {("contacts", "id"), ("letters", "id"), ("followups", "id")}


def _typed(column: Column, value: object) -> tuple[bool, str]:
    """Say whether the value has the column's storage type, and what was expected."""
    if column.kind == "INTEGER":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return ok, "a whole number"
    if column.kind == "REAL":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return ok and math.isfinite(float(value)), "a number"  # type: ignore[arg-type]
    if column.kind == "BLOB":
        return isinstance(value, str), "base64 text (the bytes of the message)"
    return isinstance(value, str), "a text"


def check_export(data: dict[str, Any], source: str) -> Rows:
    """Return the export's rows ready to insert; InputError listing every problem otherwise."""
    problems = _Problems(source)
    _check_migrations(data.get("migrations"), problems)
    tables = data["tables"]
    schema = schema_columns()
    for name in tables:
        if name not in schema:
            problems.note(f"tables: unknown table {name!r} (expected only {', '.join(TABLES)})")
    rows: Rows = {}
    for table in TABLES:
        if table not in tables:
            problems.note(
                f"tables: missing table {table!r} (an export holds every table, even empty "
                "ones: export again with `decline export`)"
            )
            continue
        raw = tables[table]
        if not isinstance(raw, list):
            problems.add(f"tables.{table}", "a list of rows", raw)
            continue
        rows[table] = _check_rows(table, raw, schema[table], problems)
    if not problems.lines:
        _check_keys(rows, problems)
        _check_meaning(rows, source, problems)
    if not problems.lines:
        _try_in_memory(rows, problems)
    problems.raise_if_any()
    return rows


def _check_migrations(raw: object, problems: _Problems) -> None:
    known = {migration.name for migration in MIGRATIONS}
    if not isinstance(raw, list) or not all(isinstance(name, str) for name in raw):
        problems.add("migrations", "the list of schema migrations the export was made with", raw)
        return
    newer = [name for name in raw if name not in known]
    if newer:
        problems.note(
            f"migrations: {newer[-1]!r} is unknown here: the export was made by a newer "
            "version of decline; upgrade decline to import it"
        )


def _check_rows(
    table: str, raw: list[Any], columns: dict[str, Column], problems: _Problems
) -> list[dict[str, Any]]:
    choices = _choices()
    checked: list[dict[str, Any]] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict):
            problems.add(_where(table, number), "a table of column values", row)
            continue
        values: dict[str, Any] = {}
        for column in row:
            if column not in columns:
                problems.note(
                    f"{_where(table, number, column)}: unknown column (expected one of "
                    f"{', '.join(columns)})"
                )
        for name, column in columns.items():
            value = row.get(name)
            where = _where(table, number, name)
            if value is None:
                required = column.required or (table, name) in _ROW_IDS
                if required:
                    problems.add(where, f"a value ({_typed(column, '')[1]})", value)
                continue
            ok, expected = _typed(column, value)
            if not ok:
                problems.add(where, expected, value)
                continue
            if column.kind == "BLOB":
                try:
                    value = base64.b64decode(value, validate=True)
                except (binascii.Error, ValueError):
                    problems.add(where, "base64 text (the bytes of the message)", row[name])
                    continue
            allowed = choices.get((table, name))
            if allowed is not None and value not in allowed:
                problems.add(where, f"one of {', '.join(map(str, allowed))}", value)
                continue
            form = _FORMS.get((table, name))
            if form is not None and not form[1](value):
                problems.add(where, form[0], value)
                continue
            if (table, name) in _ROW_IDS and isinstance(value, int) and value < 1:
                problems.add(where, "a row id ≥ 1", value)
                continue
            values[name] = value
        checked.append(values)
    return checked


def _check_keys(rows: Rows, problems: _Problems) -> None:
    """Check that keys are unique and that every reference points at a row that exists."""
    for table, keys in _UNIQUE.items():
        for key in keys:
            seen: dict[tuple[Any, ...], int] = {}
            for number, row in enumerate(rows[table], start=1):
                if any(row.get(column) is None for column in key):
                    continue
                value = tuple(row[column] for column in key)
                if value in seen:
                    problems.note(
                        f"{_where(table, number, ', '.join(key))}: expected a unique value, "
                        f"found {_show(value[0] if len(value) == 1 else value)} again "
                        f"(row {seen[value]} has it too)"
                    )
                else:
                    seen[value] = number
    for (table, column), (target, target_column) in _REFERENCES.items():
        present = {row.get(target_column) for row in rows[target]}
        for number, row in enumerate(rows[table], start=1):
            reference = row.get(column)
            if reference is not None and reference not in present:
                problems.note(
                    f"{_where(table, number, column)}: expected the {target_column} of a row "
                    f"in {target}, found {_show(reference)}, which no row in {target} has"
                )


def _check_meaning(rows: Rows, source: str, problems: _Problems) -> None:
    """Check what the offer file allows with the offer file's own reader."""
    from decline.offers import CONTACT_FIELDS
    from decline.offers.parsing import reader as offer_reader
    from decline.offers.priorities import read_priorities

    reader = offer_reader(source)
    if rows["offers"] and not rows["candidate"]:
        problems.note(
            "candidate: expected one row (who is declining) since the export holds offers, "
            "found none"
        )
    for number, row in enumerate(rows["candidate"], start=1):
        reader.label = f"{source}: candidate row {number}"
        reader.candidate({k: v for k, v in row.items() if k != "id"})
    contacts: dict[str, list[dict[str, Any]]] = {}
    for row in rows["contacts"]:
        contacts.setdefault(row["offer_id"], []).append(
            {k: row[k] for k in CONTACT_FIELDS if row.get(k) is not None}
        )
    rated: set[str] = set()
    for index, row in enumerate(rows["offers"]):
        reader.label = f"{source}: offers row {index + 1}"
        table = {
            k: (_file_form(json.loads(v)) if ("offers", k) in _JSON_COLUMNS else v)
            for k, v in row.items()
            if v is not None and k not in ("added_at", "updated_at")
        }
        table["contact"] = contacts.get(row["id"], [])
        offer = reader.offer(table, index)
        if offer is not None:
            rated.update(offer.ratings)
    meta = {row["key"]: row["value"] for row in rows["meta"]}
    decoded: dict[str, Any] = {}
    for key, value in meta.items():
        try:
            decoded[key] = json.loads(value)
        except ValueError:
            problems.add(f"meta row {key!r}, column value", "JSON text", value)
    reader.label = f"{source}: meta"
    base, rates = decoded.get("fx_base"), decoded.get("fx_rates")
    if base is not None or rates:
        if not isinstance(rates, dict):
            problems.add("meta row 'fx_rates', column value", "a JSON object of rates", rates)
        else:
            reader.fx({"base": base, **rates} if base is not None else dict(rates))
    if "working_weeks" in decoded:
        reader.settings({"working_weeks": decoded["working_weeks"]})
    reader.label = f"{source}: priorities"
    weights = {r["criterion"]: r["value"] for r in rows["priorities"] if r["kind"] == "weight"}
    pairwise = {r["criterion"]: r["value"] for r in rows["priorities"] if r["kind"] == "pairwise"}
    if weights or pairwise:
        read_priorities(reader, {**weights, **({"pairwise": pairwise} if pairwise else {})}, rated)
    for line in reader.problems:
        problems.note(line.removeprefix(f"{source}: "))


def _file_form(stored: dict[str, Any]) -> dict[str, Any]:
    """Return a stored equity, commute or ratings object as the offer file writes it."""
    table = {key: value for key, value in stored.items() if value is not None}
    if "schedule" in table and table.get("cliff_months") == 0:
        del table["cliff_months"]  # the default that goes with a schedule, not a choice
    return table


def _try_in_memory(rows: Rows, problems: _Problems) -> None:
    """Insert everything into an empty in-memory workspace: SQLite's own constraints last."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        for migration in MIGRATIONS:
            for statement in migration.statements:
                connection.execute(statement)
        for table in TABLES:
            for number, row in enumerate(rows[table], start=1):
                try:
                    insert(connection, table, row)
                except sqlite3.Error as error:
                    problems.note(f"{_where(table, number)}: refused by the database ({error})")
    finally:
        connection.close()


def insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    """Insert one checked row."""
    connection.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )
