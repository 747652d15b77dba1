"""Check the arguments a Python caller passes to the public API, one way everywhere.

`decline.review`, `decline.compose`, `decline.compare`, `decline.fix` and `decline.repair.fix`
take values from code, not from a person; a value of the wrong type is an `InputError`
naming the argument (its `field`), what was expected and what was found, never a
`TypeError` from deep inside.
"""

from __future__ import annotations

from decline.errors import InputError


def found(value: object) -> str:
    """Say what a caller passed: its type and (cut to 60 characters) its value."""
    return "None" if value is None else f"{type(value).__name__} {value!r:.60}"


def refuse(argument: str, expected: str, value: object) -> InputError:
    """Return the InputError saying `argument` expected `expected` and found `value`."""
    return InputError(f"{argument}: expected {expected}, found {found(value)}", field=argument)


def text(argument: str, value: object, *, optional: bool = False, blank: bool = True) -> None:
    """Check a str (or None when `optional`; not only spaces unless `blank`)."""
    if optional and value is None:
        return
    if isinstance(value, str) and (blank or value.strip()):
        return
    kind = "a str" if blank else "a non-empty text (str)"
    raise refuse(argument, f"{kind} or None" if optional else kind, value)


def flag(argument: str, value: object) -> None:
    """Check True or False."""
    if not isinstance(value, bool):
        raise refuse(argument, "True or False", value)


def whole(argument: str, value: object) -> None:
    """Check a whole number (an int, not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(argument, "a whole number (int)", value)


def day(argument: str, value: object) -> None:
    """Check a `datetime.date` (not a datetime) or None."""
    from datetime import date, datetime  # when first needed: `import decline` stays quick

    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return
    raise refuse(argument, "a datetime.date or None", value)


def codes(value: object, argument: str = "ignore") -> tuple[str, ...]:
    """Return rule codes given as an iterable of str (a lone str is refused: say ['D402'])."""
    from collections.abc import Iterable

    if isinstance(value, str) or not isinstance(value, Iterable):
        raise refuse(argument, "a list of rule codes such as ['D402']", value)
    listed = tuple(value)
    for code in listed:
        if not isinstance(code, str):
            raise refuse(argument, "rule codes as str such as 'D402'", code)
    return listed
