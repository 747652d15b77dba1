"""The reason runs on.

## What it does
Flags an explanation that goes on for several sentences: five or more sentences that
explain rather than thank or close, or three or more that complain. The finding spans the
explanation, from its first sentence to its last.

## Why it matters
Give a brief explanation (P5): one sentence of reason is courteous; a paragraph invites
debate and reads as a justification or a complaint.

## Example
    A decline that spends a paragraph on the other role, the team, the commute and the pay.

## Use instead
    I have accepted a role that fits my plans more closely right now.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

_LONG = (
    "Dear Tom,\nThank you for the offer. I must decline it. [[The commute would be long. "
    "My current employer has given me a new team. My career goals have shifted. "
    "My family prefers that I stay nearer home. The timing is also difficult, "
    "because of my other commitments.]]\nBest,\nSam"
)

RULE = Rule(
    code="D502",
    name="reason-runs-long",
    principle="P5",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    bad=(Example(_LONG),),
    good=(
        Example("Dear Tom,\nThank you. I must decline, as I have accepted another offer."),
        Example("Dear Tom,\nThank you. I decline: the commute would be long for me."),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a long explanation once, spanning its sentences."""
    if not analysis.reason_runs_long:
        return
    sentences = analysis.document.sentences
    indexes = analysis.complaint_sentences
    if len(indexes) < 3:
        indexes = analysis.explanation_sentences
    count = len(indexes)
    yield analysis.finding(
        RULE, sentences[indexes[0]].start, sentences[indexes[-1]].end, count=count
    )
