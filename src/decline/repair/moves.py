"""Where each missing move goes, and what a repair asks of the person."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from decline.repair.draft import Draft, quote
from decline.repair.edits import Plan
from decline.repair.wording import SIGNAL, detect, say, wording

# The moves added when missing, in the order a reader expects them.
MOVES = ("gratitude", "decision", "reason", "regret", "stay_connected", "door_open")
# The rule that asks for each move (a reason answers none): ignoring it leaves the move out.
RULE_OF_MOVE = {
    "gratitude": "D201",
    "decision": "D301",
    "regret": "D402",
    "stay_connected": "D601",
    "door_open": "D701",
}
LONE_LF = re.compile(r"(?<!\r)\n")
_BLANK_KINDS = (
    ("name", re.compile(r"(?i)\b(?:your|my|tuo|mio|candidat\w*)\b.*\b(?:name|nome)\b")),
    ("company", re.compile(r"(?i)\b(?:company|employer|organi[sz]ation|azienda|società)\b")),
    ("role", re.compile(r"(?i)\b(?:role|position|job|title|posizione|ruolo)\b")),
    ("to", re.compile(r"(?i)\b(?:name|nome|manager|recruiter|contact|responsabile)\b")),
)


def greet(
    draft: Draft, plan: Plan, book: Any, tone: str, facts: dict[str, str], needs: list[str]
) -> None:
    """Replace a generic salutation by the person's name, when it is known."""
    if not any(f.rule == "D401" for f in draft.report.findings):
        return
    if not facts.get("first"):
        needs.append("the name of the person to write to (--to NAME)")
        return
    template = wording(book, tone, "salutation", facts)
    salutation = draft.document.salutation
    if salutation is not None:
        start, end = salutation
        greeting = _keep_punctuation(draft.text[start:end], template.rstrip(","))
        plan.replace(start, end, greeting, "D401", "greets the person by name")
    else:
        at = draft.document.body_start  # below a subject line or headers, above the body
        plan.replace(at, at, f"{template}\n\n", "D401", "greets the person by name")


def fill_blanks(draft: Draft, plan: Plan, facts: dict[str, str], needs: list[str]) -> None:
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


def add_moves(
    draft: Draft,
    plan: Plan,
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
    missing = [move for move in MOVES if not signals.get(SIGNAL[move], False)]
    if "gratitude" in missing:
        words = wording(book, tone, "gratitude", facts)
        _open_body(draft, plan, book, words)
    middle = [move for move in missing if move in ("decision", "reason", "regret")]
    decision_end = _decision_end(draft) if signals.get("clear_decision") else None
    hedge = _hedge(draft, plan) if "decision" in middle else None
    plain = ""
    if hedge is not None and decided:  # "I might have to decline": said plainly instead
        old = draft.text[hedge[0] : hedge[1]]
        plain = wording(book, tone, "decision", facts) + old[len(old.rstrip()) :]
        plan.replace(*hedge, plain, "D301", f"says the decision plainly instead of: {quote(old)}")
        middle.remove("decision")
        decision_end = hedge[1]
    if decision_end is None and "decision" not in middle:
        middle = []  # a decision the draft lacks: reason and regret wait for it
    if "decision" in middle and not decided:
        middle = []
        hedged = f" (it hedges: {quote(draft.text[hedge[0] : hedge[1]])})" if hedge else ""
        needs.append(
            f"a clear decision{hedged}: say plainly that you decline (or pass --decided if "
            "you have decided, and decline will say it for you)"
        )
    if middle:
        said, moves = say(book, tone, facts, middle, draft.lang, before=plain.strip())
        if decision_end is None:
            thanks = draft.carrier("gratitude") if signals.get("gratitude") else None
            decision_end = document.body_start if thanks is None else thanks[1]
        # no rule asks for a reason (D501 is oversharing): a reason alone answers none
        rule = "D301" if "decision" in moves else "D402" if "regret" in moves else ""
        plan.inline(decision_end, said, rule, "adds " + _names(moves))
    ending = [move for move in missing if move in ("stay_connected", "door_open")]
    if ending:
        said = " ".join(wording(book, tone, move, facts) for move in ending)
        rule = "D601" if "stay_connected" in ending else "D701"
        plan.paragraph(draft.body_end, said, rule, "adds " + _names(ending))


def _hedge(draft: Draft, plan: Plan) -> tuple[int, int] | None:
    """Return the span of the sentence a hedged decision is in, if the checker found one."""
    for finding in draft.report.findings:
        if finding.rule == "D301" and finding.length > 0:
            span = draft.sentence_span(finding.offset)
            return None if plan.touches(span[0]) else span
    return None


def _open_body(draft: Draft, plan: Plan, book: Any, words: str) -> None:
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
    keep = detect(book, "keep_capital")
    lowered = words if keep is not None and keep.match(words) else words[:1].lower() + words[1:]
    plan.inline(start, lowered, "D201", "adds thanks")
    plan.replace(
        start, start + 1, first.upper(), "D201", "capitalises the first word after the thanks"
    )


def close(
    draft: Draft, plan: Plan, book: Any, tone: str, facts: dict[str, str], needs: list[str]
) -> None:
    """Add a closing when the draft has none: above its signature, or with the writer's name."""
    document = draft.document
    if draft.closing:
        return
    closing = wording(book, tone, "closing", facts)
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


def _decision_end(draft: Draft) -> int | None:
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


def _keep_punctuation(old: str, new: str) -> str:
    """Return the new greeting with the old one's trailing punctuation, if it had any."""
    tail = old[len(old.rstrip(",:;!")) :]
    return new + tail


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
