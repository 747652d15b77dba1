"""The draft being repaired: its parse, the checker's report, and the flagged sentences."""

from __future__ import annotations

import re
from typing import Any

from decline.repair.edits import Plan
from decline.repair.wording import wording

# Findings whose sentence is taken out (or, when it carries the decision, replaced).
REMOVE = frozenset({"D304", "D501", "D503", "D504", "D702"})
# Each trial edit is reviewed again, so trials are bounded: a letter has fewer flagged
# sentences and says no sooner than this, and a huge paste stays quick (past the bound, a
# flagged sentence is removed rather than cut to a clause).
TRIALS = 10
_CLAUSE_END = re.compile(
    r"\s*(?:[:;]|\s[–—-]\s|,?\s+(?:because|since|as|which|but|perché|poiché|però|ma)\b)"
)
_CLOSING_LIKE = re.compile(r"[ \t]*[^\W\d][^\n.!?:;]{0,58},[ \t]*\r?")


class Draft:
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
        sentences = self.document.sentences[: 2 * TRIALS]
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
        self, plan: Plan, book: Any, tone: str, facts: dict[str, str]
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
            if finding.rule in REMOVE and finding.length > 0:
                flagged.setdefault(self.sentence_span(finding.offset), finding.rule)
        if not flagged:
            return dict(self.report.signals)
        edits = dict.fromkeys(flagged, "")
        for span in sorted(flagged)[:TRIALS]:
            old = self.text[span[0] : span[1]]
            kept = _first_clause(old)
            if not kept:
                continue
            trial = dict(edits)
            trial[span] = kept + old[len(old.rstrip()) :]
            checked = self.review_with(trial)
            if checked is not None and not any(f.rule in REMOVE for f in checked.findings):
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
                plain = wording(book, tone, "decision", facts)
                edits[span] = plain + old[len(old.rstrip()) :]
                break
            without = self.review_with(edits)
        for span, rule in sorted(flagged.items()):
            old = self.text[span[0] : span[1]].strip()
            new = edits[span].strip()
            why = f"cuts to its first clause: {quote(old)}" if new else f"removes {quote(old)}"
            if new and new.rstrip(".") not in old:
                why = f"says the decision plainly instead of: {quote(old)}"
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


def quote(text: str, limit: int = 60) -> str:
    """Return a sentence on one line, cut to `limit` characters, in quotes."""
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1] + '…'}”"
