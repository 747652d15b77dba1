"""What a letter may say: the facts taken from the offer and the candidate, nothing more."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from decline.errors import InputError
from decline.offers import Candidate, Contact, Offer
from decline.writer.phrasebook import Phrasebook, guess_language, registers
from decline.writer.text import (
    clean,
    first_name,
    has_control,
    join_names,
    lower_first,
    surname,
    with_implied_article,
    without_legal_suffix,
)


@dataclass(frozen=True)
class Person:
    """A contact as the letter names them: name kept exactly, honorific for this language."""

    name: str
    honorific: str | None
    title: str | None
    email: str | None
    role: str
    gender: str | None = None  # "feminine" | "masculine", when the honorific tells
    greeting_name: str | None = None  # the offer file's given name for greetings ("Wei Ling")

    @property
    def given(self) -> str:
        """Return the name a first-name greeting uses: the offer file's, else the first word."""
        return self.greeting_name or first_name(self.name)

    @property
    def addressed(self) -> str:
        """Return the name with its honorific, as in a recipient block."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def formally(self) -> str:
        """Return how a formal greeting names them: honorific and surname, else the name."""
        return f"{self.honorific} {surname(self.name)}" if self.honorific else self.name


@dataclass(frozen=True)
class Facts:
    """Everything the composer may use, cleaned once; missing facts are None or empty."""

    company: str  # as the offer names it, legal form included: the recipient block
    role: str
    candidate: str
    addressee: Person | None
    addressees: tuple[Person, ...]  # a panel of interviewers is greeted together; else one
    manager: Person | None  # the hiring manager, when the addressee is someone else
    others: tuple[Person, ...]  # people met besides the addressee (and a thanked manager)
    liked: str | None
    location: str | None  # where the job is, as the offer names it ("Como")
    linkedin: str | None
    email: str | None
    phone: str | None
    city: str | None
    sender_address: str | None
    recipient_address: str | None
    notes: tuple[str, ...]
    gender: str | None = None  # the writer's grammatical gender; None: no gendered words
    company_article: str | None = None  # the offer file's choice of article ("the", "none")
    candidate_given: str | None = None  # the candidate's own greeting_name ("Wei Ling")

    def values(self, book: Phrasebook) -> dict[str, str]:
        """Return the template values the facts allow."""
        meta = book.meta
        spoken = without_legal_suffix(
            self.company, meta.get("legal_suffixes", ()), meta.get("legal_fragments", ())
        )
        values = {
            "company": with_implied_article(
                spoken,
                meta.get("implied_articles", {}),
                meta.get("articles", {}),
                meta.get("implied_article_when", ()),
                self.company_article,
            ),
            "role": _role_in_prose(self.role),
            "candidate": self.candidate,
            "me": self.candidate_given or first_name(self.candidate),
        }
        if self.addressee is not None:
            values["name"] = self.addressee.name
            values["first"] = self.addressee.given
            values["firsts"] = join_names(
                [person.given for person in self.addressees],
                meta["list_and"],
                meta.get("list_and_euphonic", ""),
                meta.get("list_euphonic_initials", ""),
            )
            values["names"] = join_names(
                [person.formally for person in self.addressees],
                meta["list_and"],
                meta.get("list_and_euphonic", ""),
                meta.get("list_euphonic_initials", ""),
            )
            values["surname"] = surname(self.addressee.name)
            if self.addressee.honorific:
                values["honorific"] = self.addressee.honorific
        if self.manager is not None:
            values["manager"] = self.manager.name
        if self.others:
            listed = (meta["list_and"], meta.get("list_and_euphonic", ""))
            initials = meta.get("list_euphonic_initials", "")
            values["people"] = join_names(
                [person.name for person in self.others], *listed, initials
            )
            # said aloud, or warmly, people are their first names ("Paolo, Chiara and
            # Davide"), unless two share one and only the full names tell them apart
            firsts = [person.given for person in self.others]
            if len(set(firsts)) < len(firsts):
                firsts = [person.name for person in self.others]
            values["people_first"] = join_names(firsts, *listed, initials)
            # a titled colleague in a polite letter: "l'Ing. Bonino", "la Prof.ssa Baldan"
            titled = meta.get("honorific_articles", {})
            values["people_titled"] = join_names(
                [_titled(person, titled) for person in self.others], *listed, initials
            )
        if _name_words(spoken, meta.get("name_articles", ())) <= SHORT_NAME:
            # a short name may come back in the closing line; a long one is said once, and
            # the closing says "your work", "la vostra realtà" (en2, it3 readers)
            values["company_again"] = values["company"]
        if self.location and not self.placeless(meta) and not self.home_town():
            # "Remote" or "Hybrid" is no place to name, and prose says the city: "Denver",
            # not "Denver, CO" (nobody says "CO" on a call)
            values["location"] = _city(self.location) or self.location
        values |= _gendered(meta.get("gendered_writer", {}), self.gender)
        if len(self.addressees) == 1 and self.addressee is not None:
            values |= _gendered(meta.get("gendered_reader", {}), self.addressee.gender)
        if self.liked:
            values["liked"] = lower_first(self.liked, meta.get("lowercase_first", ()))
        if self.linkedin:
            values["linkedin"] = self.linkedin
        return values

    def placeless(self, meta: dict[str, Any]) -> bool:
        """Say whether the offer's location names no place ("Remote", "Hybrid")."""
        return _says(self.location, meta.get("not_places", ()))

    def home_town(self) -> bool:
        """Say whether the job is in the candidate's own city: its name is no reason (it4)."""
        place = _city(self.location).casefold()
        return bool(place) and place == _city(self.city).casefold()

    def remote(self, meta: dict[str, Any]) -> bool:
        """Say whether the offer is remote, so that no place is a reason to turn it down."""
        return _says(self.location, meta.get("remote_words", ()))


def _says(text: str | None, words: Sequence[str]) -> bool:
    """Say whether `text` contains one of `words`, case aside."""
    folded = (text or "").casefold()
    return any(word in folded for word in words)


def _city(place: str | None) -> str:
    """Return a place's city, as prose says it: "Denver" of "Denver, CO"."""
    return (place or "").split(",")[0].strip()


def _titled(person: Person, articles: dict[str, str]) -> str:
    """Return a person met as a polite letter names them: article, title and surname."""
    article = articles.get(person.honorific or "")
    if article is None:
        return person.name
    space = "" if article.endswith(("'", "’")) else " "
    return f"{article}{space}{person.honorific} {surname(person.name)}"


def _role_in_prose(role: str) -> str:
    """Return a job title as a sentence can hold it: "Manager, APAC" is "Manager (APAC)".

    A title's own comma would need a closing one mid-sentence ("the Manager, APAC position")
    and reads as a list in a subject line; brackets say the same and close themselves.
    """
    head, comma, tail = role.partition(",")
    if not comma or "," in tail or "(" in role or not head.strip() or not tail.strip():
        return role
    return f"{head.strip()} ({tail.strip()})"


# A company name of more words than this is said once per letter ("Fondazione Istituto
# Italiano di Biorobotica"); a shorter one ("Acme Analytics") may be said twice.
SHORT_NAME = 2


def _name_words(name: str, articles: Sequence[str]) -> int:
    """Count the words of a name a reader hears: capitalised ones, a leading article aside."""
    words = name.split()
    if len(words) > 1 and words[0] in articles:
        words = words[1:]
    return sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())


def _gendered(words: dict[str, dict[str, str]], gender: str | None) -> dict[str, str]:
    """Return the words that agree with a person's gender (`grata`), none when it is unknown.

    A template naming one of them has a neutral alternative (see `text.render`), so a letter
    never guesses a gender nobody gave.
    """
    if gender is None:
        return {}
    return {key: forms[gender] for key, forms in words.items() if gender in forms}


def _text(field: str, value: str | None) -> str | None:
    value = clean(value)
    if value is not None and has_control(value):
        raise InputError(f"{field}: control characters are not allowed ({value!r})")
    return value


def _person(contact: Contact, book: Phrasebook, notes: list[str]) -> Person | None:
    name = _text("contact name", contact.name)
    if name is None:
        return None
    honorific = _text(f"honorific of {name}", contact.honorific)
    if honorific is not None and honorific not in book.meta["honorifics"]:
        mapped = book.meta.get("honorific_map", {}).get(honorific)
        if mapped is None:
            notes.append(
                f"The honorific {honorific!r} has no equivalent in {book.meta['name']}, so the "
                "letter leaves it out."
            )
        honorific = mapped
    return Person(
        name=name,
        honorific=honorific,
        title=_text(f"title of {name}", contact.title),
        email=_text(f"e-mail of {name}", contact.email),
        role=contact.role,
        gender=book.meta.get("honorific_gender", {}).get(honorific) if honorific else None,
        greeting_name=_text(f"greeting name of {name}", contact.greeting_name),
    )


# A panel larger than this is greeted through its first member, not by a list of names.
PANEL_LIMIT = 3


class _Role(Protocol):
    @property
    def role(self) -> str: ...


_Someone = TypeVar("_Someone", bound=_Role)


def lead(people: Sequence[_Someone]) -> _Someone | None:
    """Return whom the letter is to: the hiring manager, else the recruiter, else the first."""
    return next(
        (p for wanted in ("hiring_manager", "recruiter") for p in people if p.role == wanted),
        people[0] if people else None,
    )


def contact_register(offer: Offer, lang: str) -> str | None:
    """Return the register the letter's addressee asked for, when `lang` speaks it.

    The person written to decides between tu and Lei; a language without that register
    (English has none) writes as it always does.
    """
    contact = lead([c for c in offer.contacts if clean(c.name) is not None])
    if contact is not None and contact.register in registers(lang):
        return contact.register
    return None


def gather(offer: Offer, candidate: Candidate, book: Phrasebook, *, panel: bool = True) -> Facts:
    """Collect the facts: the addressee is the hiring manager, else the recruiter, else the
    first contact; with no contact the letter greets the team and says so in a note.

    When only interviewers are known, up to three of them are greeted together (`panel`;
    a LinkedIn message goes to one person, so it passes False)."""
    notes: list[str] = []
    company = _text("company", offer.company)
    role = _text("role", offer.role)
    name = _text("candidate name", candidate.name)
    if company is None or role is None or name is None:
        missing = [
            label
            for label, value in (("company", company), ("role", role), ("your name", name))
            if value is None
        ]
        raise InputError(f"a letter needs {' and '.join(missing)}")
    people = [p for c in offer.contacts if (p := _person(c, book, notes)) is not None]
    addressee = lead(people)
    manager = None
    if addressee is not None and addressee.role != "hiring_manager":
        manager = next((p for p in people if p.role == "hiring_manager"), None)
    addressees: tuple[Person, ...] = (addressee,) if addressee is not None else ()
    interviewers = tuple(p for p in people if p.role == "interviewer")
    if panel and addressee is not None and 1 < len(interviewers) == len(people) <= PANEL_LIMIT:
        addressees = interviewers
        notes.append(
            f"The letter greets {join_names([p.name for p in addressees], 'and')}: "
            "send it to all of them."
        )
    others = tuple(
        p for p in people if p not in addressees and p is not addressee and p is not manager
    )
    if addressee is None:
        notes.append(
            "No contact person is known, so the letter greets the team; a letter to a named "
            "person is better (add an [[offer.contact]] to the offer file, or --to)."
        )
    return Facts(
        company=company,
        role=role,
        candidate=name,
        addressee=addressee,
        addressees=addressees,
        manager=manager,
        others=others,
        liked=_liked(offer, candidate, book, notes),
        location=_text("location", offer.location),
        linkedin=_text("linkedin", candidate.linkedin),
        email=_text("e-mail", candidate.email),
        phone=_text("phone", candidate.phone),
        city=_text("city", candidate.city),
        sender_address=_text("address", candidate.address),
        recipient_address=_text("offer address", offer.address),
        notes=tuple(notes),
        gender=candidate.grammatical_gender,
        company_article=_text("company article", offer.company_article),
        candidate_given=_text("your greeting name", candidate.greeting_name),
    )


def _liked(offer: Offer, candidate: Candidate, book: Phrasebook, notes: list[str]) -> str | None:
    """Return what the candidate liked when it is in the letter's language, else None and a note.

    It is the candidate's own words: a letter in another language leaves it out rather than
    mix languages or translate it. Its language is the one whose phrase files share most of
    its words, or, when that is unclear, the candidate's letter language.
    """
    liked = _text("liked", offer.liked)
    if liked is None:
        return None
    written_in = guess_language(liked) or candidate.lang
    if written_in.casefold() == book.lang.casefold():
        return liked
    notes.append(
        f"What you liked ({liked!r}) is not in {book.meta['name']}, so this letter leaves it "
        f"out; write it in {book.meta['name']} to have it in the letter."
    )
    return None
