"""The composer and the checker keep each other honest: every letter passes review."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from decline import InputError, review
from decline.settings import CHANNELS, TONES
from decline.writer.composer import REASONS, compose
from decline.writer.phrasebook import languages
from writer_support import PROFILES, letter_problems

pytest.importorskip("decline.checker.engine")

VARIANTS = range(4)
DATE = dt.date(2026, 11, 20)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_combination_passes_review(profile: str) -> None:
    offer, candidate = PROFILES[profile]
    failures = []
    for lang, tone, channel, reason, variant in itertools.product(
        languages(), TONES, CHANNELS, REASONS, VARIANTS
    ):
        try:
            letter = compose(
                offer,
                candidate,
                reason=reason,
                tone=tone,
                channel=channel,
                lang=lang,
                variant=variant,
                date=DATE,
            )
        except InputError:  # a LinkedIn message needs a person to go to
            assert channel == "linkedin"
            assert not offer.contacts
            continue
        report = review(letter.reviewable_text(), lang)
        for problem in letter_problems(letter, offer, report):
            failures.append(f"{lang}/{tone}/{channel}/{reason}/{variant}: {problem}")
    assert not failures, "\n".join(failures[:20]) + f"\n… {len(failures)} in all"


def test_the_checker_is_not_fooled_by_a_broken_letter() -> None:
    """The properties can fail: a letter without its decision does not pass."""
    offer, candidate = PROFILES["full"]
    letter = compose(offer, candidate, date=DATE)
    first_paragraph_end = letter.body.index("\n\n", letter.body.index("\n\n") + 2)
    decision_end = letter.body.index("\n\n", first_paragraph_end + 2)
    broken = letter.body[:first_paragraph_end] + letter.body[decision_end:]
    import dataclasses

    report = review(broken, "en")
    problems = letter_problems(dataclasses.replace(letter, body=broken), offer, report)
    assert any("clear_decision" in problem or "not graceful" in problem for problem in problems)


def test_a_formal_letter_to_a_company_ending_in_a_period_passes_review() -> None:
    import dataclasses

    offer, candidate = PROFILES["full"]
    offer = dataclasses.replace(offer, company="Acme Analytics S.p.A.")
    letter = compose(offer, candidate, channel="letter", tone="brief", date=DATE)
    assert not letter_problems(letter, offer, review(letter.body, "en"))
