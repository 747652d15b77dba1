"""The reply is late.

## What it does
When the dates are known (`--received`, `--deadline`, `--today`), flags a letter sent
after the offer's deadline (warning) or more than three calendar days after the offer
arrived (suggestion). Timing is about when the letter is sent, not what it says.

## Why it matters
Be prompt (P3): the employer holds the role open and may have other candidates waiting;
every day of delay costs them, and a late answer sours an otherwise graceful no.

## Example
    An offer received on 1 March, answered on 9 March, after a deadline of 6 March.

## Use instead
    Answer as soon as you have decided, and before the deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

PROMPT_DAYS = 3

_LETTER = "Dear Tom,\n[[]]Thank you for the offer. I must decline it.\nBest,\nSam"
_GOOD = "Dear Tom,\nThank you for the offer. I must decline it.\nBest,\nSam"

RULE = Rule(
    code="D303",
    name="late-reply",
    principle="P3",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    grades=(
        (Severity.SUGGESTION, f"more than {PROMPT_DAYS} calendar days after the offer"),
        (Severity.WARNING, "after the deadline"),
    ),
    bad=(
        Example(_LETTER, received=date(2026, 3, 1), today=date(2026, 3, 5)),
        Example(_LETTER, deadline=date(2026, 3, 6), today=date(2026, 3, 9)),
    ),
    good=(
        Example(_GOOD, received=date(2026, 3, 1), today=date(2026, 3, 4)),
        Example(
            _GOOD, received=date(2026, 3, 1), deadline=date(2026, 3, 4), today=date(2026, 3, 4)
        ),
        Example(_GOOD),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report lateness at the body's start: past the deadline first, else slow."""
    today = analysis.today or date.today()
    start = analysis.document.body_start
    if analysis.deadline and today > analysis.deadline:
        yield analysis.finding(
            RULE,
            start,
            start,
            severity=Severity.WARNING,
            key="warning",
            deadline=analysis.deadline.isoformat(),
        )
    elif analysis.received and (today - analysis.received).days > PROMPT_DAYS:
        days = (today - analysis.received).days
        yield analysis.finding(RULE, start, start, severity=Severity.SUGGESTION, days=days)
