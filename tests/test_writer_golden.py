"""Golden letters: a handful per language, pinned word for word.

Regenerate after a deliberate wording change with DECLINE_REGENERATE_GOLDEN=1, then read
every changed letter before committing it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from decline.offers.parsing import load_offers
from decline.writer.composer import compose

GOLDEN = Path(__file__).resolve().parent / "golden" / "writer"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "offers.toml"
DATE = dt.date(2026, 11, 20)
# name: (offer id, lang, tone, channel, reason, variant)
CASES = {
    "en-email-warm": ("acme", "en", "warm", "email", "other_offer", 0),
    "en-email-formal-compensation": ("gamma", "en", "formal", "email", "compensation", 1),
    "en-linkedin-brief": ("acme", "en", "brief", "linkedin", "career_path", 0),
    "en-letter-formal": ("beta", "en", "formal", "letter", "location", 2),
    "en-phone-warm": ("gamma", "en", "warm", "phone", "role_fit", 3),
    "en-email-team-brief": ("team", "en", "brief", "email", "none", 1),
    "it-email-formal": ("acme", "it", "formal", "email", "other_offer", 0),
    "it-email-warm-counteroffer": ("beta", "it", "warm", "email", "counteroffer", 2),
    "it-linkedin-brief": ("gamma", "it", "brief", "linkedin", "personal", 3),
    "it-letter-formal": ("acme", "it", "formal", "letter", "career_path", 1),
    "it-phone-formal": ("beta", "it", "formal", "phone", "compensation", 0),
    "it-email-team-warm": ("team", "it", "warm", "email", "personal", 2),
}


def _render(name: str) -> str:
    offer_id, lang, tone, channel, reason, variant = CASES[name]
    offers = load_offers(EXAMPLE)
    if offer_id == "team":
        offer = dataclasses.replace(offers.offer("beta"), contacts=(), liked=None)
    else:
        offer = offers.offer(offer_id)
    letter = compose(
        offer,
        offers.candidate,
        reason=reason,
        tone=tone,
        channel=channel,
        lang=lang,
        variant=variant,
        date=DATE,
    )
    return letter.reviewable_text() if channel == "email" else letter.body


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_letter(name: str) -> None:
    path = GOLDEN / f"{name}.txt"
    text = _render(name) + "\n"
    if os.environ.get("DECLINE_REGENERATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text
