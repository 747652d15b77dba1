"""One letter in the making: the facts, the language and the choices, worded move by move.

The channels (`channels.py`) shape a letter from these pieces; the composer (`composer.py`)
checks the choices and picks the channel. Neither imports the other's internals, and this
module imports neither, so the three form no cycle.
"""

from __future__ import annotations

from decline.writer.facts import Facts
from decline.writer.letter import Letter
from decline.writer.phrasebook import Phrasebook
from decline.writer.text import render


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
        # a remote offer has no place to turn down: the reason is left out, and a note says so
        self.placeless_reason = reason == "location" and facts.remote(book.meta)

    def pick(self, move: str, case: str = "default", channel: str = "email") -> str:
        """Return the chosen wording of one move, filled in."""
        options = self.book.choices(self.tone, channel, move, case, self.team)
        text = render(options[self.variant % len(options)], self.values)
        return self.book.join_articles(text, self.values["company"])

    def sentence(self, move: str, channel: str) -> str | None:
        """Return one move's sentence, or None when the facts leave nothing to say."""
        facts = self.facts
        if move == "reason":
            if self.reason == "none" or self.placeless_reason:
                return None
            return self.pick(move, self.reason, channel)
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
        # an academic title outranks a warm tone: "Dear Prof. Chua,", never "Hello Siew Mei,"
        always = self.book.meta.get("titled_in_every_tone", ())
        titled = any(person.honorific in always for person in self.facts.addressees)
        if len(self.facts.addressees) > 1:
            return self.pick("salutation", "panel_titled" if titled else "panel", channel)
        if titled:
            return self.pick("salutation", "titled", channel)
        return self.pick("salutation", "honorific" if addressee.honorific else "name", channel)

    def closing(self, channel: str = "email") -> str:
        """Return the closing that fits the greeting: "Dear Mrs MacLeod," is not "All the best,".

        A greeting by title and surname takes the `honorific` case, a letter to a team the
        `team` case ("Yours faithfully," on paper), each falling back to `default`.
        """
        if self.facts.addressee is None:
            return self.pick("closing", "team", channel)
        greeted = self.salutation(channel)
        # greeted by title and surname, alone or in a panel ("Gentili Prof. Zanetti e Dr.
        # Kerr,"): the closing that goes with a title, never "Un caro saluto"
        titled = any(
            person.honorific and person.formally in greeted for person in self.facts.addressees
        )
        if titled:
            return self.pick("closing", "honorific", channel)
        return self.pick("closing", "default", channel)

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
        if self.reason == "location" and self.facts.home_town():
            notes += (
                f"The job is in your own city ({self.facts.location}), so the letter does not "
                "name it as the reason; choose another --reason if distance is not the point.",
            )
        if channel == "letter":
            # "Dear Declan O'Brien," reads as a mail merge (en5): the letter cannot guess a
            # title, so it says how to get one
            greeted = self.salutation("letter")
            for person in self.facts.addressees:
                if not person.honorific and " " in person.name and person.name in greeted:
                    notes += (
                        f"The letter greets {person.name} by full name, since the offer gives "
                        "no honorific; add one to the contact in the offer file to greet them "
                        "by title and surname.",
                    )
        if self.placeless_reason:
            notes += (
                f"The offer's location is {self.facts.location!r}, so a place cannot be the "
                "reason: the letter gives none. Choose another --reason to give one.",
            )
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
