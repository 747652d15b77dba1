"""The public API: a wrong value of any type for any argument is an InputError naming it.

Never a TypeError or AttributeError from deep inside, never NaN from a hand-built OfferSet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import decline
from decline import InputError
from decline.offers import OfferSet

ROOT = Path(__file__).resolve().parent.parent
OFFERS = decline.load_offers(ROOT / "examples" / "offers.toml")
OFFER = OFFERS.offers[0]
CANDIDATE = OFFERS.candidate
LETTER = "Dear Maria,\n\nThank you for the offer. I have decided to decline it.\n\nBest,\nAlex\n"


def with_offer(**changes: Any) -> OfferSet:
    return dataclasses.replace(OFFERS, offers=(dataclasses.replace(OFFER, **changes),))


# (call, the argument the message must name, a fragment of what was found)
CASES: list[tuple[str, Callable[[], object], str, str]] = [
    ("review text None", lambda: decline.review(None), "text", "None"),  # type: ignore[arg-type]
    ("review text bytes", lambda: decline.review(b"Dear"), "text", "bytes"),  # type: ignore[arg-type]
    ("review lang int", lambda: decline.review(LETTER, 3), "lang", "int 3"),  # type: ignore[arg-type]
    ("review ignore None", lambda: decline.review(LETTER, ignore=None), "ignore", "None"),  # type: ignore[arg-type]
    ("review ignore str", lambda: decline.review(LETTER, ignore="D402"), "ignore", "'D402'"),
    ("review ignore int", lambda: decline.review(LETTER, ignore=5), "ignore", "int 5"),  # type: ignore[arg-type]
    ("review ignore [1]", lambda: decline.review(LETTER, ignore=[1]), "ignore", "int 1"),  # type: ignore[list-item]
    ("review today str", lambda: decline.review(LETTER, today="2026-01-01"), "today", "str"),  # type: ignore[arg-type]
    (
        "review received datetime",
        lambda: decline.review(LETTER, received=dt.datetime(2026, 1, 1)),
        "received",
        "datetime",
    ),
    ("review deadline 5", lambda: decline.review(LETTER, deadline=5), "deadline", "int 5"),  # type: ignore[arg-type]
    ("fix text None", lambda: decline.fix(None), "text", "None"),  # type: ignore[arg-type]
    ("fix to int", lambda: decline.fix(LETTER, to=3), "to", "int 3"),  # type: ignore[arg-type]
    ("fix decided str", lambda: decline.fix(LETTER, decided="yes"), "decided", "'yes'"),  # type: ignore[arg-type]
    ("compare None", lambda: decline.compare(None), "offer_set", "NoneType"),  # type: ignore[arg-type]
    ("compare a path", lambda: decline.compare("offers.toml"), "offer_set", "str"),  # type: ignore[arg-type]
    ("compare samples 1.5", lambda: decline.compare(OFFERS, samples=1.5), "samples", "1.5"),  # type: ignore[arg-type]
    ("compare samples True", lambda: decline.compare(OFFERS, samples=True), "samples", "True"),
    ("compare samples -1", lambda: decline.compare(OFFERS, samples=-1), "samples", "-1"),
    ("compare seed str", lambda: decline.compare(OFFERS, seed="0"), "seed", "'0'"),  # type: ignore[arg-type]
    (
        "compare salary nan",
        lambda: decline.compare(with_offer(base_salary=float("nan"))),
        "base_salary",
        "nan",
    ),
    (
        "compare weeks inf",
        lambda: decline.compare(dataclasses.replace(OFFERS, working_weeks=float("inf"))),
        "working_weeks",
        "inf",
    ),
    (
        "compare company int",
        lambda: decline.compare(with_offer(company=3)),
        "company",
        "found 3",
    ),
    (
        "compare equity dict",
        lambda: decline.compare(with_offer(equity={"value": 1})),
        "offers[0].equity",
        "found dict",
    ),
    (
        "compare weight 1e308",
        lambda: decline.compare(
            dataclasses.replace(
                OFFERS, priorities=dataclasses.replace(OFFERS.priorities, weights={"growth": 1e308})
            )
        ),
        "priorities.weights['growth']",
        "found 1e+308",
    ),
    ("load_offers None", lambda: decline.load_offers(None), "path", "NoneType"),  # type: ignore[arg-type]
    ("load_offers int", lambda: decline.load_offers(3), "path", "int"),  # type: ignore[arg-type]
    ("load_offers NUL", lambda: decline.load_offers("a\0b"), "'a\\x00b'", "NUL"),
    ("compose offer None", lambda: decline.compose(None, CANDIDATE), "offer", "NoneType"),  # type: ignore[arg-type]
    ("compose candidate str", lambda: decline.compose(OFFER, "Alex"), "candidate", "str"),  # type: ignore[arg-type]
    (
        "compose reason None",
        lambda: decline.compose(OFFER, CANDIDATE, reason=None),  # type: ignore[arg-type]
        "reason",
        "None",
    ),
    ("compose tone 1", lambda: decline.compose(OFFER, CANDIDATE, tone=1), "tone", "int 1"),  # type: ignore[arg-type]
    (
        "compose channel list",
        lambda: decline.compose(OFFER, CANDIDATE, channel=["email"]),  # type: ignore[arg-type]
        "channel",
        "list",
    ),
    ("compose lang 5", lambda: decline.compose(OFFER, CANDIDATE, lang=5), "lang", "int 5"),  # type: ignore[arg-type]
    (
        "compose variant 1.5",
        lambda: decline.compose(OFFER, CANDIDATE, variant=1.5),  # type: ignore[arg-type]
        "variant",
        "1.5",
    ),
    (
        "compose date str",
        lambda: decline.compose(OFFER, CANDIDATE, date="today"),  # type: ignore[arg-type]
        "date",
        "'today'",
    ),
    (
        "compose rating inf",
        lambda: decline.compose(
            dataclasses.replace(OFFER, ratings={"culture": float("inf")}), CANDIDATE
        ),
        "offer.ratings['culture']",
        "found inf",
    ),
    (
        "compose name int",
        lambda: decline.compose(OFFER, dataclasses.replace(CANDIDATE, name=3)),  # type: ignore[arg-type]
        "name",
        "found 3",
    ),
]


@pytest.mark.parametrize(
    ("call", "argument", "found"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_wrong_argument_is_an_input_error_naming_it(
    call: Callable[[], object], argument: str, found: str
) -> None:
    with pytest.raises(InputError) as caught:
        call()
    message = str(caught.value)
    assert argument in message, message
    assert found in message, message
    assert "expected" in message, message


def test_good_arguments_still_work() -> None:
    assert decline.review(LETTER, "en", ignore=("D402",), today=dt.date(2026, 11, 20)).lang == "en"
    assert decline.review(LETTER, ignore=(c for c in ["d402"])).words > 0
    comparison = decline.compare(OFFERS, samples=100, seed=1)
    assert comparison.to_dict()["recommendation"]
    letter = decline.compose(OFFER, CANDIDATE, reason="personal", date=dt.date(2026, 11, 20))
    assert "Maria" in letter.body or letter.body


def test_every_public_function_is_in_the_table() -> None:
    named = {case[0].split()[0] for case in CASES}
    assert named == {name for name in decline.__all__ if name != "InputError"}


@pytest.mark.parametrize(
    ("arguments", "field", "expected"),
    [
        ({"to": 3}, "to", "to: expected a non-empty text (str) or None, found int 3"),
        ({"name": "  "}, "name", "name: expected a non-empty text (str) or None, found str '  '"),
        ({"decided": "yes"}, "decided", "decided: expected True or False, found str 'yes'"),
    ],
)
def test_decline_fix_and_repair_fix_check_arguments_alike(
    arguments: dict[str, object], field: str, expected: str
) -> None:
    """The two ways in give one message, from one checker, naming the argument."""
    from decline.repair import fix as repair_fix

    for fix_it in (decline.fix, repair_fix):
        with pytest.raises(decline.InputError) as raised:
            fix_it("Dear Maria,\n\nThank you.\n\nAlex", "en", **arguments)  # type: ignore[arg-type]
        assert str(raised.value) == expected
        assert raised.value.field == field
