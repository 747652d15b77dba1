"""Compose a graceful decline (P2–P7) from an offer, a candidate and a few choices.

A letter is a sequence of moves — gratitude, decision, reason, personal touch, regret, stay
connected, door open — each worded from `languages/<lang>/phrases.toml`. The composer never reads a
file of the user's, never invents a fact, and gives the same letter for the same inputs.
"""

from __future__ import annotations

import datetime as dt

from decline.errors import InputError
from decline.offers import Candidate, Offer
from decline.settings import TONES
from decline.writer import REASONS as REASONS  # re-exported: callers import it here
from decline.writer.channels import channel as find_channel
from decline.writer.facts import contact_register, gather
from decline.writer.letter import Letter
from decline.writer.phrasebook import languages, phrasebook
from decline.writer.writing import Writer


def _check(name: str, value: str, choices: tuple[str, ...], field: str) -> None:
    if value not in choices:
        raise InputError(
            f"unknown {name} {value!r}; choose one of {', '.join(choices)}", field=field
        )


def compose(
    offer: Offer,
    candidate: Candidate,
    *,
    reason: str = "other_offer",
    tone: str = "warm",
    channel: str = "email",
    lang: str | None = None,
    variant: int = 0,
    date: dt.date | None = None,
    register: str | None = None,
) -> Letter:
    """Compose a graceful decline of `offer` for `candidate`.

    `lang` defaults to the candidate's letter language; `variant` picks other wording,
    deterministically; `date` (default today) is the only source of dates, and only the
    formal letter shows one. `register` is how an Italian letter says "you" (`lei`, the
    default, or `tu`); a language with one register refuses it. Without it, the
    addressee's own `register` (the offer file's contact) decides, then the language's
    default. Raises `InputError` for an
    unknown choice.
    """
    _check("reason", reason, REASONS, "reason")
    _check("tone", tone, TONES, "tone")
    chosen = find_channel(channel)
    lang = lang or candidate.lang or "en"
    _check("language", lang, languages(), "lang")
    book = phrasebook(lang, register or contact_register(offer, lang))
    if isinstance(variant, bool) or not isinstance(variant, int) or variant < 0:
        raise InputError(
            f"variant must be a whole number 0 or more, found {variant!r}", field="variant"
        )
    if variant >= book.variants:
        raise InputError(
            f"variant {variant} does not exist: there are {book.variants} wordings, "
            f"0 to {book.variants - 1}",
            field="variant",
        )
    facts = gather(offer, candidate, book, panel=chosen.greets_panel)
    writer = Writer(facts, book, tone, reason, variant)
    if chosen.needs_person is not None and writer.facts.addressee is None:
        raise InputError(chosen.needs_person, field="channel")
    return chosen.build(writer, date or dt.date.today())
