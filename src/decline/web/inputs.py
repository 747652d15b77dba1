"""Read request input once, at the edge: JSON bodies, form fields, dates, numbers.

Anything malformed becomes an `ApiError` (the one error shape), never a traceback.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request

from decline.web.errors import ApiError


async def json_object(request: Request) -> dict[str, Any]:
    """Return the body as a JSON object; 415 for another media type, 400 when malformed."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise ApiError(
            415, f"expected a JSON body (Content-Type: application/json), found {media!r}"
        )
    raw = await request.body()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "malformed JSON: the body is not UTF-8") from None
    except json.JSONDecodeError as error:
        raise ApiError(400, f"malformed JSON: {error.msg} at line {error.lineno}") from None
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
            raise ApiError(422, f"{key}: missing (expected text)")
        return None
    if not isinstance(value, str):
        raise ApiError(422, f"{key}: expected text, found {type(value).__name__}")
    return value


def whole(data: dict[str, Any], key: str, default: int, low: int, high: int) -> int:
    """Return a whole-number field within bounds (JSON numbers or digit strings)."""
    value = data.get(key, default)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ApiError(422, f"{key}: expected a whole number from {low} to {high}, found {value!r}")
    return value


def day(data: dict[str, Any], key: str) -> date | None:
    """Return a date field (YYYY-MM-DD) or None."""
    value = data.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ApiError(422, f"{key}: expected a date such as 2026-11-20, found {value!r}")


def text_list(data: dict[str, Any], key: str) -> list[str]:
    """Return a list of texts (a JSON list, or one comma-separated text)."""
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ApiError(422, f"{key}: expected a list of texts, found {value!r}")


def numbers(data: dict[str, Any], key: str) -> dict[str, float]:
    """Return an object of names to non-negative numbers (e.g. priority weights)."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ApiError(422, f"{key}: expected an object of names to numbers")
    result: dict[str, float] = {}
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or number < 0:
            raise ApiError(422, f"{key}.{name}: expected a number ≥ 0, found {number!r}")
        result[str(name)] = float(number)
    return result
