"""Grovelling or excessive apology.

## What it does
Flags begging forgiveness, self-reproach ("I feel terrible") and piled-up apologies
(a third apology in one letter). One such phrase is a suggestion; two or more are an
error: the apology has taken over the letter, which now overshares the writer's guilt.

## Why it matters
Give a brief explanation (P5) and stay professional: declining is normal and expected,
and over-apologising makes the letter about the candidate's guilt instead of the
employer's time.

## Example
    I am so very sorry. Please forgive me; I feel terrible about this.

## Use instead
    I am sorry to decline, and grateful for the time you gave me.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from decline.cache import compile as compile_pattern
from decline.checker.analysis import GROVEL_TAKES_OVER, Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

MAX_APOLOGIES = 2
_APOLOGY = compile_pattern(r"sorry|apolog|scus", re.IGNORECASE)

RULE = Rule(
    code="D504",
    name="grovelling",
    principle="P5",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    grades=(
        (Severity.SUGGESTION, "one grovelling phrase, or a third apology"),
        (Severity.ERROR, "two or more grovelling phrases: the apology takes over"),
    ),
    bad=(
        Example("Dear Tom,\nThanks. I must decline. [[Please forgive me]]."),
        Example("Dear Tom,\nThanks. I decline, and [[I feel terrible]] about it."),
        Example(
            "Dear Tom,\nThanks. Sorry, I decline. Sorry again. I am [[sorry]] for the trouble."
        ),
        Example("Gentile Luca,\ngrazie. Devo rinunciare, [[mi perdoni]].", "it"),
        Example(
            "Dear Tom,\nThanks. [[I feel terrible]]; I decline. [[Please forgive me]], "
            "I [[don't deserve]] your kindness."
        ),
    ),
    good=(
        Example("Dear Tom,\nThanks. I am sorry to decline the offer."),
        Example("Dear Tom,\nThanks. I decline, and I am truly sorry not to be joining you."),
        Example("Dear Tom,\nThanks. Unfortunately I decline, and I apologise for the delay."),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each grovelling phrase, and the apology that makes one too many."""
    spans = [(hit.start, hit.end) for hit in analysis.hits("grovel")]
    apologies = [
        hit for hit in analysis.hits("regret") if _APOLOGY.search(analysis.text, hit.start, hit.end)
    ]
    if len(apologies) > MAX_APOLOGIES:
        extra = apologies[MAX_APOLOGIES]
        if not any(start <= extra.start < end for start, end in spans):
            spans.append((extra.start, extra.end))
    grovelling = len(analysis.hits("grovel")) >= GROVEL_TAKES_OVER
    severity = Severity.ERROR if grovelling else Severity.SUGGESTION
    for start, end in sorted(spans):
        yield analysis.finding(RULE, start, end, severity=severity)
