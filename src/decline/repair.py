"""Repair a person's own draft in their own words: `decline review --fix`, `decline.fix`.

The checker finds what is wrong; the composer's phrase data supplies each missing move in the
draft's language, register and tone; the checker then verifies the result. Every sentence
the checker did not flag is kept word for word and in order. Nothing is decided for the
person: a hedged decision is made clear only when they say they have decided, and what only
they can supply (a name, a decision) is reported, not invented.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from decline.errors import InputError

# Findings whose sentence is taken out (or, when it carries the decision, replaced).
_REMOVE = frozenset({"D304", "D501", "D503", "D504", "D702"})
# The moves added when missing, in the order a reader expects them.
_MOVES = ("gratitude", "decision", "reason", "regret", "stay_connected", "door_open")
_SIGNAL = {
    "gratitude": "gratitude",
    "decision": "clear_decision",
    "reason": "brief_reason",
    "regret": "regret",
    "stay_connected": "stay_connected",
    "door_open": "door_open",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_CLAUSE_END = re.compile(
    r"\s*(?:[:;]|\s[–—-]\s|,?\s+(?:because|since|as|which|but|perché|poiché|però|ma)\b)"
)
_FORMAL = re.compile(
    r"\b(?:Dear (?:Mr|Ms|Mrs|Dr|Prof)\.?\s|Sincerely|Yours (?:sincerely|faithfully)|"
    r"Egregi[oa]|Spett\.?(?:le|abile)|Gentil[ei] (?:Dott|Ing|Avv|Prof|Sig)|Distinti saluti)",
)
_TU = re.compile(r"\b(?:ti|tuo|tua|tuoi|tue|te|Ciao)\b")
_BLANK_KINDS = (
    ("name", re.compile(r"(?i)\b(?:your|my|tuo|mio|candidat\w*)\b.*\b(?:name|nome)\b")),
    ("company", re.compile(r"(?i)\b(?:company|employer|organi[sz]ation|azienda|società)\b")),
    ("role", re.compile(r"(?i)\b(?:role|position|job|title|posizione|ruolo)\b")),
    ("to", re.compile(r"(?i)\b(?:name|nome|manager|recruiter|contact|responsabile)\b")),
)


@dataclass(frozen=True)
class Change:
    """One edit of the original draft: replace `length` characters at `offset`."""

    offset: int
    length: int
    replacement: str
    rule: str
    description: str

    def to_dict(self) -> dict[str, object]:
        """Return the change as the JSON faces show it."""
        return {
            "rule": self.rule,
            "offset": self.offset,
            "length": self.length,
            "replacement": self.replacement,
            "description": self.description,
        }


@dataclass(frozen=True)
class Repair:
    """The repaired letter, the changes made, and what only the person can supply."""

    original: str
    text: str
    lang: str
    changes: tuple[Change, ...]
    needs: tuple[str, ...]
    report: Any  # the checker's Report on the repaired text

    @property
    def ready(self) -> bool:
        """Say whether the repaired letter is ready to send with nothing left to supply."""
        return not self.needs and bool(self.report.ready_to_send)

    def diff(self, name: str = "draft") -> str:
        """Return a unified diff from the draft to the repaired letter."""
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                _ends_with_newline(self.text).splitlines(keepends=True),
                fromfile=name,
                tofile=f"{name} (fixed)",
            )
        )

    def to_dict(self) -> dict[str, object]:
        """Return the repair as the JSON faces show it."""
        return {
            "text": self.text,
            "lang": self.lang,
            "ready": self.ready,
            "changes": [change.to_dict() for change in self.changes],
            "needs": list(self.needs),
            "report": self.report.to_dict(),
        }


@dataclass
class _Plan:
    """Edits on the original text; insertions at one place keep the order they were made in.

    `inline` adds a sentence inside a paragraph (one space either side), `paragraph` adds a
    paragraph (a blank line either side), `replace` swaps a span as it is.
    """

    edits: list[tuple[int, int, str, str, str, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str, rule: str, why: str) -> None:
        self.edits.append((start, end, text, "replace", rule, why))

    def inline(self, at: int, text: str, rule: str, why: str) -> None:
        self.edits.append((at, at, text, "inline", rule, why))

    def paragraph(self, at: int, text: str, rule: str, why: str) -> None:
        self.edits.append((at, at, text, "paragraph", rule, why))

    def apply(self, original: str) -> tuple[str, tuple[Change, ...]]:
        """Return the edited text and each edit as a change of the original's span."""
        ordered = sorted(enumerate(self.edits), key=lambda item: (item[1][0], item[0]))
        out: list[str] = []
        changes: list[Change] = []
        cursor = 0
        for _, (start, end, text, kind, rule, why) in ordered:
            start = max(start, cursor)  # an insertion inside a removed span goes after it
            end = max(end, start)
            chunk = original[cursor:start]
            if kind == "inline":
                last = (chunk or "".join(out[-2:]))[-1:]
                before = "" if not last or last.isspace() else " "
                after = "" if end >= len(original) or original[end].isspace() else " "
                text = before + text + after
            elif kind == "paragraph":
                if not chunk.strip() and changes and out:  # right after another edit
                    out[-1] = out[-1].rstrip(" \t")
                    changes[-1] = replace(changes[-1], replacement=out[-1])
                kept = chunk.rstrip(" \t\r\n")
                start -= len(chunk) - len(kept)
                chunk = kept
                rest = original[end:]
                end += len(rest) - len(rest.lstrip(" \t\r\n"))
                lead = "\n\n" if (chunk or out) else ""
                text = lead + text + ("\n\n" if end < len(original) else "\n")
            elif not text and original[end : end + 1] in ("\n", "\r", ""):
                kept = chunk.rstrip(" \t")  # a removal leaves no space before a line break
                start -= len(chunk) - len(kept)
                chunk = kept
            out += [chunk, text]
            changes.append(Change(start, end - start, text, rule, why))
            cursor = end
        out.append(original[cursor:])
        return "".join(out), tuple(changes)


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
) -> Repair:
    """Repair a draft decline and return the repaired letter with what changed.

    `to` is the person to greet (a generic or missing salutation is replaced by their name),
    `name` the writer's own (for a missing signature or a blank), `company` and `role` fill
    blanks and let added sentences name them. `decided=True` says the person has decided,
    so a hedged or missing decision may be stated. Raises `InputError` as `review` does.
    """
    from decline.checker.engine import review

    for label, value in (("to", to), ("name", name), ("company", company), ("role", role)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(f"{label}: expected a non-empty text, found {value!r}")
    if not isinstance(decided, bool):
        raise InputError(f"decided: expected true or false, found {decided!r}")
    if register is not None and not isinstance(register, str):
        raise InputError(f"register: expected a text, found {register!r}")
    before = review(text, lang)
    draft = _Draft(text.removeprefix("\ufeff"), before)
    book = _book(draft.lang, register, draft.text)
    tone = _tone(draft.text, before.words)
    facts = _facts(to=to, name=name, company=company, role=role)
    plan = _Plan()
    needs: list[str] = []
    signals = draft.take_out_flagged(plan, book, tone, facts)
    _greet(draft, plan, book, tone, facts, needs)
    _fill_blanks(draft, plan, facts, needs)
    _add_moves(draft, plan, book, tone, facts, signals, decided, needs)
    _close(draft, plan, book, tone, facts, needs)
    repaired, changes = plan.apply(draft.text)
    after = review(repaired, draft.lang)
    if not after.graceful:
        rules = sorted({f.rule for f in after.findings if f.severity == "error"})
        needs.append("a rewrite of what is still flagged: " + ", ".join(rules))
    return Repair(draft.text, repaired, draft.lang, changes, tuple(dict.fromkeys(needs)), after)


class _Draft:
    """The draft, its parse and the checker's first report."""

    def __init__(self, text: str, report: Any) -> None:
        from decline.checker.document import parse
        from decline.checker.lexicon import load

        self.text = text
        self.report = report
        self.lang: str = report.lang
        self.document = parse(text, load(self.lang))

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """Return the span of the sentence at `offset`, with the spaces that follow it."""
        sentences = self.document.sentences
        if not sentences:
            return self.document.body_start, self.document.body_end
        index = self.document.sentence_at(offset)
        sentence = sentences[index]
        rest = self.text[sentence.end :]
        line = rest.split("\n", 1)[0]
        return sentence.start, sentence.end + len(line) - len(line.lstrip(" \t"))

    def review_with(self, edits: dict[tuple[int, int], str]) -> Any:
        """Return the report on the draft with some spans replaced, or None if nothing is left."""
        from decline.checker.engine import review

        pieces, cursor = [], 0
        for (start, end), new in sorted(edits.items()):
            pieces += [self.text[cursor:start], new]
            cursor = end
        pieces.append(self.text[cursor:])
        changed = "".join(pieces)
        return review(changed, self.lang) if changed.strip() else None

    def take_out_flagged(
        self, plan: _Plan, book: Any, tone: str, facts: dict[str, str]
    ) -> dict[str, bool]:
        """Remove each sentence a rule flags (negative, oversharing, grovelling, flippant).

        A flagged sentence that also says no is cut back to its first clause when that
        clause is clean ("I'm not going to take it: they pay more" → "I'm not going to take
        it."), else replaced by a plain decision. Return the signals left afterwards.
        """
        flagged: dict[tuple[int, int], str] = {}
        for finding in self.report.findings:
            if finding.rule in _REMOVE and finding.length > 0:
                flagged.setdefault(self.sentence_span(finding.offset), finding.rule)
        if not flagged:
            return dict(self.report.signals)
        edits = dict.fromkeys(flagged, "")
        without = self.review_with(edits)
        decided = bool(self.report.signals["clear_decision"])
        if decided and (without is None or not without.signals["clear_decision"]):
            for span in sorted(flagged):
                alone = {other: "" for other in flagged if other != span}
                keeps = self.review_with(alone)
                if keeps is None or not keeps.signals["clear_decision"]:
                    continue
                kept = _first_clause(self.text[span[0] : span[1]])
                trial = dict(edits)
                trial[span] = kept + " " if kept else ""
                checked = self.review_with(trial) if kept else None
                if (
                    checked is not None
                    and checked.signals["clear_decision"]
                    and not any(f.rule in _REMOVE for f in checked.findings)
                ):
                    edits[span] = trial[span]
                else:
                    edits[span] = _wording(book, tone, "decision", facts) + " "
                break
            without = self.review_with(edits)
        for span, rule in sorted(flagged.items()):
            old = self.text[span[0] : span[1]].strip()
            new = edits[span].strip()
            why = f"cuts it to its first clause: {old}" if new else f"removes: {old}"
            if new and new.rstrip(".") not in old:
                why = f"says the decision plainly instead of: {old}"
            plan.replace(span[0], span[1], edits[span], rule, why)
        if without is None:
            return dict.fromkeys(self.report.signals, False)
        return dict(without.signals)


def _first_clause(sentence: str) -> str:
    """Return a sentence cut at its first colon, dash, semicolon or 'because', as a sentence."""
    head = _CLAUSE_END.split(sentence.strip(), 1)[0].rstrip(" ,")
    if head == sentence.strip() or len(head.split()) < 3:
        return ""
    return head + "."


def _greet(
    draft: _Draft, plan: _Plan, book: Any, tone: str, facts: dict[str, str], needs: list[str]
) -> None:
    """Replace a generic salutation by the person's name, when it is known."""
    if not any(f.rule == "D401" for f in draft.report.findings):
        return
    if not facts.get("first"):
        needs.append("the name of the person to write to (--to NAME)")
        return
    template = _wording(book, tone, "salutation", facts)
    salutation = draft.document.salutation
    if salutation is not None:
        start, end = salutation
        greeting = _keep_punctuation(draft.text[start:end], template.rstrip(","))
        plan.replace(start, end, greeting, "D401", "greets the person by name")
    else:
        plan.replace(0, 0, f"{template}\n\n", "D401", "greets the person by name")


def _fill_blanks(draft: _Draft, plan: _Plan, facts: dict[str, str], needs: list[str]) -> None:
    """Fill a template's blanks from what is known; name the others."""
    for finding in draft.report.findings:
        if finding.rule != "D901":
            continue
        blank = draft.text[finding.offset : finding.offset + finding.length]
        value = _fill(blank, facts)
        if value is None:
            needs.append(f"what goes in {blank}")
        else:
            end = finding.offset + finding.length
            plan.replace(finding.offset, end, value, "D901", f"fills {blank}")


def _add_moves(
    draft: _Draft,
    plan: _Plan,
    book: Any,
    tone: str,
    facts: dict[str, str],
    signals: dict[str, bool],
    decided: bool,
    needs: list[str],
) -> None:
    """Add each missing move where a reader expects it, in the draft's own tone."""
    document = draft.document
    missing = [move for move in _MOVES if not signals.get(_SIGNAL[move], False)]
    if "decision" in missing and not decided:
        missing.remove("decision")
        needs.append(
            "a clear decision: say plainly that you decline (or pass --decided if you have "
            "decided, and decline will say it for you)"
        )
    if "gratitude" in missing:
        words = _wording(book, tone, "gratitude", facts)
        plan.inline(document.body_start, words, "D201", "adds thanks")
    middle = [move for move in missing if move in ("decision", "reason", "regret")]
    if middle:
        said = " ".join(_wording(book, tone, move, facts) for move in middle)
        at = _decision_end(draft)
        rule = {"decision": "D301", "reason": "D501", "regret": "D402"}[middle[0]]
        plan.inline(document.body_start if at is None else at, said, rule, "adds " + _names(middle))
    ending = [move for move in missing if move in ("stay_connected", "door_open")]
    if ending:
        said = " ".join(_wording(book, tone, move, facts) for move in ending)
        rule = "D601" if "stay_connected" in ending else "D701"
        plan.paragraph(document.body_end, said, rule, "adds " + _names(ending))


def _close(
    draft: _Draft, plan: _Plan, book: Any, tone: str, facts: dict[str, str], needs: list[str]
) -> None:
    """Add a closing and the writer's name when the draft ends without them."""
    if draft.document.closing is not None:
        return
    closing = _wording(book, tone, "closing", facts)
    name = facts.get("name")
    plan.paragraph(
        len(draft.text), closing + (f"\n{name}" if name else ""), "D201", "adds a closing"
    )
    if not name:
        needs.append("your name under the closing (--name NAME)")


def _decision_end(draft: _Draft) -> int | None:
    """Return the end of the decision's sentence (the checker points at it), if there is one."""
    document = draft.document
    for finding in draft.report.findings:
        if finding.rule == "D402" and document.sentences and finding.offset < document.body_end:
            sentence = document.sentences[document.sentence_at(finding.offset)]
            if sentence.start == finding.offset:
                return int(sentence.end)
    return None


def _names(moves: Iterable[str]) -> str:
    return ", ".join(move.replace("_", " ") for move in moves)


def _ends_with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _keep_punctuation(old: str, new: str) -> str:
    """Return the new greeting with the old one's trailing punctuation, if it had any."""
    tail = old[len(old.rstrip(",:;!")) :]
    return new + tail


def _book(lang: str, register: str | None, text: str) -> Any:
    from decline.writer.phrasebook import phrasebook, registers

    known = registers(lang)
    if register is None and len(known) > 1 and _TU.search(text):
        register = known[1]
    return phrasebook(lang, register)


def _tone(text: str, words: int) -> str:
    """Return the tone the draft is written in: formal, brief (short) or warm."""
    if _FORMAL.search(text):
        return "formal"
    return "brief" if words < 70 else "warm"


def _facts(**given: str | None) -> dict[str, str]:
    from decline.writer.text import first_name

    facts = {key: " ".join(value.split()) for key, value in given.items() if value}
    if "to" in facts:
        facts["first"] = first_name(facts["to"])
        facts["formally"] = facts["to"]
        facts["name_of_recipient"] = facts["to"]
    return facts


def _wording(book: Any, tone: str, move: str, facts: dict[str, str]) -> str:
    """Return the move in the tone's own wording when its facts are known, else generic."""
    values = {"company": facts.get("company", ""), "role": facts.get("role", "")}
    values.update(facts)
    tables = book.data.get(tone, {}).get(move, {})
    for option in tables.get("default", []) if isinstance(tables, dict) else []:
        needed = set(_PLACEHOLDER.findall(option))
        if needed <= {key for key, value in values.items() if value}:
            from decline.writer.text import render

            return str(book.join_articles(render(option, values), values["company"]))
    generic: str = book.data["repair"][tone][move]
    from decline.writer.text import render

    return render(generic, {key: value for key, value in values.items() if value})


def _fill(blank: str, facts: dict[str, str]) -> str | None:
    """Return what a template blank stands for, when it is known."""
    inner = blank.strip("[]{}()<>_ ")
    for kind, pattern in _BLANK_KINDS:
        if pattern.search(inner):
            key = "to" if kind == "to" else kind
            if kind == "name" and "name" in facts:
                return facts["name"]
            if kind != "name" and key in facts:
                return facts[key]
            return None
    return None
