"""The words a repair adds: the draft's register, tone and addressee, and the phrase data."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decline.repair.draft import Draft

SIGNAL = {
    "gratitude": "gratitude",
    "decision": "clear_decision",
    "reason": "brief_reason",
    "regret": "regret",
    "stay_connected": "stay_connected",
    "door_open": "door_open",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def detect(book: Any, key: str) -> re.Pattern[str] | None:
    """Return the language's pattern that tells a trait of a draft (`[repair.detect]`)."""
    source = book.data.get("repair", {}).get("detect", {}).get(key)
    return None if not source else _compiled(source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def phrasebook_for(lang: str, register: str | None, text: str) -> Any:
    """Return the phrasebook in the draft's register: its own pattern says which it uses."""
    from decline.writer.phrasebook import phrasebook, registers

    if register is None:
        default = phrasebook(lang)
        for other in registers(lang)[1:]:
            pattern = detect(default, f"register_{other}")
            if pattern is not None and pattern.search(text):
                register = other
                break
    return phrasebook(lang, register)


def tone_of(book: Any, text: str, words: int) -> str:
    """Return the tone the draft is written in: formal, brief (short) or warm."""
    formal = detect(book, "formal")
    if formal is not None and formal.search(text):
        return "formal"
    return "brief" if words < 70 else "warm"


def to_a_team(book: Any, draft: Draft, *, renamed: bool) -> bool:
    """Say whether the draft speaks to several people ("Dear hiring team", "vi", "you all").

    A team greeting counts unless the person's name replaces it; plural "you" in the body
    counts always, since those sentences stay.
    """
    document = draft.document
    greeting = detect(book, "team_greeting")
    salutation = document.salutation
    if (
        greeting is not None
        and salutation is not None
        and not renamed
        and greeting.search(draft.text, salutation[0], salutation[1])
    ):
        return True
    plural = detect(book, "team_body")
    return plural is not None and bool(
        plural.search(draft.text, document.body_start, document.body_end)
    )


def facts_from(**given: str | None) -> dict[str, str]:
    from decline.writer.text import first_name

    facts = {key: " ".join(value.split()) for key, value in given.items() if value}
    if "to" in facts:
        facts["first"] = first_name(facts["to"])
        facts["formally"] = facts["to"]
        facts["name_of_recipient"] = facts["to"]
    return facts


def wording(book: Any, tone: str, move: str, facts: dict[str, str]) -> str:
    """Return the move in the tone's own wording when its facts are known, else generic.

    To a team, the `_team` wording comes first (Italian "Vi ringrazio", not "La ringrazio").
    """
    from decline.writer.text import render

    values = {"company": facts.get("company", ""), "role": facts.get("role", "")}
    values.update(facts)
    known = {key for key, value in values.items() if value}
    team = "team" in facts
    tables = book.data.get(tone, {}).get(move, {})
    if isinstance(tables, dict):
        # a move with team wording speaks to one person in its `default`: not to a team
        case = "default_team" if team and "default_team" in tables else "default"
        for option in tables.get(case, []):
            # an option may offer alternatives (" || "); one whose facts are known will do
            if any(set(_PLACEHOLDER.findall(alt)) <= known for alt in option.split(" || ")):
                return str(book.join_articles(render(option, values), values["company"]))
    generic = book.data["repair"][tone]
    wording: str = generic.get(f"{move}_team", generic[move]) if team else generic[move]
    return render(wording, {key: value for key, value in values.items() if value})


def say(
    book: Any, tone: str, facts: dict[str, str], moves: list[str], lang: str, before: str = ""
) -> tuple[str, list[str]]:
    """Return the moves' sentences and the moves said, leaving out one that what is said
    before already says ("I am sorry to say that I have decided to decline" needs no second
    "I am sorry"); `before` is a sentence just added in front of them."""
    from decline.checker.engine import review

    said: list[str] = []
    included: list[str] = []
    for move in moves:
        context = " ".join([before, *said]).strip()
        if context and review(context, lang).signals[SIGNAL[move]]:
            continue
        said.append(wording(book, tone, move, facts))
        included.append(move)
    return " ".join(said), included


def facts_for_offer(offer: Any, candidate: Any | None) -> dict[str, str]:
    """Return what an offer and the candidate say for a repair: whom to greet, company, role
    and the writer's name. The person greeted is the hiring manager, else the recruiter,
    else the first contact, as the composer chooses."""
    facts = {"company": offer.company, "role": offer.role}
    contacts = list(offer.contacts)
    chosen = next(
        (c for wanted in ("hiring_manager", "recruiter") for c in contacts if c.role == wanted),
        contacts[0] if contacts else None,
    )
    if chosen is not None:
        facts["to"] = chosen.name
    if candidate is not None and candidate.name:
        facts["name"] = candidate.name
    return facts
