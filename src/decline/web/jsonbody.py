"""Parse a JSON body within bounds, so no input can turn into a 500 or a slow answer.

`json.loads` alone accepts what later breaks: nesting deep enough to exhaust the stack, a
number of thousands of digits (Python refuses to convert it past 4,300), `NaN` and
`Infinity`, and lone UTF-16 surrogates (`"\\ud800"`), which are not Unicode text and cannot
be written back out as UTF-8. Each is refused here with one sentence: 400 for a body that
is not sensible JSON, 422 naming the field for a text that is not valid Unicode.
"""

from __future__ import annotations

import json
from typing import Any

from decline.web.errors import ApiError

MAX_DEPTH = 32  # levels of objects and arrays: our requests need three
MAX_NUMBER = 40  # characters in one number literal


def loads(raw: bytes) -> Any:
    """Return the JSON value of `raw`, refusing anything beyond the bounds above."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"malformed JSON: the body is not UTF-8 (byte {error.start})") from None
    try:
        value = json.loads(text, parse_int=_whole, parse_float=_decimal, parse_constant=_constant)
    except RecursionError:
        raise ApiError(400, _too_deep()) from None
    except json.JSONDecodeError as error:
        raise ApiError(
            400, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    _check(value)
    return value


def _too_deep() -> str:
    return f"JSON nested too deeply: at most {MAX_DEPTH} levels of objects and arrays"


def _number_check(literal: str) -> None:
    if len(literal) > MAX_NUMBER:
        raise ApiError(
            400,
            f"a JSON number of {len(literal):,} characters ({literal[:12]}…); "
            f"numbers may have at most {MAX_NUMBER}",
        )


def _whole(literal: str) -> int:
    _number_check(literal)
    return int(literal)


def _decimal(literal: str) -> float:
    _number_check(literal)
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise ApiError(400, f"the JSON number {literal} is too large")
    return number


def _constant(literal: str) -> Any:
    raise ApiError(400, f"{literal} is not a JSON number; send a finite number")


def _check(value: Any) -> None:
    """Refuse nesting past MAX_DEPTH and texts that are not Unicode (iteratively)."""
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            _unicode(item, path)
            continue
        if not isinstance(item, dict | list):
            continue
        if depth >= MAX_DEPTH:
            raise ApiError(400, _too_deep())
        if isinstance(item, dict):
            for key, inner in item.items():
                shown = key.encode("utf-8", "backslashreplace").decode("utf-8")
                where = f"{path}.{shown}" if path else shown
                _unicode(key, where)
                stack.append((inner, where, depth + 1))
        else:
            stack.extend((inner, f"{path}[{i}]", depth + 1) for i, inner in enumerate(item))


def _unicode(text: str, field: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        found = f"\\u{ord(text[error.start]):04x}"
        name = field or "the body"
        raise ApiError(
            422,
            f"{name}: a lone UTF-16 surrogate ({found}) at character {error.start} is not "
            "Unicode text; send the whole character or remove it",
            field=field or None,
        ) from None
