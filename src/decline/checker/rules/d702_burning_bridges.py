"""Burning bridges.

## What it does
Flags remarks that end the relationship for good: "I would never…", "a waste of my time",
"your loss", "do not contact me again".

## Why it matters
Leave the door open (P7): never burn a bridge. A decline is remembered, forwarded and
sometimes quoted; one hostile line outweighs every courtesy around it.

## Example
    Honestly, the whole process was a waste of my time.

## Use instead
    Thank you for your time; I have decided to decline the offer.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

RULE = Rule(
    code="D702",
    name="burning-bridges",
    principle="P7",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    bad=(
        Example("Dear Tom,\nThanks. I decline; the process was a [[waste of my time]]."),
        Example("Dear Tom,\nThanks, but [[I would never work]] there. I decline."),
        Example("Gentile Luca,\ngrazie, ma rinuncio: una [[perdita di tempo]].", "it"),
    ),
    good=(
        Example("Dear Tom,\nThanks. I decline, and I apologise for the long wait."),
        Example("Dear Tom,\nThanks. I decline; I would never have met such a team otherwise."),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each bridge-burning remark."""
    for hit in analysis.hits("burn")[:MAX_FINDINGS_PER_GRADE]:
        yield analysis.finding(RULE, hit.start, hit.end)
