"""The .eml message: parsed back by Python's own `email`, and safe from header injection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy

import pytest

from decline import InputError, compose
from decline.send.eml import build_message, check_header_value
from writer_support import FULL_CANDIDATE, FULL_OFFER, MARIA

WHEN = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


def _parsed(message: email.message.EmailMessage) -> email.message.EmailMessage:
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def test_a_message_parses_back_with_every_header_and_the_body_intact() -> None:
    contact = dataclasses.replace(MARIA, name="Zoë D’Angelo-Müller")
    offer = dataclasses.replace(FULL_OFFER, contacts=(contact,))
    letter = compose(offer, FULL_CANDIDATE, lang="it")
    message = build_message(
        letter, sender_name="Alex Rivièra", sender_email="alex@example.com", date=WHEN
    )
    raw = message.as_bytes()
    assert b"Zo\xc3\xab" not in raw.split(b"\n\n", 1)[0]  # headers are encoded, not raw UTF-8
    parsed = _parsed(message)
    assert parsed["From"].addresses[0].display_name == "Alex Rivièra"
    assert parsed["To"].addresses[0].display_name == "Zoë D’Angelo-Müller"
    assert parsed["To"].addresses[0].addr_spec == "maria@acme.example"
    assert parsed["Subject"] == letter.subject
    assert parsed["Date"].datetime == WHEN
    assert parsed["Message-ID"].endswith("@example.com>")
    assert parsed.get_content_charset() == "utf-8"
    assert parsed.get_content().rstrip("\n") == letter.body


def test_a_phone_call_sends_its_confirming_email() -> None:
    letter = compose(FULL_OFFER, FULL_CANDIDATE, channel="phone")
    parsed = _parsed(build_message(letter, sender_name="Alex", sender_email="a@example.com"))
    assert letter.follow_up is not None
    assert parsed["Subject"] == letter.follow_up.subject
    assert parsed.get_content().rstrip("\n") == letter.follow_up.body


@pytest.mark.parametrize("channel", ["letter", "linkedin"])
def test_only_emails_become_messages(channel: str) -> None:
    letter = compose(FULL_OFFER, FULL_CANDIDATE, channel=channel)
    with pytest.raises(InputError, match="not an e-mail"):
        build_message(letter, sender_name="Alex", sender_email="a@example.com")


@pytest.mark.parametrize(
    "value",
    ["Maria\r\nBcc: all@example.com", "Maria\nX: y", "Maria\x00", "Maria\u2028Rossi", "a\tb"],
)
def test_header_injection_is_refused(value: str) -> None:
    with pytest.raises(InputError, match="line breaks and control characters"):
        check_header_value("To", value)


def test_a_name_with_a_line_break_never_reaches_the_headers() -> None:
    letter = dataclasses.replace(compose(FULL_OFFER, FULL_CANDIDATE), to_name="Maria\nBcc: x@y.z")
    with pytest.raises(InputError, match="To"):
        build_message(letter, sender_name="Alex", sender_email="a@example.com")
    with pytest.raises(InputError, match="From"):
        build_message(compose(FULL_OFFER, FULL_CANDIDATE), sender_name="A\rB", sender_email="a@b.c")


def test_plain_unicode_names_are_allowed() -> None:
    assert check_header_value("To", "王小明 Ngozi O'Brien-Ólafsdóttir") == (
        "王小明 Ngozi O'Brien-Ólafsdóttir"
    )


def test_a_bad_address_is_refused() -> None:
    with pytest.raises(InputError, match="not an e-mail address"):
        build_message(compose(FULL_OFFER, FULL_CANDIDATE), sender_name="A", sender_email="a b@c")
