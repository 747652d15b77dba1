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
from functools import cache
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
# Each trial edit is reviewed again, so trials are bounded: a letter has fewer flagged
# sentences and says no sooner than this, and a huge paste stays quick (past the bound, a
# flagged sentence is removed rather than cut to a clause).
_TRIALS = 10
REPLACEMENTS_UP_TO = 20_000  # characters: LanguageTool replacements cost a repair (reviews)
# The rule that asks for each move (a reason answers none): ignoring it leaves the move out.
_RULE_OF_MOVE = {
    "gratitude": "D201",
    "decision": "D301",
    "regret": "D402",
    "stay_connected": "D601",
    "door_open": "D701",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_CLAUSE_END = re.compile(
    r"\s*(?:[:;]|\s[–—-]\s|,?\s+(?:because|since|as|which|but|perché|poiché|però|ma)\b)"
)
_LONE_LF = re.compile(r"(?<!\r)\n")
_CLOSING_LIKE = re.compile(r"[ \t]*[^\W\d][^\n.!?:;]{0,58},[ \t]*\r?")
_BLANK_KINDS = (
    ("name", re.compile(r"(?i)\b(?:your|my|tuo|mio|candidat\w*)\b.*\b(?:name|nome)\b")),
    ("company", re.compile(r"(?i)\b(?:company|employer|organi[sz]ation|azienda|società)\b")),
    ("role", re.compile(r"(?i)\b(?:role|position|job|title|posizione|ruolo)\b")),
    ("to", re.compile(r"(?i)\b(?:name|nome|manager|recruiter|contact|responsabile)\b")),
)


@dataclass(frozen=True)
class Change:
    """One edit of the original draft: replace `length` characters at `offset`.

    `rule` is the code of the finding the edit answers, or "" for one no rule asks for
    (a closing added to a draft that ends without one).
    """

    offset: int
    length: int
    replacement: str
    rule: str
    description: str

    def to_dict(self) -> dict[str, object]:
        """Return the change as the JSON faces show it."""
        return {
            "rule": self.rule or None,
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

    def apply(self, accepted: Iterable[int]) -> str:
        """Return the draft with only the accepted changes (their indices) made.

        Each change is an edit of the draft's own span, so any subset applies cleanly: the
        person may take the thanks and leave the closing.
        """
        chosen = set(accepted)
        return _edited(self.original, [c for i, c in enumerate(self.changes) if i in chosen])

    def diff(self, name: str = "draft") -> str:
        """Return a unified diff from the draft to the repaired letter."""
        return "".join(
            difflib.unified_diff(
                _ends_with_newline(self.original).splitlines(keepends=True),
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

    def touches(self, at: int) -> bool:
        """Say whether an edit already replaces text at `at`."""
        return any(start <= at < end for start, end, *_ in self.edits)

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
                    out[-1] = out[-1].rstrip(" \t\r\n")
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
    from decline.checker.engine import review

    for label, value in (("to", to), ("name", name), ("company", company), ("role", role)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(f"{label}: expected a non-empty text, found {value!r}", field=label)
    if not isinstance(decided, bool):
        raise InputError(f"decided: expected true or false, found {decided!r}", field="decided")
    if register is not None and not isinstance(register, str):
        raise InputError(f"register: expected a text, found {register!r}", field="register")
    ignore = tuple(ignore)
    before = review(text, lang, ignore=ignore)
    ignored = frozenset(code.strip().upper() for code in ignore)
    draft = _Draft(text.removeprefix("\ufeff"), before)
    book = _book(draft.lang, register, draft.text)
    tone = _tone(book, draft.text, before.words)
    facts = _facts(to=to, name=name, company=company, role=role)
    if _to_a_team(book, draft, renamed=bool(facts.get("first"))):
        facts["team"] = "yes"
    plan = _Plan()
    needs: list[str] = []
    signals = draft.take_out_flagged(plan, book, tone, facts)
    _greet(draft, plan, book, tone, facts, needs)
    _fill_blanks(draft, plan, facts, needs)
    wanted = dict(signals)
    for move, rule in _RULE_OF_MOVE.items():
        if rule in ignored:
            wanted[_SIGNAL[move]] = True  # an ignored rule's move counts as present
    _add_moves(draft, plan, book, tone, facts, wanted, decided, needs)
    _close(draft, plan, book, tone, facts, needs)
    repaired, changes = plan.apply(draft.text)
    if "\r\n" in draft.text:  # added lines end as the draft's do
        changes = tuple(
            replace(c, replacement=_LONE_LF.sub("\r\n", c.replacement)) for c in changes
        )
        repaired = _edited(draft.text, changes)
    after = review(repaired, draft.lang, ignore=ignore)
    if _worse(after, before):
        changes, repaired, after = _back_off(draft.text, draft.lang, changes, before, ignore)
    covered = {"D301"} if any(need.startswith("a clear decision") for need in needs) else set()
    rules = sorted({f.rule for f in after.findings if f.severity == "error"} - covered - {"D901"})
    if not after.graceful and rules:  # what a need above does not already ask for
        needs.append("a rewrite of what is still flagged: " + ", ".join(rules))
    return Repair(draft.text, repaired, draft.lang, changes, tuple(dict.fromkeys(needs)), after)


def _edited(original: str, changes: Iterable[Change]) -> str:
    """Return the original with the changes made: edits of its own disjoint spans, in the
    order of the text (two insertions at one place keep their order)."""
    text = original
    for change in reversed(list(changes)):
        end = change.offset + change.length
        text = text[: change.offset] + change.replacement + text[end:]
    return text


def _worse(after: Any, before: Any) -> bool:
    """Say whether a repaired letter reviews worse than the draft in any way."""

    def worst(report: Any) -> int:
        return max((finding.severity.rank for finding in report.findings), default=0)

    return bool(
        len(after.findings) > len(before.findings)
        or worst(after) > worst(before)
        or after.score < before.score
        or (before.graceful and not after.graceful)
    )


def _back_off(
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
            text = _edited(original, trial)
            report = review(text, lang, ignore=ignore)
            if not _worse(report, before):
                return tuple(trial), text, report
        kept.pop()
    return (), original, before


class _Draft:
    """The draft, its parse and the checker's first report."""

    def __init__(self, text: str, report: Any) -> None:
        from decline.checker.document import parse
        from decline.checker.lexicon import load

        self.text = text
        self.report = report
        self.lang: str = report.lang
        self.document = parse(text, load(self.lang))
        self.body_end, self.closing = self._unknown_closing()

    def _unknown_closing(self) -> tuple[int, bool]:
        """Return where the body really ends, and whether the draft has a closing.

        A short last line ending in a comma ("Warmest wishes (and thanks again),", or
        "Thanking you," above the checker's closing) is a closing the checker's word list
        does not know: the body ends before it, and no second closing is added.
        """
        document = self.document
        body = self.text[document.body_start : document.body_end]
        last = body.rsplit("\n", 1)
        if len(last) == 2 and _CLOSING_LIKE.fullmatch(last[1]):  # "Thanking you," too
            return document.body_start + len(last[0].rstrip()), True
        return document.body_end, document.closing is not None

    def _ends_a_paragraph(self, at: int) -> bool:
        rest = self.text[at:]
        return not rest.strip() or rest.startswith(("\n", "\r\n"))

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

    def carrier(self, signal: str) -> tuple[int, int] | None:
        """Return the span of the first body sentence that carries a signal, if one does.

        The checker says whether a letter has the signal, not where: the sentence is the
        first whose removal loses it, else the first that has it on its own.
        """
        if not self.report.signals.get(signal):
            return None
        sentences = self.document.sentences[: 2 * _TRIALS]
        for sentence in sentences:
            without = self.review_with({(sentence.start, sentence.end): ""})
            if without is None or not without.signals[signal]:
                return sentence.start, sentence.end
        from decline.checker.engine import review

        for sentence in sentences:
            if review(sentence.text, self.lang).signals[signal]:
                return sentence.start, sentence.end
        return None

    def take_out_flagged(
        self, plan: _Plan, book: Any, tone: str, facts: dict[str, str]
    ) -> dict[str, bool]:
        """Remove each sentence a rule flags (negative, oversharing, grovelling, flippant).

        A flagged sentence is cut back to its first clause when that clause is clean on its
        own ("I have accepted another offer: they pay 20% more" → "I have accepted another
        offer."): the writer's words, without what was flagged. When taking flagged
        sentences out loses the decision, the one that carried it says it plainly instead.
        Return the signals left afterwards.
        """
        flagged: dict[tuple[int, int], str] = {}
        for finding in self.report.findings:
            if finding.rule in _REMOVE and finding.length > 0:
                flagged.setdefault(self.sentence_span(finding.offset), finding.rule)
        if not flagged:
            return dict(self.report.signals)
        edits = dict.fromkeys(flagged, "")
        for span in sorted(flagged)[:_TRIALS]:
            old = self.text[span[0] : span[1]]
            kept = _first_clause(old)
            if not kept:
                continue
            trial = dict(edits)
            trial[span] = kept + old[len(old.rstrip()) :]
            checked = self.review_with(trial)
            if checked is not None and not any(f.rule in _REMOVE for f in checked.findings):
                edits[span] = trial[span]
        without = self.review_with(edits)
        decided = bool(self.report.signals["clear_decision"])
        if decided and (without is None or not without.signals["clear_decision"]):
            for span in sorted(span for span in flagged if not edits[span]):
                alone = {other: edits[other] for other in flagged if other != span}
                keeps = self.review_with(alone)
                if keeps is None or not keeps.signals["clear_decision"]:
                    continue
                old = self.text[span[0] : span[1]]
                plain = _wording(book, tone, "decision", facts)
                edits[span] = plain + old[len(old.rstrip()) :]
                break
            without = self.review_with(edits)
        for span, rule in sorted(flagged.items()):
            old = self.text[span[0] : span[1]].strip()
            new = edits[span].strip()
            why = f"cuts to its first clause: {_quote(old)}" if new else f"removes {_quote(old)}"
            if new and new.rstrip(".") not in old:
                why = f"says the decision plainly instead of: {_quote(old)}"
            start = span[0]
            if not new and self._ends_a_paragraph(span[1]):
                gap = self.text[: span[0]]
                if "\n" in gap[len(gap.rstrip()) :]:  # a whole paragraph goes, blank line too
                    start = len(gap.rstrip())
            plan.replace(start, span[1], edits[span], rule, why)
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
        at = draft.document.body_start  # below a subject line or headers, above the body
        plan.replace(at, at, f"{template}\n\n", "D401", "greets the person by name")


def _fill_blanks(draft: _Draft, plan: _Plan, facts: dict[str, str], needs: list[str]) -> None:
    """Fill a template's blanks from what is known; name the others."""
    for finding in draft.report.findings:
        if finding.rule != "D901":
            continue
        blank = draft.text[finding.offset : finding.offset + finding.length]
        signed = finding.offset >= draft.body_end  # under the closing: the writer's own
        value = _fill(blank, facts, signed=signed)
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
    """Add each missing move where a reader expects it, in the draft's own tone.

    Thanks open the body; a reason and regret go right after the decision's sentence; the
    decision itself is stated only when the person says they have decided, and then after
    the thanks. With no decision and no `decided`, nothing goes beside it: that sentence is
    the person's to write.
    """
    document = draft.document
    missing = [move for move in _MOVES if not signals.get(_SIGNAL[move], False)]
    if "gratitude" in missing:
        words = _wording(book, tone, "gratitude", facts)
        _open_body(draft, plan, book, words)
    middle = [move for move in missing if move in ("decision", "reason", "regret")]
    decision_end = _decision_end(draft) if signals.get("clear_decision") else None
    hedge = _hedge(draft, plan) if "decision" in middle else None
    plain = ""
    if hedge is not None and decided:  # "I might have to decline": said plainly instead
        old = draft.text[hedge[0] : hedge[1]]
        plain = _wording(book, tone, "decision", facts) + old[len(old.rstrip()) :]
        plan.replace(*hedge, plain, "D301", f"says the decision plainly instead of: {_quote(old)}")
        middle.remove("decision")
        decision_end = hedge[1]
    if decision_end is None and "decision" not in middle:
        middle = []  # a decision the draft lacks: reason and regret wait for it
    if "decision" in middle and not decided:
        middle = []
        hedged = f" (it hedges: {_quote(draft.text[hedge[0] : hedge[1]])})" if hedge else ""
        needs.append(
            f"a clear decision{hedged}: say plainly that you decline (or pass --decided if "
            "you have decided, and decline will say it for you)"
        )
    if middle:
        said, moves = _say(book, tone, facts, middle, draft.lang, before=plain.strip())
        if decision_end is None:
            thanks = draft.carrier("gratitude") if signals.get("gratitude") else None
            decision_end = document.body_start if thanks is None else thanks[1]
        # no rule asks for a reason (D501 is oversharing): a reason alone answers none
        rule = "D301" if "decision" in moves else "D402" if "regret" in moves else ""
        plan.inline(decision_end, said, rule, "adds " + _names(moves))
    ending = [move for move in missing if move in ("stay_connected", "door_open")]
    if ending:
        said = " ".join(_wording(book, tone, move, facts) for move in ending)
        rule = "D601" if "stay_connected" in ending else "D701"
        plan.paragraph(draft.body_end, said, rule, "adds " + _names(ending))


def _say(
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
        if context and review(context, lang).signals[_SIGNAL[move]]:
            continue
        said.append(_wording(book, tone, move, facts))
        included.append(move)
    return " ".join(said), included


def _hedge(draft: _Draft, plan: _Plan) -> tuple[int, int] | None:
    """Return the span of the sentence a hedged decision is in, if the checker found one."""
    for finding in draft.report.findings:
        if finding.rule == "D301" and finding.length > 0:
            span = draft.sentence_span(finding.offset)
            return None if plan.touches(span[0]) else span
    return None


def _quote(text: str, limit: int = 60) -> str:
    """Return a sentence on one line, cut to `limit` characters, in quotes."""
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1] + '…'}”"


def _open_body(draft: _Draft, plan: _Plan, book: Any, words: str) -> None:
    """Put thanks first in the body, matching how the draft starts its first sentence.

    After a salutation that ends in a comma, Italian (and some English) drafts start the
    body in lower case. The thanks then start that way, and the draft's first word, now
    second after a full stop, takes its capital: the only letter of theirs we touch. A
    courtesy pronoun ("La ringrazio") keeps its capital wherever it stands.
    """
    document = draft.document
    start = document.body_start
    first = draft.text[start : start + 1]
    salutation = document.salutation
    after_comma = salutation is not None and draft.text[: salutation[1]].rstrip().endswith(",")
    if not (after_comma and first.islower() and not plan.touches(start)):
        plan.inline(start, words, "D201", "adds thanks")
        return
    keep = _detect(book, "keep_capital")
    lowered = words if keep is not None and keep.match(words) else words[:1].lower() + words[1:]
    plan.inline(start, lowered, "D201", "adds thanks")
    plan.replace(
        start, start + 1, first.upper(), "D201", "capitalises the first word after the thanks"
    )


def _close(
    draft: _Draft, plan: _Plan, book: Any, tone: str, facts: dict[str, str], needs: list[str]
) -> None:
    """Add a closing when the draft has none: above its signature, or with the writer's name."""
    document = draft.document
    if draft.closing:
        return
    closing = _wording(book, tone, "closing", facts)
    tail = draft.text[document.body_end :]
    signature = len(tail) - len(tail.lstrip())
    if tail.strip() and document.body_end > document.body_start:
        at = document.body_end + signature
        plan.replace(at, at, closing + "\n", "", "adds a closing above the signature")
        return
    name = facts.get("name")
    plan.paragraph(len(draft.text), closing + (f"\n{name}" if name else ""), "", "adds a closing")
    if not name:
        needs.append("your name under the closing (--name NAME)")


def _decision_end(draft: _Draft) -> int | None:
    """Return the end of the decision's sentence, if the draft has one.

    The checker's missing-regret finding points at the decision's sentence; when regret is
    there (no such finding), the decision is the sentence whose removal loses it.
    """
    document = draft.document
    for finding in draft.report.findings:
        if finding.rule == "D402" and document.sentences and finding.offset < document.body_end:
            sentence = document.sentences[document.sentence_at(finding.offset)]
            if sentence.start == finding.offset:
                return int(sentence.end)
    found = draft.carrier("clear_decision")
    return None if found is None else found[1]


def _names(moves: Iterable[str]) -> str:
    return ", ".join(move.replace("_", " ") for move in moves)


def _ends_with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _keep_punctuation(old: str, new: str) -> str:
    """Return the new greeting with the old one's trailing punctuation, if it had any."""
    tail = old[len(old.rstrip(",:;!")) :]
    return new + tail


def _detect(book: Any, key: str) -> re.Pattern[str] | None:
    """Return the language's pattern that tells a trait of a draft (`[repair.detect]`)."""
    source = book.data.get("repair", {}).get("detect", {}).get(key)
    return None if not source else _compiled(source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _book(lang: str, register: str | None, text: str) -> Any:
    """Return the phrasebook in the draft's register: its own pattern says which it uses."""
    from decline.writer.phrasebook import phrasebook, registers

    if register is None:
        default = phrasebook(lang)
        for other in registers(lang)[1:]:
            pattern = _detect(default, f"register_{other}")
            if pattern is not None and pattern.search(text):
                register = other
                break
    return phrasebook(lang, register)


def _tone(book: Any, text: str, words: int) -> str:
    """Return the tone the draft is written in: formal, brief (short) or warm."""
    formal = _detect(book, "formal")
    if formal is not None and formal.search(text):
        return "formal"
    return "brief" if words < 70 else "warm"


def _to_a_team(book: Any, draft: _Draft, *, renamed: bool) -> bool:
    """Say whether the draft speaks to several people ("Dear hiring team", "vi", "you all").

    A team greeting counts unless the person's name replaces it; plural "you" in the body
    counts always, since those sentences stay.
    """
    document = draft.document
    greeting = _detect(book, "team_greeting")
    salutation = document.salutation
    if (
        greeting is not None
        and salutation is not None
        and not renamed
        and greeting.search(draft.text, salutation[0], salutation[1])
    ):
        return True
    plural = _detect(book, "team_body")
    return plural is not None and bool(
        plural.search(draft.text, document.body_start, document.body_end)
    )


def _facts(**given: str | None) -> dict[str, str]:
    from decline.writer.text import first_name

    facts = {key: " ".join(value.split()) for key, value in given.items() if value}
    if "to" in facts:
        facts["first"] = first_name(facts["to"])
        facts["formally"] = facts["to"]
        facts["name_of_recipient"] = facts["to"]
    return facts


def _wording(book: Any, tone: str, move: str, facts: dict[str, str]) -> str:
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


def _fill(blank: str, facts: dict[str, str], *, signed: bool = False) -> str | None:
    """Return what a template blank stands for, when it is known.

    A name blank under the closing (`signed`: "[Nome e Cognome]") is the writer's name,
    whatever its words; elsewhere "[Name]" is the person written to.
    """
    inner = blank.strip("[]{}()<>_ ")
    for kind, pattern in _BLANK_KINDS:
        if pattern.search(inner):
            if kind == "to" and signed:
                kind = "name"
            return facts.get(kind)
    return None


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


def with_replacements(report: Any, **facts: Any) -> Any:
    """Return the report with each finding's `replacements` holding the repair's concrete
    text, where the repair answers it with one edit of the finding's own span.

    A missing move (a finding of length 0) gets the text to insert at its position; a
    finding whose repair reaches beyond its span (a whole sentence removed for a phrase
    flagged in it) keeps no replacement, as LanguageTool replaces only the match.
    """
    text = report.text
    if len(text) > REPLACEMENTS_UP_TO:
        return report  # a paste this long is not a letter: review it quickly, as it is
    try:
        repair = fix(text, report.lang, **facts)
    except InputError:
        return report
    findings = []
    for finding in report.findings:
        value = _replacement(text, finding, [c for c in repair.changes if c.rule == finding.rule])
        findings.append(finding if value is None else finding._replace(replacements=(value,)))
    return replace(report, findings=tuple(findings))


def _replacement(text: str, finding: Any, changes: list[Change]) -> str | None:
    """Return what replaces the finding's span, when exactly one change covers just that."""
    if len(changes) != 1:
        return None
    change = changes[0]
    start, end = finding.offset, finding.offset + finding.length
    change_end = change.offset + change.length
    if not change.offset <= start <= end <= change_end:
        return None
    before, after = text[change.offset : start], text[end:change_end]
    new = change.replacement
    if finding.length == 0 and not before and after.isspace() and new.endswith(after):
        return new[: len(new) - len(after)]  # a paragraph added where the body ends
    if new.startswith(before) and new.endswith(after) and len(before) + len(after) <= len(new):
        return new[len(before) : len(new) - len(after)]
    return None
