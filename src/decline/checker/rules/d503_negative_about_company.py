"""Negativity about the company, its people, its pay or its process.

## What it does
Flags criticism, blame, sarcasm and backhanded remarks aimed at the employer: a chaotic
or patronising process, pay that is "too low" or "not worth it", interviewers who were
"hard to talk to", "no offence"; a role called boring, a commute called a nightmare, an
offer called disappointing, a sarcastic "thanks, I guess", a lecture ("you should rethink…").
When no phrase gives it away but the word layer (docs/model.md) reads the letter as
critical as a whole, a warning points at the sentence that weighed most.

## Why it matters
Give a brief, safe reason (P5) and never burn a bridge (P7): the reader will remember the
criticism long after the reason, and hiring communities are small.

## Example
    No offence, but the salary was simply too low for the role.

## Use instead
    I have decided to accept a role that better fits my needs right now.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

RULE = Rule(
    code="D503",
    name="negative-about-company",
    principle="P5",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    bad=(
        Example("Dear Tom,\nThanks. [[No offence]], but I must decline the offer."),
        Example("Dear Tom,\nThank you. I decline: the [[role is boring]]."),
        Example("Dear Tom,\nThanks. I decline; the [[commute would be a nightmare]]."),
        Example("Dear Tom,\nThank you, I decline. Your [[offer was disappointing]]."),
        Example("Dear Tom,\nI decline the offer. [[Thanks anyway I guess]]."),
        Example("Dear Tom,\nI decline. [[You should really rethink]] how you treat people."),
        Example("Gentile Luca,\ngrazie, ma rinuncio: il [[ruolo è noioso]].", "it"),
        Example("Gentile Luca,\nrinuncio. [[Dovreste imparare]] a rispettare i candidati.", "it"),
        Example("Dear Tom,\nThanks. I decline: the [[salary was simply too low]]."),
        Example("Dear Tom,\nThanks. I decline; the process felt [[chaotic]]."),
        Example('Dear Tom,\nThanks for the [["generous"]] offer. I decline.'),
        Example(
            "Dear Tom,\nThanks. I decline; it was not the [[level of professionalism]] I need."
        ),
        Example("Gentile Luca,\ngrazie, ma rinuncio: un processo [[poco professionale]].", "it"),
    ),
    good=(
        Example("Dear Tom,\nThanks. I decline; this is no criticism of your team."),
        Example("Dear Tom,\nThanks. I have decided to decline; the gap in pay is too wide."),
        Example("Dear Tom,\nThank you. I am disappointed that I cannot accept."),
        Example("Dear Tom,\nThanks. Frankly, it was a hard choice, but I decline."),
        Example("Dear Tom,\nThanks. To be honest, the other role is closer to home. I decline."),
        Example("Dear Tom,\nThanks. I decline; the commute by train would be long for me."),
        Example("Dear Tom,\nThanks. I decline, as I have joined a more established firm."),
        Example("Dear Tom,\nThanks. I decline; I admired your work on scam detection."),
        Example("Caro Tom,\ngrazie, ma ho scelto un'azienda più strutturata.", "it"),
        Example("Gentile Dott.ssa Rossi,\nrinuncio. Mi vergogno di scriverLe così tardi.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each negative remark; with none, the sentence the word layer found most
    critical when it judges the letter critical as a whole (a warning: no phrase says it)."""
    hits = analysis.hits("negative")
    for hit in hits[:MAX_FINDINGS_PER_GRADE]:
        yield analysis.finding(RULE, hit.start, hit.end)
    learned = analysis.word_finding(RULE, "negative_about_company")
    if learned is not None:
        yield learned
