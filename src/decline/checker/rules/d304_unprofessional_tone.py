"""Unprofessional tone: profanity, insults, slang, shouting, emoji.

## What it does
Flags profanity and insults (error) and slang, words in capitals for emphasis, strings of
"!" and emoji or emoticons (warning) in the body. Known acronyms (HR, CEO) are not shouting,
nor are a formal letter's conventions: a short heading or address line in capitals, or a
name in capitals after "il sottoscritto" and the like. When none of these is there but the
word layer (docs/model.md) reads the letter as flippant as a whole, a warning points at
the sentence that weighed most.

## Why it matters
A decline is a professional letter (P3): the reader may forward it, and the tone is what
they will remember of the candidate.

## Example
    Seriously, your process sucks!!!

## Use instead
    Thank you for the offer; after careful thought I have decided to decline it.
"""

from __future__ import annotations

from collections.abc import Iterator

from decline.checker.analysis import Analysis
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Example, Finding, Rule, Severity

RULE = Rule(
    code="D304",
    name="unprofessional-tone",
    principle="P3",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    grades=(
        (Severity.ERROR, "profanity or an insult"),
        (Severity.WARNING, "slang, capitals for emphasis, strings of “!”, emoji"),
    ),
    bad=(
        Example("Hi Tom,\nThanks, but this process [[sucks]]. I decline.\nBest,\nSam"),
        Example("Hi Tom,\nThanks for the offer[[!!!]] I must decline.\nBest,\nSam"),
        Example("Hi Tom,\nThanks, but I am [[NOT INTERESTED]]. I decline.\nBest,\nSam"),
        Example("Hi Tom,\n[[Yep]], thanks, but I decline the offer.\nBest,\nSam"),
        Example("Hi Tom,\nThanks for the offer [[🙂]] I must decline.\nBest,\nSam"),
        Example("Ciao Luca,\ngrazie, ma [[boh]], devo rinunciare.", "it"),
        Example("Hi Tom,\nThanks. This was [[AWFUL]] and I am [[NEVER]] coming back.\nSam"),
        Example("Hi Tom,\nThanks[[!!]] But I decline[[!!]]\nSam"),
    ),
    good=(
        Example("Hi Tom,\nThank you! I must decline the offer.\nBest,\nSam"),
        Example("Hi Tom,\nThank you. The HR team and the CEO were kind. I decline.\nBest,\nSam"),
        Example("Hello Sam,\nThanks for the offer; I must decline it.\nBest,\nAna"),
        Example("Dear Ms. Delgado,\nThank you for offering me the RN post. I must decline it."),
        Example(
            "Spett.le Ufficio Personale,\nRINUNCIA ALL'INCARICO\nIl sottoscritto MARIO ROSSI"
            " ringrazia e comunica la propria rinuncia all'incarico.\nDistinti saluti",
            "it",
        ),
        Example(
            "Gentile Luca,\ngrazie: ho accettato un incarico all'ASCOM, devo rinunciare.", "it"
        ),
        Example("Hi Tom,\nThanks so much!! Sadly I must decline the offer.\nBest,\nSam"),
        Example(
            "MR T. GREEN\nTHANK YOU FOR YOUR KIND OFFER. I REGRET I MUST DECLINE IT AS I HAVE"
            " ACCEPTED A POST ABROAD. WITH BEST WISHES\nSAM"
        ),
    ),
)


def check(analysis: Analysis) -> Iterator[Finding]:
    """Report each unprofessional span with its grade; with none, the sentence the word
    layer found most flippant when it judges the letter so as a whole (a warning)."""
    learned = analysis.word_finding(RULE, "professional_tone")
    if learned is not None:
        yield learned
    kept: dict[Severity, int] = {}
    for start, end, severity in analysis.tone_problems:
        count = kept.get(severity, 0)
        if count == MAX_FINDINGS_PER_GRADE:  # the engine keeps no more: do not build them
            continue
        kept[severity] = count + 1
        key = "message" if severity is Severity.ERROR else "warning"
        yield analysis.finding(RULE, start, end, severity=severity, key=key)
