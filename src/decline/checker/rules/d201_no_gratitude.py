"""No thanks for the offer, the time or the opportunity.

## What it does
Flags a decline that never thanks the employer, from the salutation to the closing.

## Why it matters
Gratitude first is the second principle (P2): the employer spent time on the candidate,
and thanks keep the relationship warm whatever the answer.

## Example
    Dear Ms. Park,
    I will not be accepting the position.
    Regards, Sam

## Use instead
    Dear Ms. Park,
    Thank you for the offer and for the time your team spent with me. …
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D201",
    name="no-gratitude",
    principle="P2",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    bad=(
        Example("Dear Ms. Park,\n[[]]I will not be accepting the position.\nRegards,\nSam"),
        Example("Gentile Dott.ssa Rossi,\n[[]]devo declinare l'offerta.\nCordiali saluti", "it"),
    ),
    good=(
        Example("Dear Ms. Park,\nThank you for the offer. I must decline it.\nRegards,\nSam"),
        Example("Hi Tom,\nI have decided to decline the offer.\nThanks again,\nSam"),
        Example("Hi Marcus — thanks so much for the call. I'm withdrawing from the process."),
        Example("Gentile Maria,\nLa ringrazio per la proposta, ma devo rinunciare.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a letter that never thanks them, where the thanks belong."""
    if not analysis.gratitude:
        start = analysis.document.body_start
        yield analysis.finding(RULE, start, start)
