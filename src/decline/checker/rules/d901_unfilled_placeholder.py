"""An unfilled template blank.

## What it does
Flags template blanks anywhere in the letter: `[Company Name]`, `__(Name)__`, `<Name>`,
`{name}`, `XXX`, `_____`, `$recruiter`, "(job title)", a salutation made only of dots or
left empty ("Dear ,"), and mail-merge fields left unfilled (`{first_name}`, `<<Name>>`,
`%FIRST_NAME%`, `*|FNAME|*`, `#name#`, `FIRST_NAME`). A template can be graceful yet not
ready: this rule makes `ready_to_send` false without touching `graceful`.

## Why it matters
A letter with a leftover blank tells the reader it was copied from a template, which
undoes every personal touch (P4) in it. It belongs to no principle: it is about
readiness.

## Example
    Dear [Hiring Manager's Name], thank you for the [Position] offer.

## Use instead
    Dear Ms. Rossi, thank you for the Data Engineer offer.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

RULE = Rule(
    code="D901",
    name="unfilled-placeholder",
    principle=None,
    severity=Severity.ERROR,
    doc=__doc__ or "",
    bad=(
        Example("Dear [[[Name]]],\nThank you for the [[[Position]]] offer. I decline it."),
        Example("Dear [[__(Name)__]],\nThank you for the offer at [[<Company>]]. I decline."),
        Example("Dear [[{name}]],\nThanks for the offer from [[XXX]]. I decline it."),
        Example("Dear Mr. [[_______]],\nThank you for the offer. I decline it."),
        Example("Dear [[…]]\nThank you for the offer of [[(job title)]]. I decline it."),
        Example("Gentile [[[nome]]],\nLa ringrazio per l'offerta, ma rinuncio.", "it"),
        Example("Dear [[%FIRST_NAME%]],\nThank you for the offer. I decline it."),
        Example("Hi [[*|FNAME|*]],\nThank you for the offer. I decline it."),
        Example("Dear <[[<Name>]]>,\nThank you for the offer. I decline it."),
        Example("Dear {[[{first_name}]]},\nThank you for the offer. I decline it."),
        Example("Dear[[ ]],\nThank you for the offer. I decline it."),
        Example("Gentile [[#nome#]],\nLa ringrazio per l'offerta, ma rinuncio.", "it"),
        Example("Dear [[FIRST_NAME]],\nThank you for the offer. I decline it."),
    ),
    good=(
        Example("Dear Ms. Park,\nThank you for the offer. I decline it.\nSam <sam@example.com>"),
        Example("Dear Ms. Park,\nThank you (and Ana) for the offer. I decline it."),
        Example("Dear Ms. Park,\nThanks for the offer; it is 20% above my pay. I decline it."),
        Example("Dear Ms. Park,\nThank you for the offer for role #12. I decline it."),
        Example('Dear Ms. Park,\nAs you wrote, "we build […] to last". Thank you; I decline.'),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each blank."""
    for start, end in analysis.placeholders[:MAX_FINDINGS_PER_GRADE]:
        yield analysis.finding(RULE, start, end)
