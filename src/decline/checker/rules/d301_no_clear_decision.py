"""No clear decision, or a hedged one.

## What it does
Flags a letter that never says plainly that the candidate declines, and a decision
weakened by a hedge in the same sentence ("I'm not sure I can accept", "I might have to
decline"). Unambiguous implicit wording ("I have accepted another offer") counts as clear.

## Why it matters
Being prompt and professional (P3) means the employer can move on at once: a reader who
has to guess whether the answer is no will write back, and the search stalls.

## Example
    Thank you for the offer. I'm not sure I can accept it at this time.

## Use instead
    Thank you for the offer. After careful thought, I have decided to decline it.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D301",
    name="no-clear-decision",
    principle="P3",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    grades=(
        (Severity.ERROR, "no decision anywhere in the body"),
        (Severity.ERROR, "every decision in the body is hedged"),
    ),
    bad=(
        Example("Dear Tom,\n[[]]Thank you for the offer and your time.\nBest,\nSam"),
        Example("Dear Tom,\nThank you. [[I might have to decline the offer.]]\nBest,\nSam"),
        Example("Gentile Luca,\ngrazie. [[Forse dovrò rinunciare all'offerta.]]", "it"),
        Example("Dear Tom,\nThank you. [[I'm not sure I can accept it at this time.]]\nBest,\nSam"),
        Example("Dear Tom,\n[[]]Thank you. Perhaps we talk again next spring.\nBest,\nSam"),
        Example("Dear Tom,\n[[]]Thanks. I would never turn down an offer like yours.\nSam"),
        Example("Gentile Luca,\n[[]]grazie. Non l'ho mai rifiutato e non direi di no.", "it"),
        Example("Gentile Luca,\ngrazie. [[Se non è previsto un compenso, devo rinunciare.]]", "it"),
        Example("Dear Tom,\nThanks. [[It may not suit me, so I am withdrawing my name.]]\nSam"),
    ),
    good=(
        Example("Dear Tom,\nThank you. I have decided to decline the offer.\nBest,\nSam"),
        Example("Dear Tom,\nThank you. I have accepted another offer.\nBest,\nSam"),
        Example("Dear Tom,\nThanks. I am withdrawing my application.\nBest,\nSam"),
        Example("Dear Tom,\nThanks. I will proceed with my resignation as planned.\nBest,\nSam"),
        Example("Caro Luca,\ngrazie, ma confermo le mie dimissioni.", "it"),
        Example("Thanks,\n\nI have decided not to renew the contract.\n\nSam"),
        Example("Dear Tom,\nThanks. I decided to not accept. Maybe we meet again.\nBest,\nSam"),
        Example("Gentile Luca,\ngrazie. Ho deciso di declinare l'offerta.", "it"),
        Example("Gentile Luca,\ngrazie. Non è facile, ma rinuncio.", "it"),
        Example("Dear Tom,\nThanks. I will not be accepting the offer.\nBest,\nSam"),
        Example("Dear Tom,\nThanks. It may not be the right fit; I am withdrawing my name."),
        Example("Gentile Luca,\ngrazie. Forse non fa per me; rinuncio quindi all'offerta.", "it"),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report a missing decision at the body's start, or each hedged decision's sentence."""
    if analysis.clear_decisions:
        return
    sentences = analysis.document.sentences
    hedged = {hit.sentence for hit in analysis.hedged_decisions}
    if not hedged:  # "I'm not sure I can accept…": a hedge where the offer is discussed
        about_offer = analysis.sentences_with("offer_terms")
        undecided = sorted(analysis.sentences_with("hedge") & about_offer)
        hedged = set(undecided[:1])
    if not hedged:
        start = analysis.document.body_start
        yield analysis.finding(RULE, start, start)
        return
    for index in sorted(hedged):
        sentence = sentences[index]
        yield analysis.finding(RULE, sentence.start, sentence.end, key="hedged")
