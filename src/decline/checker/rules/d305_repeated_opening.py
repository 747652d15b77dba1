"""The same sentence opening twice in a short letter.

## What it does
Flags a sentence of a short letter (200 words or fewer) that opens with the same three
words as an earlier one: "I wanted to thank you … I wanted to let you know …". Sentences
of fewer than four words are left alone.

## Why it matters
A decline is short and professional (P3): in five sentences a repeated opening reads as a
template or as haste, and it is the first thing a careful reader notices.

## Example
    I want to thank you for the offer. I want to let you know that I must decline it.

## Use instead
    Thank you for the offer. After careful thought, I must decline it.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.cache import compile as compile_pattern
from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

SHORT = 200  # words: a longer letter may repeat itself without it showing
OPENING = 3  # words
_WORD = compile_pattern(r"\S+(?<![,;:.!?\"”’)])")  # a word as split() finds it, less punctuation
_PUNCTUATION = ',;:.!?"“”‘’()'

RULE = Rule(
    code="D305",
    name="repeated-opening",
    principle="P3",
    severity=Severity.SUGGESTION,
    doc=__doc__ or "",
    bad=(
        Example(
            "Dear Tom,\nI want to thank you for the offer. [[I want to]] let you know that I "
            "must decline it.\nBest,\nSam"
        ),
        Example(
            "Gentile Luca,\nLa ringrazio molto per l'offerta. [[La ringrazio molto]] anche per "
            "il tempo, ma devo rinunciare.\nCordiali saluti",
            "it",
        ),
    ),
    good=(
        Example(
            "Dear Tom,\nI want to thank you for the offer. After careful thought, I must "
            "decline it. I wish you well.\nBest,\nSam"
        ),
        Example("Dear Tom,\nThank you. Thank you again for the offer, but I decline it."),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each sentence that repeats an earlier sentence's opening words."""
    document = analysis.document
    if document.words > SHORT:
        return
    seen: set[tuple[str, ...]] = set()
    found = 0
    for sentence in document.sentences:
        words = sentence.text[:200].lower().split(None, OPENING)
        if len(words) <= OPENING:
            continue
        opening = tuple(word.strip(_PUNCTUATION) for word in words[:OPENING])
        if opening in seen and found < MAX_FINDINGS_PER_GRADE:
            spans = list(_WORD.finditer(sentence.text, 0, 200))
            if len(spans) > OPENING:
                found += 1
                start = sentence.start + spans[0].start()
                yield analysis.finding(RULE, start, sentence.start + spans[OPENING - 1].end())
        seen.add(opening)
