"""A date a person types is read in one place, and every face says the same about a bad one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from cli_support import decline, example_offers
from decline.dates import date_problem, parse_date, parse_optional_date
from decline.errors import InputError
from decline.offers.parsing import parse_offers
from web_support import assert_error_shape, client

BAD = [
    "tomorrow",
    "",
    "  ",
    "2026-02-30",  # no such day
    "2026-13-01",
    "26-11-25",
    "2026/11/25",
    "25-11-2026",
    "20261125",  # ISO basic form: Python reads it, the message does not promise it
    "2026-W48-3",  # ISO week date: likewise
    "2026-11-25T10:00",
    "２０２６-１１-２５",  # full-width digits
    42,
    None,
    ["2026-11-25"],
    datetime(2026, 11, 25, 10, 0),
]


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_a_bad_date_is_one_sentence_naming_the_field(value: object) -> None:
    with pytest.raises(InputError) as raised:
        parse_date(value, field="--today")
    assert raised.value.field == "--today"
    message = str(raised.value)
    assert message == date_problem(value, field="--today")
    assert message.startswith("--today: expected a date as YYYY-MM-DD, such as ")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-25", date(2026, 11, 25)),
        (" 2026-11-25\n", date(2026, 11, 25)),
        ("2028-02-29", date(2028, 2, 29)),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ],
)
def test_a_good_date_is_read(value: object, expected: date) -> None:
    assert parse_date(value, field="date") == expected


def test_a_missing_optional_date_is_none() -> None:
    assert parse_optional_date(None, field="date") is None
    assert parse_optional_date("", field="date") is None
    assert parse_optional_date("2026-11-25", field="date") == date(2026, 11, 25)


def test_a_long_text_is_cut_in_the_message() -> None:
    message = date_problem("9" * 10_000, field="date")
    assert len(message) < 200
    assert "10,000 characters" in message


WRONG = "soon"


def test_every_face_says_the_same_about_a_bad_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The CLI options, the offer file, the HTTP API: the same sentence, each naming its input."""
    db = tmp_path / "decline.db"
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Maria,\n\nThank you.\n\nBest,\nAlex\n", encoding="utf-8")
    seen: list[str] = []
    for args, option in [
        (["review", str(draft), "--today", WRONG], "--today"),
        (["review", str(draft), "--received", WRONG], "--received"),
        (["write", str(example_offers()), "--offer", "acme", "--date", WRONG], "--date"),
        (["status", "--today", WRONG], "--today"),
        (["followups", "--today", WRONG], "--today"),
    ]:
        result = decline(capsys, db, *args)
        assert result.code == 2, (args, result)
        assert result.err.strip() == f"decline: {date_problem(WRONG, field=option)}", args
        seen.append(option)

    text = (
        example_offers()
        .read_text("utf-8")
        .replace("received = 2026-11-18", f'received = "{WRONG}"', 1)
    )
    assert f'"{WRONG}"' in text
    with pytest.raises(InputError) as raised:
        parse_offers(text, "offers.toml")
    assert date_problem(WRONG, field="received") in str(raised.value)

    web = client(tmp_path / "web.db")
    answer = web.post("/api/v1/review", json={"text": "Dear Maria, thank you.", "today": WRONG})
    body = assert_error_shape(answer, 422)
    assert body["error"] == date_problem(WRONG, field="today")
    assert body["field"] == "today"
