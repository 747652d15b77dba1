"""The letter is too long.

## What it does
Counts the words of the body (not the salutation, closing, signature, subject or address
blocks) and flags a body past 200 words (suggestion) or past 250 words (warning).

## Why it matters
A graceful decline is short (P3): thanks, a clear no, one brief reason and a warm close.
Every extra paragraph is one more place to be misread, and it buries the decision.

## Example
    A 300-word letter that retells the whole interview process.

## Use instead
    Five or six sentences: thanks, the decision, a short reason, staying in touch.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

SUGGEST_AFTER = 200
WARN_AFTER = 250

_SENTENCE = "Thank you for the offer and for the many hours your panel gave me in March. "

RULE = Rule(
    code="D302",
    name="too-long",
    principle="P3",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    grades=(
        (Severity.SUGGESTION, f"more than {SUGGEST_AFTER} words in the body"),
        (Severity.WARNING, f"more than {WARN_AFTER} words in the body"),
    ),
    bad=(
        Example("Dear Tom,\n[[]]" + _SENTENCE * 13 + "I must decline.\nBest,\nSam"),
        Example("Dear Tom,\n[[]]" + _SENTENCE * 16 + "I must decline.\nBest,\nSam"),
    ),
    good=(Example("Dear Tom,\n" + _SENTENCE * 11 + "I must decline.\nBest,\nSam"),),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a long body at its start, graded by length."""
    words = analysis.document.words
    if words <= SUGGEST_AFTER:
        return
    start = analysis.document.body_start
    if words > WARN_AFTER:
        yield analysis.finding(
            RULE, start, start, severity=Severity.WARNING, key="warning", words=words
        )
    else:
        yield analysis.finding(RULE, start, start, severity=Severity.SUGGESTION, words=words)
