"""No offer to stay in touch.

## What it does
Flags a decline that never offers to keep in touch or connect (for example on LinkedIn).
Offering to refer someone else does not count.

## Why it matters
Declining does not sever ties (P6): the hiring manager is a contact worth keeping, and
an explicit offer to stay in touch makes the no feel like "not now".

## Example
    Thank you for the offer. I have decided to decline it. Best wishes, Sam

## Use instead
    … I would be glad to stay in touch; let's connect on LinkedIn.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D601",
    name="no-stay-connected",
    principle="P6",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    bad=(
        Example("Dear Tom,\nThank you. I have decided to decline the offer.[[]]\nBest,\nSam"),
        Example("Gentile Luca,\nLa ringrazio, ma devo rinunciare.[[]]\nCordiali saluti", "it"),
    ),
    good=(
        Example("Dear Tom,\nThanks. I decline. I would like to stay in touch.\nBest,\nSam"),
        Example("Dear Tom,\nThanks. I decline. Let's connect on LinkedIn.\nBest,\nSam"),
        Example("Gentile Luca,\ngrazie, ma rinuncio. Resto a disposizione.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a missing stay-connected line at the end of the body."""
    if not analysis.hits("stay_connected"):
        end = analysis.document.body_end
        yield analysis.finding(RULE, end, end)
