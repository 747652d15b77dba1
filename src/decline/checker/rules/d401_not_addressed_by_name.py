"""Not addressed to a person.

## What it does
Flags a letter with no salutation, or one that names no person: "To whom it may concern",
"Dear Sir or Madam", "Dear Hiring Manager", "Hi all", a title alone. A template blank for
a name ("Dear [Hiring Manager's Name]") counts as addressed; the blank itself is reported
by D901.

## Why it matters
Keep it personal (P4): the candidate met real people, and a decline addressed to them by
name shows that the connection mattered.

## Example
    To whom it may concern:

## Use instead
    Dear Ms. Rossi,
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D401",
    name="not-addressed-by-name",
    principle="P4",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    bad=(
        Example("[[Dear Sir or Madam]],\nThank you for the offer. I must decline it."),
        Example("[[To whom it may concern]]:\nThank you for the offer. I must decline it."),
        Example("[[Hi all]],\nThanks for the offer. I must decline it."),
        Example("[[]]Thank you for the offer. I must decline it.\nBest,\nSam"),
        Example("[[Gentili signori]],\nvi ringrazio per l'offerta, ma devo rinunciare.", "it"),
        Example("[[Gentile Dottore]],\nLa ringrazio per l'offerta, ma devo rinunciare.", "it"),
    ),
    good=(
        Example("Dear Ms. Park,\nThank you for the offer. I must decline it."),
        Example("Dear [Hiring Manager's Name],\nThank you for the offer. I must decline it."),
        Example("Hi Tom,\nThanks for the offer. I must decline it."),
        Example("Dear Mr.\nIbrahim, thank you for the\noffer. I must decline it."),
        Example("Hi Marcus — thanks so much for the offer. I must decline it."),
        Example("Greg,\n\nThank you for the counteroffer. I decline it.\n\nJon"),
        Example(
            "王小明\nAcme Acme Acme Acme Bianchi & Figli S.p.A\n\nDear 王小明,\n"
            "Thank you for the offer. I must decline it."
        ),
        Example(
            "Spett.le\nAcme Analytics S.p.A.\nc.a. Dott.ssa Maria Rossi\n\n"
            "Gentile Dott.ssa Rossi,\nLa ringrazio per l'offerta, ma devo rinunciare.",
            "it",
        ),
        Example("Gentile Dott.ssa Rossi,\nLa ringrazio per l'offerta, ma devo rinunciare.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report the impersonal salutation, or a missing one where it belongs."""
    if analysis.addressed_by_name:
        return
    salutation = analysis.document.salutation
    if salutation is None:
        start = analysis.document.body_start
        yield analysis.finding(RULE, start, start, key="missing")
        return
    start, end = salutation
    text = analysis.text
    while end > start and text[end - 1] in ",:;! \t":
        end -= 1
    yield analysis.finding(RULE, start, end)
