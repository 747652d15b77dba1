"""The channels a decline can take, in one registry: `CHANNELS`, name -> `Channel`.

Each channel is one entry: how it shapes the letter from a `Writer` (which moves, in which
paragraphs, per tone), whether it needs one named person, and whether it makes an e-mail
that can be sent. Adding a channel is one entry here plus its wording in
`languages/<lang>/phrases.toml`; an unknown name is an `InputError`, never a fall-through to another
channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from decline.errors import InputError
from decline.writer.letter import Letter, subject_label
from decline.writer.text import render

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from decline.writer.writing import Writer

Plan = tuple[tuple[str, ...], ...]
LINKEDIN_LIMIT = 600

# The body's paragraphs per tone, each a run of moves. Brief keeps the essentials.
PARAGRAPHS: dict[str, Plan] = {
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
# the first thing it gives up when it runs long. The personal touch opens the closing
# paragraph: a chat of one-line paragraphs reads as a list (en2 reader).
_SHORT = (("gratitude",), ("decision", "reason"), ("personal", "stay_connected", "door_open"))
LINKEDIN: dict[str, Plan] = {"warm": _SHORT, "formal": _SHORT, "brief": PARAGRAPHS["brief"]}
# The phone call's confirming e-mail: the call already carried the personal touch.
FOLLOW_UP: dict[str, Plan] = {
    "warm": (("gratitude", "decision", "reason"), ("regret", "stay_connected", "door_open")),
    "formal": (("gratitude", "decision", "reason"), ("regret", "stay_connected", "door_open")),
    "brief": PARAGRAPHS["brief"],
}
# What a LinkedIn message gives up first when it runs long: never the essentials.
_LINKEDIN_SHEDS: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"personal"}),
    frozenset({"personal", "door_open"}),
)


def _body(writer: Writer, paragraphs: list[str], channel: str, details: bool) -> str:
    closing = writer.closing(channel)
    parts = [writer.salutation(channel), *paragraphs, f"{closing}\n{writer.signature(details)}"]
    return "\n\n".join(parts)


def email(writer: Writer, plan: Plan) -> Letter:
    """Return an e-mail: subject, greeting, body, closing, name and contact details."""
    subject = writer.pick("subject")
    body = _body(writer, writer.paragraphs(plan, "email"), "email", details=True)
    return writer.letter("email", subject, body)


def linkedin(writer: Writer, plan: Plan) -> Letter:
    """Return a LinkedIn message: a chat, not a letter.

    No subject, a first-name greeting, at most 600 characters, and a one-line sign-off with
    the candidate's first name instead of a letter's closing block.
    """
    notes: tuple[str, ...] = ()
    sign_off = writer.closing("linkedin")
    for skip in _LINKEDIN_SHEDS:
        parts = [writer.salutation("linkedin"), *writer.paragraphs(plan, "linkedin", skip)]
        body = "\n\n".join([*parts, sign_off])
        if len(body) <= LINKEDIN_LIMIT:
            break
    if skip:
        notes = (f"Shortened to fit LinkedIn's {LINKEDIN_LIMIT:,} characters.",)
    return writer.letter("linkedin", None, body, notes=notes)


# A North American state or province and its postcode ("TX 78704", "ON M5S 1G5"): it stays
# on the line of its city ("Austin, TX 78704"), never on a line of its own.
_REGION_AND_POSTCODE = re.compile(r"[A-Z]{2}\s+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)")


def _lines(text: str | None) -> list[str]:
    """Split a one-line address at its commas, the way it is written on a letter."""
    lines: list[str] = []
    for part in (part.strip() for part in (text or "").split(",")):
        if part and lines and _REGION_AND_POSTCODE.fullmatch(part):
            lines[-1] = f"{lines[-1]}, {part}"
        elif part:
            lines.append(part)
    return lines


@cache
def _long_date(date: dt.date, locale: str) -> str:
    """Return a date in the language's long form ("20 novembre 2026")."""
    from decline.languages import formats

    return formats.long_date(date, locale)


def _locale(meta: dict[str, object], *places: str | None) -> str:
    """Return the locale to date a letter in: the region the sender's address names, if any."""
    regions = meta.get("regions", {})
    assert isinstance(regions, dict)
    where = "\n".join(place for place in places if place)
    for locale, patterns in regions.items():
        if any(re.search(pattern, where, re.MULTILINE) for pattern in patterns):
            return str(locale)
    return str(meta["locale"])


def formal_letter(writer: Writer, plan: Plan, date: dt.date) -> Letter:
    """Return a formal letter: sender, place and date, recipient, body, signature."""
    facts, furniture = writer.facts, writer.book.section("letter")
    sender = [facts.candidate, *_lines(facts.sender_address)]
    sender += [line for line in (facts.email, facts.phone) if line]
    when = _long_date(date, _locale(writer.book.meta, facts.sender_address, facts.city))
    date_line = render(
        furniture["date_line_city" if facts.city else "date_line"],
        {"date": when, "city": facts.city or ""},
    )
    known = {"company": facts.company}
    if facts.addressee is not None:
        known["person"] = facts.addressee.addressed
        if facts.addressee.title:
            known["title"] = facts.addressee.title
    recipient: list[str] = []
    for template in furniture["recipient"]:
        if template == "{address}":
            recipient += _lines(facts.recipient_address)
        elif len(facts.addressees) > 1 and "{person}" in template:
            # a panel greeted together is named together: the block says whom the greeting
            # greets ("Gareth Jones, Senior Statistician" on one line each)
            recipient += [
                ", ".join(part for part in (person.addressed, person.title) if part)
                for person in facts.addressees
            ]
        elif len(facts.addressees) > 1 and "{title}" in template:
            continue
        elif all(f"{{{key}}}" not in template or key in known for key in ("person", "title")):
            recipient.append(render(template, known))
    closing = writer.closing("letter")
    heading = []
    if "subject_line" in furniture:  # a language whose letters carry one ("Oggetto: …")
        subject = writer.pick("subject", channel="letter")
        heading = [render(furniture["subject_line"], {"subject": subject})]
    blocks = [
        "\n".join(sender),
        date_line,
        "\n".join(recipient),
        *heading,
        writer.salutation("letter"),
        *writer.paragraphs(plan, "letter"),
        closing,
        facts.candidate,
    ]
    return writer.letter("letter", None, "\n\n".join(blocks))


def phone(writer: Writer, plan: Plan, follow_up_plan: Plan) -> Letter:
    """Return talking points for a call, and the short e-mail that confirms it in writing.

    The talking points are worded to be said (`call` in the phrase files): no "I am
    writing", no web address to read aloud; the personal touch belongs in the call, the
    LinkedIn address in the e-mail.
    """
    book, facts = writer.book, writer.facts
    furniture = book.section("phone")
    quote = book.meta["quote"]
    values = dict(writer.values)
    if facts.addressee is not None:
        values["person"] = facts.addressee.addressed
    title = render(furniture["title" if facts.addressee else "title_team"], values)
    title = book.join_articles(title, values["company"])
    planned = {move for paragraph in plan for move in paragraph}
    steps = [
        ("open", ("gratitude",)),
        ("decision", ("decision",)),
        ("reason", ("reason",)),
        ("personal", ("personal",)),
        ("close", ("regret", "stay_connected", "door_open")),
    ]
    lines = [title, ""]
    number = 0
    for label, moves in steps:
        sentences = [writer.sentence(move, "call") for move in moves if move in planned]
        said = " ".join(sentence for sentence in sentences if sentence)
        if said:
            number += 1
            lines += [f"{number}. {furniture[label]}", "   " + render(quote, {"text": said})]
    subject = writer.pick("subject", channel="phone")
    follow_body = _body(writer, writer.paragraphs(follow_up_plan, "phone"), "phone", True)
    follow_up = writer.letter("email", subject, follow_body)
    lines += [
        "",
        furniture["after"],
        "",
        f"{subject_label(book.lang)}: {subject}",
        "",
        follow_body,
    ]
    return writer.letter("phone", None, "\n".join(lines), follow_up=follow_up)


@dataclass(frozen=True)
class Channel:
    """One way to say no: how it is shaped, and what it needs and makes.

    `build` takes the writer and the letter's date (only a formal letter shows one).
    `needs_person` is the sentence to refuse with when the channel speaks to one named
    person and the offer names none. `makes_email` says the result is (or carries, for a
    call) an e-mail that can be saved, downloaded as .eml or sent. `greets_panel` says two or
    three interviewers are greeted together; a call (and its confirming e-mail) is with one.
    """

    name: str
    build: Callable[[Writer, dt.date], Letter]
    makes_email: bool
    needs_person: str | None = None
    greets_panel: bool = True


def _email(writer: Writer, date: dt.date) -> Letter:
    return email(writer, PARAGRAPHS[writer.tone])


def _letter(writer: Writer, date: dt.date) -> Letter:
    return formal_letter(writer, PARAGRAPHS[writer.tone], date)


def _linkedin(writer: Writer, date: dt.date) -> Letter:
    return linkedin(writer, LINKEDIN[writer.tone])


def _phone(writer: Writer, date: dt.date) -> Letter:
    return phone(writer, PARAGRAPHS[writer.tone], FOLLOW_UP[writer.tone])


CHANNELS: dict[str, Channel] = {
    "email": Channel("email", _email, makes_email=True),
    "letter": Channel("letter", _letter, makes_email=False),
    "linkedin": Channel(
        "linkedin",
        _linkedin,
        makes_email=False,
        greets_panel=False,
        needs_person=(
            "a LinkedIn message goes to one person: add a contact to the offer "
            "(or --to NAME), or choose another channel"
        ),
    ),
    "phone": Channel("phone", _phone, makes_email=True, greets_panel=False),
}
NAMES: tuple[str, ...] = tuple(CHANNELS)


def channel(name: str) -> Channel:
    """Return the registered channel called `name`; InputError (field `channel`) otherwise."""
    found = CHANNELS.get(name)
    if found is None:
        raise InputError(
            f"unknown channel {name!r}; choose one of {', '.join(CHANNELS)}", field="channel"
        )
    return found
