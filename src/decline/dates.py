"""Dates a person types: one parser and one message for every face.

The offer file, the CLI's date options (`--date`, `--today`, `--received` …), the HTTP
API and the web forms all read a person's date here, so each says the same thing about a
bad one. Dates the program stored itself (the workspace database) are read with
`date.fromisoformat` where they are loaded; they are not a person's input.
"""

from __future__ import annotations

from datetime import date, datetime

from decline.cache import compile as compile_pattern
from decline.errors import InputError, show

EXAMPLE = "2026-11-25"
_ISO_DAY = compile_pattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(value: object, *, field: str) -> date:
    """Return the date `value` names as YYYY-MM-DD (a `date` passes through).

    Raise `InputError(..., field=field)` otherwise, with one sentence naming the field, what
    was expected and what was found. Spaces around the text are ignored; other ISO forms
    Python would take (`20261125`, `2026-W48-3`) are refused, as the message promises.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass  # a day that does not exist, such as 2026-02-30
    raise InputError(date_problem(value, field=field), field=field)


def parse_optional_date(value: str | None, *, field: str) -> date | None:
    """Return None for a missing value (None or empty text), else `parse_date`."""
    if value is None or value == "":
        return None
    return parse_date(value, field=field)


def date_problem(value: object, *, field: str) -> str:
    """Return the one sentence every face says about a bad date."""
    return f"{field}: expected a date as YYYY-MM-DD, such as {EXAMPLE}, found {show(value)}"
