"""Oversharing: health or family details, figures, a list of grievances.

## What it does
Flags medical and intimate family details, money figures (the competing offer's salary,
a percentage more), and a letter whose explanation turns into a list of grievances.
When no phrase gives it away but the word layer (docs/model.md) reads the letter as
sharing too much as a whole, a warning points at the sentence that weighed most.

## Why it matters
Give a brief explanation (P5), and nothing that could be misread or hurt the writer's
reputation: private details invite questions, figures read as a boast or a late
negotiation, and grievances read as an attack.

## Example
    The other company offered me $95,000, and my nephew has a serious illness.

## Use instead
    I have accepted an offer that is a better fit for my situation right now.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

RULE = Rule(
    code="D501",
    name="oversharing",
    principle="P5",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    grades=(
        (Severity.ERROR, "health or intimate family details"),
        (Severity.ERROR, "money figures"),
        (Severity.ERROR, "a list of grievances: each grievance, or the run of complaints"),
    ),
    bad=(
        Example("Dear Tom,\nThanks. I decline: another firm offered me [[$95,000]]."),
        Example("Dear Tom,\nThanks. I must decline, as my brother has a [[serious illness]]."),
        Example("Dear Tom,\nThanks, but I decline: they pay [[20% more]]."),
        Example("Gentile Luca,\ngrazie, ma rinuncio: mi offrono [[45.000 euro]].", "it"),
        Example(
            "Dear Tom,\nThanks, but I decline. [[I was told it was]] remote. [[I asked for]] "
            "later hours. The interviews were a poor experience too."
        ),
    ),
    good=(
        Example("Dear Tom,\nThanks. I decline, as I have accepted a role nearer home."),
        Example("Dear Tom,\nThanks. Family matters mean I cannot relocate now, so I decline."),
        Example("Dear Tom,\nThank you for the offer of 5 March. I must decline it."),
        Example("Dear Ms. Kay,\nThank you for the offer from St. Aidan's Hospital. I decline it."),
        Example("Dear Dr. Shah,\nThanks for the nurse post at the Hill Street surgery. I decline."),
        Example("Dear Tom,\nThanks. I was told you need an answer by Friday: I decline."),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each private detail and figure, and each complaint of a grievance list."""
    for hit in analysis.hits("overshare")[:MAX_FINDINGS_PER_GRADE]:
        yield analysis.finding(RULE, hit.start, hit.end)
    for hit in analysis.hits("money")[:MAX_FINDINGS_PER_GRADE]:
        yield analysis.finding(RULE, hit.start, hit.end, key="money")
    learned = analysis.word_finding(RULE, "oversharing")
    if learned is not None:
        yield learned
    if analysis.oversharing and not analysis.hits("overshare") and not analysis.hits("money"):
        grievances = analysis.hits("grievance")
        if grievances:
            for hit in grievances:
                yield analysis.finding(RULE, hit.start, hit.end)
            return
        complaints = analysis.complaint_sentences
        if complaints:  # oversharing by grovelling alone is D504's to report
            sentences = analysis.document.sentences
            first, last = complaints[0], complaints[-1]
            yield analysis.finding(RULE, sentences[first].start, sentences[last].end)
