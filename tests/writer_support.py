"""Offers, candidates and the properties every composed letter must have."""

from __future__ import annotations

import dataclasses
import re

from decline.offers import Candidate, Contact, Offer
from decline.writer.letter import Letter
from decline.writer.text import surname

MARIA = Contact(
    "Maria Rossi", "Dott.ssa", "Engineering Manager", "maria@acme.example", "hiring_manager"
)
LUCA = Contact("Luca Bianchi", None, "Recruiter", "luca@acme.example", "recruiter")
ELENA = Contact("Elena Verdi", None, "Staff Engineer", None, "interviewer")
GIULIA = Contact("Giulia D'Amico", None, None, None, "interviewer")

FULL_CANDIDATE = Candidate(
    name="Alex Rivera",
    email="alex.rivera@example.com",
    phone="+39 333 000 0000",
    linkedin="https://www.linkedin.com/in/alex-rivera",
    city="Milano",
    address="Via Roma 1, 20121 Milano",
)
FULL_OFFER = Offer(
    id="acme",
    company="Acme Analytics",
    role="Senior Data Engineer",
    address="Corso Como 5, 20154 Milano",
    liked="the team's work on open data",
    contacts=(MARIA, LUCA, ELENA, GIULIA),
)

# "With and without each optional field": the full input, then each fact taken away.
PROFILES: dict[str, tuple[Offer, Candidate]] = {
    "full": (FULL_OFFER, FULL_CANDIDATE),
    "no-linkedin": (FULL_OFFER, dataclasses.replace(FULL_CANDIDATE, linkedin=None)),
    "no-liked": (dataclasses.replace(FULL_OFFER, liked=None), FULL_CANDIDATE),
    "no-contact-details": (
        FULL_OFFER,
        dataclasses.replace(FULL_CANDIDATE, email=None, phone=None, city=None, address=None),
    ),
    "no-manager": (dataclasses.replace(FULL_OFFER, contacts=(LUCA, ELENA)), FULL_CANDIDATE),
    "one-contact-no-honorific": (
        dataclasses.replace(FULL_OFFER, contacts=(dataclasses.replace(MARIA, honorific=None),)),
        FULL_CANDIDATE,
    ),
    "no-contact": (
        dataclasses.replace(FULL_OFFER, contacts=(), address=None),
        FULL_CANDIDATE,
    ),
    "bare": (
        Offer(id="bare", company="Acme Inc.", role="Data Engineer"),
        Candidate(name="Alex Rivera"),
    ),
}

# Warm and formal aim at 120–180 and 120–200 words; with few facts (no reason, no people
# met, nothing liked) a letter shrinks rather than pads, hence the lower floor.
WORD_LIMITS = {"warm": (75, 180), "formal": (75, 200), "brief": (25, 90)}
# "Acme Inc., and" is right; "Inc..", ",." and " ." are not
_DOUBLED = re.compile(r"\.\.|[,;:][.,;:!?]|!!|\?\?|[!?]\.|\s[.,;:!?]|\(\s|\s\)")
_PLACEHOLDER = re.compile(r"[{}\[\]<>]|__|\bXXX\b")


def expected_signals(letter: Letter, offer: Offer) -> set[str]:
    """Return the P2–P7 signals the input allows for this letter."""
    wanted = {"gratitude", "clear_decision"}
    if offer.contacts:
        wanted.add("addressed_by_name")
    if letter.tone != "brief":
        wanted |= {"regret", "stay_connected", "door_open"}
    if any(note.startswith("Shortened") for note in letter.notes):
        wanted.discard("door_open")  # a LinkedIn message gives it up last, and says so
        if letter.reason != "none":
            wanted.add("brief_reason")
    return wanted


def text_problems(text: str) -> list[str]:
    """Return what is wrong with a text's surface: placeholders, doubled marks or spaces."""
    problems = []
    if match := _PLACEHOLDER.search(text):
        problems.append(f"placeholder-like {match.group()!r}")
    if match := _DOUBLED.search(text.replace("https://", "")):
        problems.append(f"doubled punctuation {match.group()!r}")
    for line in text.split("\n"):
        if "  " in line.lstrip(" ") or line != line.rstrip():
            problems.append(f"doubled or trailing whitespace in {line!r}")
    if "\n\n\n" in text or text != text.strip():
        problems.append("blank lines doubled or at the edges")
    return problems


def letter_problems(letter: Letter, offer: Offer, report: object, *, slack: int = 0) -> list[str]:
    """Return every way a composed letter fails the composer's promises (empty: none)."""
    problems: list[str] = []
    r = report  # a decline.checker Report
    if not (getattr(r, "graceful") and getattr(r, "ready_to_send")):  # noqa: B009
        problems.append(f"not graceful/ready: {[f.rule for f in getattr(r, 'findings')]}")  # noqa: B009
    signals = getattr(r, "signals")  # noqa: B009
    missing = sorted(s for s in expected_signals(letter, offer) if not signals[s])
    if missing:
        problems.append(f"missing signals {missing}")
    if letter.tone == "brief" and not (signals["stay_connected"] or signals["door_open"]):
        problems.append("brief letter neither stays connected nor leaves the door open")
    for bad in ("oversharing", "negative_about_company"):
        if signals[bad]:
            problems.append(f"signal {bad}")
    if not signals["professional_tone"]:
        problems.append("unprofessional tone")
    reviewed = letter.reviewable_text()
    problems += text_problems(reviewed)
    problems += text_problems(letter.body)
    words = getattr(r, "words")  # noqa: B009
    low, high = WORD_LIMITS[letter.tone]
    if letter.channel in ("email", "letter") and not low <= words <= high + slack:
        problems.append(f"{words} words, outside {low}–{high}")
    if letter.channel == "phone" and words > high + slack:
        problems.append(f"follow-up has {words} words, over {high}")
    if letter.channel == "linkedin" and len(letter.body) > 600:
        problems.append(f"LinkedIn message of {len(letter.body)} characters")
    if _core(offer.company) not in reviewed:
        problems.append("company name missing or altered")
    if offer.contacts:
        addressee = letter.to_name
        if addressee is None or addressee not in {c.name.strip() for c in offer.contacts}:
            problems.append(f"recipient {addressee!r} is not a contact")
        elif surname(addressee) not in reviewed and addressee.split()[0] not in reviewed:
            problems.append(f"recipient's name {addressee!r} missing or altered")
    elif letter.to_name is not None or not letter.notes:
        problems.append("no contact, yet no note asking for a named recipient")
    if letter.channel == "phone":
        if letter.follow_up is None or letter.subject is not None:
            problems.append("a call needs a follow-up e-mail and no subject of its own")
    elif (letter.subject is not None) != (letter.channel == "email"):
        problems.append("subject present exactly for e-mail")
    return problems


_ARTICLE = re.compile(r"^(?:The|Il|Lo|La|I|Gli|Le|L['’])\s*")


def _core(company: str) -> str:
    """Return the part of a company's name every mention keeps: no article, no legal form.

    "La Bottega Digitale S.r.l." is "della Bottega Digitale" mid-sentence and "Acme Inc." is
    "Acme" in the prose; "Bottega Digitale" and "Acme" must be there, exactly.
    """
    name = _ARTICLE.sub("", company.strip())
    words = name.split()
    while (len(words) > 1 and not words[-1][:1].isalnum()) or (
        len(words) > 1
        and words[-1].rstrip(".").replace(".", "").lower()
        in {"inc", "ltd", "llc", "llp", "plc", "gmbh", "ag", "srl", "spa", "sa", "corp"}
    ):
        words.pop()
    return " ".join(words).rstrip(",")
