"""Compose a graceful decline (P2–P7) from an offer, a candidate and a few choices.

A letter is a sequence of moves — gratitude, decision, reason, personal touch, regret, stay
connected, door open — each worded from `phrases/<lang>.toml`. The composer never reads a
file of the user's, never invents a fact, and gives the same letter for the same inputs.
"""

from __future__ import annotations

import datetime as dt

from decline.errors import InputError
from decline.offers import Candidate, Offer
from decline.settings import CHANNELS, TONES
from decline.writer import channels
from decline.writer.facts import Facts, gather
from decline.writer.letter import Letter
from decline.writer.phrasebook import Phrasebook, languages, phrasebook
from decline.writer.text import render

REASONS = (
    "other_offer",
    "career_path",
    "compensation",
    "location",
    "personal",
    "role_fit",
    "counteroffer",
    "none",
)

# The body's paragraphs per tone, each a run of moves. Brief keeps the essentials.
PARAGRAPHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "warm": (
        ("gratitude",),
        ("decision", "reason"),
        ("personal", "regret"),
        ("stay_connected", "door_open"),
    ),
    "formal": (
        ("gratitude",),
        ("decision", "reason"),
        ("personal", "regret"),
        ("stay_connected", "door_open"),
    ),
    "brief": (("gratitude", "decision", "reason"), ("stay_connected", "door_open")),
}
# A LinkedIn message is short: its decision carries the regret, and the personal touch is
# the first thing it gives up when it runs long.
_SHORT = (("gratitude",), ("decision", "reason"), ("personal",), ("stay_connected", "door_open"))
LINKEDIN: dict[str, tuple[tuple[str, ...], ...]] = {
    "warm": _SHORT,
    "formal": _SHORT,
    "brief": PARAGRAPHS["brief"],
}
# The phone call's confirming e-mail: the call already carried the personal touch.
FOLLOW_UP: dict[str, tuple[tuple[str, ...], ...]] = {
    "warm": (("gratitude", "decision", "reason"), ("regret", "stay_connected", "door_open")),
    "formal": (("gratitude", "decision", "reason"), ("regret", "stay_connected", "door_open")),
    "brief": PARAGRAPHS["brief"],
}


def _check(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InputError(f"unknown {name} {value!r}; choose one of {', '.join(choices)}")


class Writer:
    """One letter in the making: the facts, the language and the choices."""

    def __init__(
        self, facts: Facts, book: Phrasebook, tone: str, reason: str, variant: int
    ) -> None:
        self.facts = facts
        self.book = book
        self.tone = tone
        self.reason = reason
        self.variant = variant
        self.values = facts.values(book)
        self.team = len(facts.addressees) != 1  # speaking to a team, or to a panel

    def pick(self, move: str, case: str = "default", channel: str = "email") -> str:
        """Return the chosen wording of one move, filled in."""
        options = self.book.choices(self.tone, channel, move, case, self.team)
        text = render(options[self.variant % len(options)], self.values)
        return self.book.join_articles(text, self.values["company"])

    def sentence(self, move: str, channel: str) -> str | None:
        """Return one move's sentence, or None when the facts leave nothing to say."""
        facts = self.facts
        if move == "reason":
            return None if self.reason == "none" else self.pick(move, self.reason, channel)
        if move == "gratitude":
            if facts.addressee is not None and facts.addressee.role == "hiring_manager":
                return self.pick(move, "to_manager", channel)
            return self.pick(move, "manager_named" if facts.manager else "default", channel)
        if move == "personal":
            if facts.others:
                return self.pick(move, "people_liked" if facts.liked else "people", channel)
            return self.pick(move, "liked" if facts.liked else "default", channel)
        if move == "stay_connected":
            return self.pick(move, "linkedin" if facts.linkedin else "default", channel)
        return self.pick(move, "default", channel)

    def salutation(self, channel: str = "email") -> str:
        """Return the greeting: by honorific and surname, by name, or to the team."""
        addressee = self.facts.addressee
        if addressee is None:
            return self.pick("salutation", "team", channel)
        if len(self.facts.addressees) > 1:
            return self.pick("salutation", "panel", channel)
        return self.pick("salutation", "honorific" if addressee.honorific else "name", channel)

    def paragraphs(
        self, plan: tuple[tuple[str, ...], ...], channel: str, skip: frozenset[str] = frozenset()
    ) -> list[str]:
        """Return the body's paragraphs, leaving out moves with nothing to say."""
        paragraphs = []
        for moves in plan:
            sentences = [
                text
                for move in moves
                if move not in skip and (text := self.sentence(move, channel)) is not None
            ]
            if sentences:
                paragraphs.append(" ".join(sentences))
        return paragraphs

    def signature(self, details: bool = True) -> str:
        """Return the name and, for e-mail, the contact details the candidate gave."""
        lines = [self.facts.candidate]
        if details:
            lines += [line for line in (self.facts.email, self.facts.phone) if line]
        return "\n".join(lines)

    def letter(
        self,
        channel: str,
        subject: str | None,
        body: str,
        *,
        follow_up: Letter | None = None,
        notes: tuple[str, ...] = (),
    ) -> Letter:
        """Wrap a body into a Letter with the facts' recipient and notes."""
        addressee = self.facts.addressee
        return Letter(
            subject=subject,
            body=body,
            to_name=addressee.name if addressee else None,
            to_email=addressee.email if addressee else None,
            lang=self.book.lang,
            channel=channel,
            tone=self.tone,
            reason=self.reason,
            variant=self.variant,
            register=self.book.register,
            follow_up=follow_up,
            notes=self.facts.notes + notes,
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
    default, or `tu`); a language with one register refuses it. Raises `InputError` for an
    unknown choice.
    """
    _check("reason", reason, REASONS)
    _check("tone", tone, TONES)
    _check("channel", channel, CHANNELS)
    lang = lang or candidate.lang or "en"
    _check("language", lang, languages())
    book = phrasebook(lang, register)
    if isinstance(variant, bool) or not isinstance(variant, int) or variant < 0:
        raise InputError(f"variant must be a whole number 0 or more, found {variant!r}")
    if variant >= book.variants:
        raise InputError(
            f"variant {variant} does not exist: there are {book.variants} wordings, "
            f"0 to {book.variants - 1}"
        )
    facts = gather(offer, candidate, book, panel=channel != "linkedin")
    writer = Writer(facts, book, tone, reason, variant)
    if channel == "linkedin" and writer.facts.addressee is None:
        raise InputError(
            "a LinkedIn message goes to one person: add a contact to the offer "
            "(or --to NAME), or choose another channel"
        )
    if channel == "email":
        return channels.email(writer, PARAGRAPHS[tone])
    if channel == "linkedin":
        return channels.linkedin(writer, LINKEDIN[tone])
    if channel == "letter":
        return channels.formal_letter(writer, PARAGRAPHS[tone], date or dt.date.today())
    return channels.phone(writer, PARAGRAPHS[tone], FOLLOW_UP[tone])
