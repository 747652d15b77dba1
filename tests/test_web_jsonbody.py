"""The bounded JSON parser: exactly where each bound lies, and what it says past it."""

from __future__ import annotations

import pytest

from decline.web.errors import ApiError
from decline.web.jsonbody import MAX_DEPTH, MAX_NUMBER, loads


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def refusal(raw: bytes) -> ApiError:
    with pytest.raises(ApiError) as caught:
        loads(raw)
    return caught.value


def test_nesting_up_to_the_bound_is_fine_and_one_more_is_refused() -> None:
    assert loads(nested(MAX_DEPTH)) is not None
    error = refusal(nested(MAX_DEPTH + 1))
    assert error.status == 400
    assert "nested too deeply" in error.error
    assert refusal(nested(100_000)).status == 400  # past the interpreter's own limit


def test_numbers_up_to_the_bound_are_fine_and_longer_ones_are_refused() -> None:
    assert loads(b"9" * MAX_NUMBER) == int("9" * MAX_NUMBER)
    assert loads(b"0." + b"5" * (MAX_NUMBER - 2)) == pytest.approx(5 / 9)
    error = refusal(b'{"n": ' + b"1" * 5_000 + b"}")
    assert error.status == 400
    assert "5,000 characters" in error.error
    for constant in (b"NaN", b"Infinity", b"-Infinity", b"1e999"):
        assert refusal(b"[" + constant + b"]").status == 400


def test_a_lone_surrogate_names_its_field() -> None:
    assert loads(b'{"t": "\\ud83d\\ude00"}') == {"t": "\U0001f600"}  # a pair is one character
    error = refusal(b'{"a": [{"b": "ok \\udc00"}]}')
    assert error.status == 422
    assert error.field == "a[0].b"
    assert "\\udc00" in error.error
    assert "character 3" in error.error
    key = refusal(b'{"\\ud800": 1}')
    assert key.field == "\\ud800"  # shown escaped: the answer itself must be valid UTF-8
    assert key.error.encode("utf-8")


def test_malformed_json_says_where() -> None:
    error = refusal(b'{"text": "x",\n "lang" "en"}')
    assert error.status == 400
    assert "line 2" in error.error
    assert refusal(b"\xff\xfe").error.startswith("malformed JSON: the body is not UTF-8")
