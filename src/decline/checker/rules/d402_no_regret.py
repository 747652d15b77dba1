"""No expression of regret.

## What it does
Flags a decline that never says it is sorry, regrets the answer or finds it unfortunate.
The finding points at the decision, where a word of regret usually sits.

## Why it matters
Keep it personal (P4): a word of regret shows the offer mattered and softens the no.
It is a suggestion, not a requirement: many graceful letters do without it.

## Example
    Thank you for the offer. I have decided to decline it.

## Use instead
    Thank you for the offer. Unfortunately, I have decided to decline it.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D402",
    name="no-regret",
    principle="P4",
    severity=Severity.SUGGESTION,
    doc=__doc__ or "",
    bad=(
        Example("Dear Tom,\nThank you for the offer. [[]]I have decided to decline it."),
        Example("Gentile Luca,\nLa ringrazio. [[]]Ho deciso di declinare l'offerta.", "it"),
    ),
    good=(
        Example("Dear Tom,\nThank you. Unfortunately, I have decided to decline it."),
        Example("Dear Tom,\nThank you. I regret that I must decline the offer."),
        Example("Gentile Luca,\nLa ringrazio. Purtroppo devo rinunciare all'offerta.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report missing regret at the first decision's sentence, else at the body's end."""
    if analysis.hits("regret"):
        return
    decisions = analysis.hits("decision")
    if decisions:
        at = analysis.document.sentences[decisions[0].sentence].start
    else:
        at = analysis.document.body_end
    yield analysis.finding(RULE, at, at)
