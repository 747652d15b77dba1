"""Read request input once, at the edge: JSON bodies, form fields, dates, numbers.

Anything malformed becomes an `ApiError` (the one error shape), never a traceback.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request

from decline.dates import parse_date
from decline.errors import InputError
from decline.web.errors import ApiError


async def json_object(request: Request) -> dict[str, Any]:
    """Return the body as a JSON object; 415 for another media type, 400 when malformed."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise ApiError(
            415, f"expected a JSON body (Content-Type: application/json), found {media!r}"
        )
    from decline.web import jsonbody

    data = jsonbody.loads(await request.body())  # bounded: depth, numbers, valid Unicode
    if not isinstance(data, dict):
        raise ApiError(400, f"expected a JSON object, found {type(data).__name__}")
    return data


async def form(request: Request) -> FormData:
    """Return the submitted form; 400 when it cannot be parsed."""
    try:
        return await request.form(max_files=2, max_fields=200)
    except Exception as error:  # multipart and urlencoded parsers raise several kinds
        raise ApiError(400, f"malformed form data ({type(error).__name__})") from None


def text(data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    """Return a text field; 422 when it is not text, or missing but required."""
    value = data.get(key)
    if value is None:
        if required:
            raise ApiError(422, f"{key}: missing (expected text)", field=key)
        return None
    if not isinstance(value, str):
        raise ApiError(422, f"{key}: expected text, found {type(value).__name__}", field=key)
    return value


def whole(data: dict[str, Any], key: str, default: int, low: int, high: int) -> int:
    """Return a whole-number field within bounds (JSON numbers or digit strings)."""
    value = data.get(key, default)
    digits = value.strip() if isinstance(value, str) else ""
    if digits.isascii() and digits.isdigit() and len(digits) <= len(str(high)):
        value = int(digits)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:30]}… (too long)"
        raise ApiError(
            422, f"{key}: expected a whole number from {low} to {high}, found {shown}", field=key
        )
    return value


def day(data: dict[str, Any], key: str) -> date | None:
    """Return a date field (YYYY-MM-DD) or None."""
    value = data.get(key)
    if value in (None, ""):
        return None
    try:
        return parse_date(value, field=key)
    except InputError as error:
        raise ApiError(422, str(error), field=key) from None


def text_list(data: dict[str, Any], key: str) -> list[str]:
    """Return a list of texts (a JSON list, or one comma-separated text)."""
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ApiError(422, f"{key}: expected a list of texts, found {value!r}", field=key)


def numbers(data: dict[str, Any], key: str) -> dict[str, float]:
    """Return an object of names to non-negative numbers (e.g. priority weights)."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ApiError(422, f"{key}: expected an object of names to numbers", field=key)
    result: dict[str, float] = {}
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or number < 0:
            raise ApiError(422, f"{key}.{name}: expected a number ≥ 0, found {number!r}", field=key)
        result[str(name)] = float(number)
    return result


SPACES = " \u00a0\u202f\u2009"  # space, no-break, narrow no-break, thin: group separators
_MARKS = ".,"


class NumberError(ValueError):
    """A form field's text is not a number, or its separators could be read two ways.

    `reason` is ``"not_a_number"`` or ``"ambiguous"``; for an ambiguous text, `readings`
    holds the two numbers it could mean (the page says both, in its own notation).
    """

    def __init__(self, reason: str, readings: tuple[Decimal, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.readings = readings


def babel_locale(lang: str) -> str:
    """Return `lang` when Babel knows it (its number marks), else English's."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return "en"
    return lang


def localized_number(raw: str, locale: str) -> Decimal:
    """Read a number typed in a form in the page's locale (Babel's marks for it).

    Spaces (also no-break and narrow no-break ones) group digits. With both "," and ".",
    the last one is the decimal mark. A mark that appears more than once groups digits.
    A single mark followed by one, two or four or more digits is the decimal mark (so
    "72,5" and "72.5" are 72.5 anywhere). A single mark followed by exactly three digits
    is read as grouping when it is the locale's group mark ("72,000" in English, "72.000"
    in Italian) or when the three digits are "000" (nobody writes three zero decimals, so
    "72.000" in English and "72,000" in Italian are 72000 too). Otherwise it could be
    either ("1,234" in Italian: 1.234 or 1234), and NumberError("ambiguous") asks again —
    never a silent guess, never a salary divided by 1,000.
    """
    from babel.numbers import get_group_symbol

    text = raw.strip()
    sign = ""
    if text[:1] in ("-", "\u2212"):
        sign, text = "-", text[1:].strip()
    if (
        not text
        or not text[0].isdigit()
        or any(c not in "0123456789" + _MARKS + SPACES for c in text)
    ):
        raise NumberError("not_a_number")
    marks = [c for c in text if c in _MARKS]
    decimal = _decimal_mark(text, marks, get_group_symbol(locale))
    whole, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    groups = _split_groups(whole)
    grouped = len(groups) > 1
    if (
        any(not g.isdigit() for g in groups)
        or (decimal and decimal in whole)
        or (grouped and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])))
        or (decimal and not fraction.isdigit())
    ):
        raise NumberError("not_a_number")
    return Decimal(sign + "".join(groups) + (f".{fraction}" if decimal else ""))


def _split_groups(whole: str) -> list[str]:
    parts = [whole]
    for separator in _MARKS + SPACES:
        parts = [piece for part in parts for piece in part.split(separator)]
    return parts


def _decimal_mark(text: str, marks: list[str], group_mark: str) -> str | None:
    """Return the decimal mark `text` uses, None when it has none; NumberError if unsure."""
    if not marks:
        return None
    if len(set(marks)) == 2:
        return marks[-1]
    mark = marks[0]
    if len(marks) > 1:
        return None
    head, _, tail = text.partition(mark)
    head_digits = head
    for space in SPACES:
        head_digits = head_digits.replace(space, "")
    if len(tail) != 3 or not tail.isdigit():
        return mark
    if len(head_digits) > 3 and head_digits == head:  # "72000,500": no grouping before it
        return mark
    if head_digits != head:  # "72 000,500": spaces group the digits, so the mark is decimal
        return mark
    if mark == group_mark or tail == "000":
        return None
    grouping = Decimal(head_digits + tail)
    decimals = Decimal(f"{head_digits}.{tail}")
    raise NumberError("ambiguous", (decimals, grouping))
