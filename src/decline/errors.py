"""Errors the public API raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: one clear sentence saying where and what.

    Every face turns it into exit code 2 (CLI) or a 4xx answer (web), never a traceback.
    `field` names the input the sentence is about (an offer-file key such as
    ``salary.base``, a form field, an option) when there is one, so a face can show the
    message beside that field without reading the sentence; it is ``None`` otherwise.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(InputError):
    """The input names something the workspace does not hold (an offer id, a letter id).

    A CLI exits 2 as for any bad input; the web answers 404.
    """


SHOWN = 60  # characters of a found text or number shown in a message


def show(value: object) -> str:
    """Say what was found, briefly: a huge number or a long text is cut, never printed whole."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = repr(value)
        return (
            shown if len(shown) <= SHOWN else f"{shown[: SHOWN - 2]}… ({len(value):,} characters)"
        )
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, int) and abs(value) >= 10**15:
        digits = str(abs(value))  # tomllib refuses more than 4,300 digits, str() takes them
        sign = "-" if value < 0 else ""
        return f"{sign}{digits[:3]}… (a whole number of {len(digits):,} digits)"
    return str(value)
