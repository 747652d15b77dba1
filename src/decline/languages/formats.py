"""Numbers, money, shares and long dates in a locale's own way, without loading Babel.

Babel knows every locale's formats, but importing it and loading one locale costs a
command ~20 ms, more than the rest of `compare` together. The handful of locales the
packaged languages name (their `locale`, the regions their letters may be dated in, their
messages' number locale) are copied once from Babel into `formats.json` by `make docs`,
with only what decline prints: the decimal and group marks, the currency pattern and
symbols, the long-date pattern and the month names. Any other locale (a language added as
data) falls back to Babel itself, so the output is the same either way;
tests/test_formats.py holds every table entry to Babel's own output.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from decline import cache as kept

TABLE = Path(__file__).resolve().parent / "formats.json"
_DATE_FIELDS = frozenset({"d", "MMMM", "y"})  # what a copied long-date pattern may use
_DATE_TOKEN = kept.compile(r"'(?:[^']|'')*'|d+|M+|y+|[A-Za-z]+|[^A-Za-z']+")


@cache
def _table() -> dict[str, dict[str, Any]]:
    def parse() -> dict[str, dict[str, Any]]:
        import json  # only when the cache has no current copy

        loaded: dict[str, dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))
        return loaded

    try:
        return kept.derived("formats", TABLE, parse)
    except (OSError, ValueError):  # pragma: no cover - a broken install: Babel answers
        return {}


def _entry(locale: str) -> dict[str, Any] | None:
    return _table().get(locale)


_PRECISION = 28  # decimal's default context: `quantize` refuses a longer result


def rounded(written: str, digits: int, shift: int = 0) -> tuple[bool, str]:
    """Return whether the number `written` (as `str` writes an int or a float) is signed,
    and its absolute value times 10**shift rounded half-even to `digits` decimals, written
    out ("1234.50"): exactly what `decimal` gives (see `rounded_by_decimal`), worked out on
    the integer of its figures, as importing decimal would cost every `compare` ~1 ms.
    Anything but plain figures (inf, nan, a result too long for decimal) goes to decimal.
    """
    negative = written.startswith("-")
    mantissa, _, power = written.removeprefix("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    figures, power_figures = whole + fraction, power.removeprefix("+").removeprefix("-")
    if not (figures.isascii() and figures.isdigit()) or not (
        power == "" or (power_figures.isascii() and power_figures.isdigit())
    ):
        return rounded_by_decimal(written, digits, shift)
    exponent = int(power or 0) + shift - len(fraction)
    if exponent >= -digits:
        units = int(figures) * 10 ** (exponent + digits)
    else:
        step = 10 ** (-digits - exponent)
        units, rest = divmod(int(figures), step)
        if 2 * rest > step or (2 * rest == step and units % 2):
            units += 1
    text = str(units)
    if len(text) > _PRECISION:
        return rounded_by_decimal(written, digits, shift)
    if digits:
        text = text.rjust(digits + 1, "0")
        text = f"{text[:-digits]}.{text[-digits:]}"
    return negative, text


def rounded_by_decimal(written: str, digits: int, shift: int = 0) -> tuple[bool, str]:
    """Return what `rounded` returns, from `decimal` itself."""
    from decimal import ROUND_HALF_EVEN, Decimal

    exact = Decimal(written).scaleb(shift) if shift else Decimal(written)
    result = abs(exact).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    return exact.is_signed(), f"{result:f}"


def _grouped(plain: str, entry: dict[str, Any]) -> str:
    """Return a number written out ("1234.50") with the locale's group and decimal marks."""
    whole, _, fraction = plain.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = entry["group"].join([whole, *groups])
    return f"{text}{entry['decimal']}{fraction}" if fraction else text


def _signed(negative: bool, text: str, entry: dict[str, Any]) -> str:
    return f"{entry['minus']}{text}" if negative else text


def number(value: float, digits: int, locale: str) -> str:
    """Return `value` with exactly `digits` decimals and grouped thousands ("1,234.5")."""
    entry = _entry(locale)
    if entry is None:
        from babel.numbers import format_decimal

        pattern = "#,##0." + "0" * digits if digits else "#,##0"
        return format_decimal(value, format=pattern, locale=locale)
    negative, plain = rounded(str(value), digits)
    return _signed(negative, _grouped(plain, entry), entry)


def money(amount: int, currency: str | None, locale: str) -> str:
    """Return a whole amount in the locale's currency pattern ("£1,234", "1.234 €")."""
    entry = _entry(locale)
    if entry is None:
        from babel import Locale
        from babel.numbers import format_currency, format_decimal

        if currency is None:
            return format_decimal(amount, locale=locale, format="#,##0")
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = pattern.replace("#,##0.00", "#,##0").replace("0.00", "0")
        return format_currency(amount, currency, format=whole, locale=locale, currency_digits=False)
    negative, plain = rounded(str(amount), 0)
    digits = _grouped(plain, entry)
    if currency is None:
        return _signed(negative, digits, entry)
    symbol = entry["currency_symbols"].get(currency, currency)
    prefix, suffix = (part.replace("¤", symbol) for part in entry["currency"])
    return _signed(negative, f"{prefix}{digits}{suffix}", entry)


def share(value: float, locale: str) -> str:
    """Return a share (0–1) as a percentage with at most one decimal ("87.5%", "40%")."""
    entry = _entry(locale)
    if entry is None:
        from babel.numbers import format_percent

        return format_percent(value, format="#,##0.#%", locale=locale)
    negative, plain = rounded(str(value), 1, shift=2)
    text = _grouped(plain, entry)
    if text.endswith(f"{entry['decimal']}0"):
        text = text[: -1 - len(entry["decimal"])]
    return _signed(negative, f"{text}{entry['percent']}", entry)


def long_date(date: dt.date, locale: str) -> str:
    """Return a date in the locale's long form ("20 November 2026", "November 20, 2026")."""
    entry = _entry(locale)
    if entry is None:
        from babel.dates import format_date

        return format_date(date, format="long", locale=locale)
    values = {"d": str(date.day), "MMMM": entry["months"][date.month - 1], "y": str(date.year)}
    return "".join(values.get(token, token) for token in entry["long_date"])


def _date_tokens(pattern: str) -> list[str] | None:
    """Split a CLDR date pattern into fields and literal text; None if it uses a field
    that `long_date` does not fill."""
    tokens = []
    for token in _DATE_TOKEN.findall(pattern):
        if token.startswith("'"):
            tokens.append(token[1:-1].replace("''", "'") or "'")
        elif token[0].isalpha():
            if token not in _DATE_FIELDS:
                return None
            tokens.append(token)
        else:
            tokens.append(token)
    return tokens


def build(locale_name: str) -> dict[str, Any] | None:
    """Return one locale's entry from Babel, or None if its patterns need more than this
    module renders (grouping other than by threes, a long date with other fields)."""
    from babel import Locale

    locale = Locale.parse(locale_name)
    decimal_pattern = locale.decimal_formats[None]
    if decimal_pattern.grouping != (3, 3):
        return None
    currency = locale.currency_formats["standard"].pattern
    if ";" in currency or "'" in currency:
        return None
    whole = currency.replace("#,##0.00", "#,##0").replace("0.00", "0")
    if whole.count("#,##0") != 1:
        return None
    prefix, suffix = whole.split("#,##0")
    tokens = _date_tokens(locale.date_formats["long"].pattern)
    if tokens is None:
        return None
    symbols = locale.number_symbols["latn"]
    return {
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "minus": symbols["minusSign"],
        "percent": symbols["percentSign"],
        "currency": [prefix, suffix],
        "currency_symbols": dict(sorted(locale.currency_symbols.items())),
        "long_date": tokens,
        "months": [locale.months["format"]["wide"][month] for month in range(1, 13)],
    }


def packaged_locales() -> list[str]:
    """Return every locale the packaged languages name, sorted."""
    from decline import languages

    found: set[str] = set()
    for code in languages.available():
        found.add(languages.meta(code).locale)
        found.update(languages.read(code, "phrases.toml").get("meta", {}).get("regions", {}))
        locale = languages.read(code, "messages.toml").get("locale")
        if isinstance(locale, str):
            found.add(locale)
    return sorted(found)


def write_table() -> Path:
    """Write formats.json from Babel for the packaged locales (`make docs`)."""
    import json

    entries = {name: entry for name in packaged_locales() if (entry := build(name)) is not None}
    TABLE.write_text(
        json.dumps(entries, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
    )
    _table.cache_clear()
    return TABLE


if __name__ == "__main__":
    print(write_table())
