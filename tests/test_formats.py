"""The copied locale formats print exactly what Babel prints, and stay in step with it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from decline.languages import formats

NUMBERS = [0, 0.04, -0.04, 0.05, 0.15, 0.25, 1, 2.5, 2.675, 3.5, 999.95, 1234.5, -1234.56,
           12345.678, 999999.5, 1e7 + 0.5, 0.30000000000000004, 1 / 3]  # fmt: skip
AMOUNTS = [0, 7, -7, 999, 1000, -1000, 158363, 1234567, 10**9]
SHARES = [0.0, 0.001, 0.0004, 0.0005, 0.12345, 0.5, 0.875, 0.8751, 0.99999, 1.0, 1 / 3]
CURRENCIES = ["GBP", "EUR", "USD", "CHF", "JPY", "CAD", "SEK", "XYZ"]


def _babel_money(amount: int, currency: str | None, locale: str) -> str:
    if currency is None:
        return format_decimal(amount, locale=locale, format="#,##0")
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    whole = pattern.replace("#,##0.00", "#,##0").replace("0.00", "0")
    return format_currency(amount, currency, format=whole, locale=locale, currency_digits=False)


def test_every_packaged_locale_is_copied_and_current() -> None:
    table = json.loads(formats.TABLE.read_text(encoding="utf-8"))
    locales = formats.packaged_locales()
    assert set(locales) >= {"en_GB", "en_US", "it"}
    for locale in locales:
        # a Babel upgrade that changes a format fails here: `make docs` copies it again
        assert table.get(locale) == formats.build(locale), locale


@pytest.mark.parametrize("locale", formats.packaged_locales())
def test_numbers_money_and_shares_match_babel(locale: str) -> None:
    for value in NUMBERS:
        for digits in (0, 1, 2, 3):
            pattern = "#,##0." + "0" * digits if digits else "#,##0"
            expected = format_decimal(value, format=pattern, locale=locale)
            assert formats.number(value, digits, locale) == expected, (value, digits)
    for amount in AMOUNTS:
        for currency in [None, *CURRENCIES]:
            expected = _babel_money(amount, currency, locale)
            assert formats.money(amount, currency, locale) == expected, (amount, currency)
    for value in SHARES:
        expected = format_percent(value, format="#,##0.#%", locale=locale)
        assert formats.share(value, locale) == expected, value


@pytest.mark.parametrize("locale", formats.packaged_locales())
def test_long_dates_match_babel_for_every_month(locale: str) -> None:
    for month in range(1, 13):
        for day in (1, 9, 28):
            date = dt.date(2026, month, day)
            assert formats.long_date(date, locale) == format_date(date, "long", locale=locale)


def test_a_locale_not_copied_is_formatted_by_babel() -> None:
    assert "de_DE" not in json.loads(formats.TABLE.read_text(encoding="utf-8"))
    assert formats.money(1234, "EUR", "de_DE") == "1.234\xa0€"
    assert formats.number(1234.5, 1, "de_DE") == "1.234,5"
    assert formats.long_date(dt.date(2026, 3, 1), "de_DE") == "1. März 2026"
    assert formats.share(0.875, "de_DE") == format_percent(0.875, "#,##0.#%", locale="de_DE")


def test_copies_refuse_what_they_cannot_render() -> None:
    # Indian grouping (12,34,567) and a long date with a weekday are left to Babel.
    assert formats.build("en_IN") is None
    assert formats._date_tokens("EEEE d MMMM y") is None
    assert formats._date_tokens("d 'de' MMMM 'de' y") == ["d", " ", "de", " ", "MMMM", " ",
                                                          "de", " ", "y"]  # fmt: skip


def test_rounding_is_decimals_own_without_importing_it() -> None:
    """`rounded` works on the integer of the figures; every answer is decimal's, edge cases
    (ties, -0.0, tiny, huge, inf, nan, any bit pattern) and refusals included."""
    import random
    import struct

    def outcome(function: object, written: str, digits: int, shift: int) -> object:
        try:
            return function(written, digits, shift)  # type: ignore[operator]
        except Exception as error:  # decimal refuses inf and results over 28 figures
            return type(error)

    rng = random.Random(4)
    edges = [-0.0, 2.5, -2.5, 0.125, 1e-5, 5e-324, 1e22, 1e27, 1e28, 1e300, 10**30]
    values: list[object] = [*NUMBERS, *AMOUNTS, *SHARES, *edges, float("inf"), float("nan")]
    for _ in range(5_000):
        values.append(rng.uniform(-1e6, 1e6))
        values.append(struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0])
        values.append(round(rng.uniform(-1000, 1000), rng.randint(0, 3)) + 0.005)
        values.append(rng.randint(-(10**30), 10**30))
    for value in values:
        for digits in (0, 1, 2, 3):
            for shift in (0, 2):
                written = str(value)
                expected = outcome(formats.rounded_by_decimal, written, digits, shift)
                assert outcome(formats.rounded, written, digits, shift) == expected, written
