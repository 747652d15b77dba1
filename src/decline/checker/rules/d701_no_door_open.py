"""No door left open.

## What it does
Flags a decline that shows no interest in future roles or in meeting again. A generic
"I wish you success" does not count.

## Why it matters
Leave the door open (P7): circumstances change, and the company that made this offer may
be the right employer in two years' time.

## Example
    Thank you for the offer. I must decline it. I wish you every success.

## Use instead
    … I admire your team's work and would welcome future opportunities to work together.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D701",
    name="no-door-open",
    principle="P7",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    bad=(
        Example("Dear Tom,\nThanks. I decline the offer. I wish you every success.[[]]\nSam"),
        Example("Gentile Luca,\ngrazie, ma devo rinunciare.[[]]\nCordiali saluti", "it"),
        Example("Dear Tom,\nThanks. I decline. I wish you every success in the future.[[]]\nSam"),
    ),
    good=(
        Example("Dear Tom,\nThanks. I decline. I hope our paths cross again.\nBest,\nSam"),
        Example("Dear Tom,\nThanks. I decline, but I'd welcome future opportunities.\nSam"),
        Example("Gentile Luca,\ngrazie, ma rinuncio. Spero di collaborare in futuro.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a missing door-open line at the end of the body."""
    if not analysis.hits("door_open"):
        end = analysis.document.body_end
        yield analysis.finding(RULE, end, end)
