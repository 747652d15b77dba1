"""Reads as ungraceful, though no single phrase gives it away (the learned layer).

## What it does
Flags a letter that the learned layer (docs/model.md) judges not graceful: implicit
criticism, sarcasm, moralising, flippancy, or a long story with no trigger word. It points
at the sentence that weighed most towards that verdict. As shipped the layer may only
soften (leave-one-corpus-out figures chose that): this finding is a warning, and when the
layer judges a letter graceful it turns the rules' errors of missing moves (no thanks, no
clear decision, …) into warnings. Profanity (D304), oversharing (D501), negativity (D503)
and burnt bridges (D702) are never softened.

## Why it matters
Never burn a bridge (P7): a reader hears the tone of a whole letter, not only its words.
What a list of phrases cannot catch still costs the candidate the relationship.

## Example
    Well, after five rounds I suppose this was always going to end one way. I am sure
    the next person will enjoy the schedule more than I would have.

## Use instead
    Thank you for the offer and for your time. After careful thought I have decided to
    decline. I hope our paths cross again.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import Example, Finding, Rule, Severity

RULE = Rule(
    code="D703",
    name="reads-ungraceful",
    principle="P7",
    severity=Severity.WARNING,
    grades=(
        (Severity.WARNING, "the layer doubts a letter in which the rules found no error"),
        (Severity.ERROR, "the same, when the shipped model is allowed to decide (docs/model.md)"),
    ),
    doc=__doc__ or "",
    bad=(
        Example(
            "Dear Ms. Park,\n[[Well, after five rounds and two take-home tasks I suppose it "
            "was always going to end this way, and I am sure the next person will enjoy the "
            "schedule more than I would have, since evenings and weekends seem to be part of "
            "the deal.]]\nSam"
        ),
    ),
    good=(
        Example(
            "Dear Ms. Park,\nThank you very much for the offer and for the time you spent "
            "with me. After careful thought I have decided to decline, as I have accepted a "
            "role closer to home. I am sorry not to be joining you, and I hope our paths "
            "cross again.\nKind regards,\nSam"
        ),
        Example(
            "Gentile Dott.ssa Rossi,\nLa ringrazio per l'offerta e per il tempo dedicatomi. "
            "Dopo un'attenta riflessione ho deciso di rinunciare, perché ho accettato un "
            "altro incarico. Mi dispiace molto e spero di poter collaborare in futuro.\n"
            "Cordiali saluti,\nSara",
            "it",
        ),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report the sentence that drove the learned layer's "not graceful", if it said so."""
    verdict = analysis.learned
    if verdict is None or verdict.graceful or verdict.sentence is None:
        return
    severity = Severity.WARNING if verdict.combine == "clear" else Severity.ERROR
    sentence = analysis.document.sentences[verdict.sentence]
    yield analysis.finding(RULE, sentence.start, sentence.end, severity=severity)
