"""Repair a person's own draft in their own words: `decline review --fix`, `decline.fix`.

The checker finds what is wrong; the composer's phrase data supplies each missing move in the
draft's language, register and tone; the checker then verifies the result. Every sentence
the checker did not flag is kept word for word and in order. Nothing is decided for the
person: a hedged decision is made clear only when they say they have decided, and what only
they can supply (a name, a decision) is reported, not invented.

Modules: `edits` (the changes and the result), `draft` (the draft and its flagged
sentences), `wording` (the phrase data in the draft's register and tone), `moves` (where each
missing move goes), `languagetool` (replacements for that format).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from decline.repair.draft import Draft
from decline.repair.edits import Change, Plan, Repair, edited
from decline.repair.languagetool import REPLACEMENTS_UP_TO, with_replacements
from decline.repair.moves import LONE_LF, RULE_OF_MOVE, add_moves, close, fill_blanks, greet
from decline.repair.wording import (
    SIGNAL,
    facts_for_offer,
    facts_from,
    phrasebook_for,
    to_a_team,
    tone_of,
)

__all__ = [
    "REPLACEMENTS_UP_TO",
    "Change",
    "Repair",
    "facts_for_offer",
    "fix",
    "with_replacements",
]


def fix(
    text: str,
    lang: str = "auto",
    *,
    to: str | None = None,
    name: str | None = None,
    company: str | None = None,
    role: str | None = None,
    decided: bool = False,
    register: str | None = None,
    ignore: Iterable[str] = (),
) -> Repair:
    """Repair a draft decline and return the repaired letter with what changed.

    `to` is the person to greet (a generic or missing salutation is replaced by their name),
    `name` the writer's own (for a missing signature or a blank), `company` and `role` fill
    blanks and let added sentences name them. `decided=True` says the person has decided,
    so a hedged or missing decision may be stated. The rules in `ignore` (as `review` takes
    them) are not acted on: ignoring D402 means no regret is added. Raises `InputError` as
    `review` does.
    """
    from decline import arguments
    from decline.checker.engine import review

    arguments.text("text", text)
    arguments.text("lang", lang)
    for label, value in (("to", to), ("name", name), ("company", company), ("role", role)):
        arguments.text(label, value, optional=True, blank=False)
    arguments.flag("decided", decided)
    arguments.text("register", register, optional=True)
    ignore = arguments.codes(ignore)
    before = review(text, lang, ignore=ignore)
    ignored = frozenset(code.strip().upper() for code in ignore)
    draft = Draft(text.removeprefix("\ufeff"), before)
    book = phrasebook_for(draft.lang, register, draft.text)
    tone = tone_of(book, draft.text, before.words)
    facts = facts_from(to=to, name=name, company=company, role=role)
    if to_a_team(book, draft, renamed=bool(facts.get("first"))):
        facts["team"] = "yes"
    plan = Plan()
    needs: list[str] = []
    signals = draft.take_out_flagged(plan, book, tone, facts)
    greet(draft, plan, book, tone, facts, needs)
    fill_blanks(draft, plan, facts, needs)
    wanted = dict(signals)
    for move, rule in RULE_OF_MOVE.items():
        if rule in ignored:
            wanted[SIGNAL[move]] = True  # an ignored rule's move counts as present
    add_moves(draft, plan, book, tone, facts, wanted, decided, needs)
    close(draft, plan, book, tone, facts, needs)
    repaired, changes = plan.apply(draft.text)
    if "\r\n" in draft.text:  # added lines end as the draft's do
        changes = tuple(replace(c, replacement=LONE_LF.sub("\r\n", c.replacement)) for c in changes)
        repaired = edited(draft.text, changes)
    after = review(repaired, draft.lang, ignore=ignore)
    if worse(after, before):
        changes, repaired, after = back_off(draft.text, draft.lang, changes, before, ignore)
    covered = {"D301"} if any(need.startswith("a clear decision") for need in needs) else set()
    rules = sorted({f.rule for f in after.findings if f.severity == "error"} - covered - {"D901"})
    if not after.graceful and rules:  # what a need above does not already ask for
        needs.append("a rewrite of what is still flagged: " + ", ".join(rules))
    return Repair(draft.text, repaired, draft.lang, changes, tuple(dict.fromkeys(needs)), after)


def worse(after: Any, before: Any) -> bool:
    """Say whether a repaired letter reviews worse than the draft in any way."""

    def worst(report: Any) -> int:
        return max((finding.severity.rank for finding in report.findings), default=0)

    return bool(
        len(after.findings) > len(before.findings)
        or worst(after) > worst(before)
        or after.score < before.score
        or (before.graceful and not after.graceful)
    )


def back_off(
    original: str, lang: str, changes: tuple[Change, ...], before: Any, ignore: tuple[str, ...]
) -> tuple[tuple[Change, ...], str, Any]:
    """Leave out changes, one at a time, until the result is no worse than the draft.

    The checker reads a letter whole, so an added line can shift how it parses the rest
    (a short first line becomes a greeting once a closing follows). The draft itself is
    never worse than itself: at worst, nothing changes.
    """
    from decline.checker.engine import review

    kept = list(changes)
    while kept:
        for index in reversed(range(len(kept))):
            trial = kept[:index] + kept[index + 1 :]
            text = edited(original, trial)
            report = review(text, lang, ignore=ignore)
            if not worse(report, before):
                return tuple(trial), text, report
        kept.pop()
    return (), original, before
