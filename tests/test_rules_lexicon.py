"""Lexicon entries stop where they should: each near miss is left alone, and the false
alarms the real-world letters showed stay fixed, in both languages."""

from __future__ import annotations

import re

import pytest

from decline import review
from decline.checker.lexicon import available, load

NEAR_MISSES = [
    pytest.param(code, category, pattern, near, id=f"{code}-{category}-{index}")
    for code in available()
    for category, entries in load(code).near_misses.items()
    for index, (pattern, near) in enumerate(entries)
]


def test_new_entries_carry_near_misses() -> None:
    assert len(NEAR_MISSES) >= 30


@pytest.mark.parametrize(("code", "category", "pattern", "near"), NEAR_MISSES)
def test_entry_leaves_its_near_miss_alone(
    code: str, category: str, pattern: str, near: str
) -> None:
    # the addressee categories judge the whole name; every other category searches
    whole = category in {"generic_addressee", "title_only"}
    found = (re.fullmatch if whole else re.search)(pattern, near, re.IGNORECASE)
    assert not found, f"{pattern!r} matches {near!r}"


GOOD_EN = (
    "Dear Ms. Park,\n\nThank you for the offer and for your time. {x} I have decided to "
    "decline, as I have accepted a role closer to home. I am sorry to miss working with you, "
    "and I hope our paths cross again.\n\nKind regards,\nSam"
)
GOOD_IT = (
    "Gentile Dott.ssa Rossi,\n\nLa ringrazio per l'offerta e per il tempo dedicatomi. {x} Ho "
    "deciso di rinunciare, perché ho accettato un incarico più vicino a casa. Mi dispiace "
    "molto e spero di collaborare in futuro.\n\nCordiali saluti,\nSara"
)


MUST_NOT_FLAG = {
    "en": [
        "Frankly, it was a hard choice.",
        "To be honest, the decision took me a week.",
        "I was told you need an answer by Friday, so here it is.",
        "The team works from the office one day a week, which I liked.",
        'As your founder wrote, "we build […] for the long run", and I admire that.',
        "The commute by train would be long for me.",
        "I was disappointed not to be able to say yes.",
        "I was disappointed to have to make this choice.",
    ],
    "it": [
        "A dire il vero, è stata una scelta difficile.",
        "Mi era stato detto che serviva una risposta entro venerdì.",
        "Ho apprezzato la possibilità di lavorare da casa un giorno a settimana.",
        "Come scrive il vostro fondatore, «costruiamo […] per durare», e lo ammiro.",
        "Sono deluso di non poter accettare.",
        "Vi ringrazio anche per la molta pazienza con i miei orari.",
        "Per giunta, avete risposto a ogni mia domanda.",
    ],
}
GOOD = {"en": GOOD_EN, "it": GOOD_IT}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [(lang, sentence) for lang, sentences in MUST_NOT_FLAG.items() for sentence in sentences],
)
def test_sentences_that_must_not_be_flagged(lang: str, sentence: str) -> None:
    report = review(GOOD[lang].format(x=sentence), lang)
    assert report.graceful, [f.rule for f in report.findings]
    assert report.ready_to_send, [f.rule for f in report.findings]
    assert not report.signals["negative_about_company"]
    assert not report.signals["oversharing"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("If that isn't possible, I will have to decline the offer.", "en"),
        ("Se ciò non fosse possibile, dovrò rinunciare all'offerta.", "it"),
    ],
)
def test_a_conditional_refusal_is_not_a_decision(text: str, lang: str) -> None:
    greeting = "Dear Tom,\n" if lang == "en" else "Gentile Tom,\n"
    assert not review(greeting + text, lang).signals["clear_decision"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("I've opted to remain with my current team.", "en"),
        ("I'll be taking a role elsewhere.", "en"),
        ("I must rescind my acceptance of the offer.", "en"),
        ("I am withdrawing my candidacy.", "en"),
        ("Non sono disponibile ad accettare l'incarico.", "it"),
        ("Ho optato per un'altra proposta.", "it"),
        ("Devo revocare la mia accettazione.", "it"),
    ],
)
def test_decisions_in_ordinary_words(sentence: str, lang: str) -> None:
    greeting = "Dear Tom,\nThank you. " if lang == "en" else "Gentile Tom,\nGrazie. "
    assert review(greeting + sentence, lang).signals["clear_decision"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("No thanks.", "en"),
        ("I decline the offer. Thanks anyway I guess.", "en"),
        ("No grazie.", "it"),
    ],
)
def test_hollow_thanks_are_not_gratitude(text: str, lang: str) -> None:
    report = review(("Dear Tom,\n" if lang == "en" else "Gentile Tom,\n") + text, lang)
    assert not report.signals["gratitude"]
    assert not report.graceful


@pytest.mark.parametrize(
    "sentence",
    [
        "Another company offered me 110k.",
        "Your offer was disappointing.",
        "The commute would be a nightmare.",
        "The role is boring.",
        "Thanks anyway I guess.",
    ],
)
def test_what_once_scored_100_is_no_longer_graceful(sentence: str) -> None:
    report = review(GOOD_EN.format(x=sentence), "en")
    assert not report.graceful
    assert report.score < 90


@pytest.mark.parametrize(
    "sentence",
    [
        "Un'altra azienda mi offre 45k.",
        "La vostra offerta è stata deludente.",
        "Il ruolo è noioso.",
    ],
)
def test_the_italian_equivalents_are_not_graceful_either(sentence: str) -> None:
    assert not review(GOOD_IT.format(x=sentence), "it").graceful


@pytest.mark.parametrize(
    ("salutation", "lang", "named"),
    [
        ("Dear Jane and team,", "en", True),
        ("Hi Jane & team,", "en", True),
        ("Gentile Dott.ssa Rossi e team,", "it", True),
        ("3 March 2026 Dear Ms. Park,", "en", True),
        ("Dear ,", "en", True),  # a blank for the name: named, but not ready to send
        ("Dear [Company Name] team,", "en", False),
        ("Dear [Company Name],", "en", False),
        ("Dear President,", "en", False),
        ("Caro Presidente,", "it", False),
        ("Dear Hiring Manager,", "en", False),
    ],
)
def test_salutations(salutation: str, lang: str, named: bool) -> None:
    body = GOOD_EN if lang == "en" else GOOD_IT
    text = salutation + body.format(x="").split("\n", 1)[1]
    assert review(text, lang).signals["addressed_by_name"] is named


def test_a_blank_form_field_for_the_name_is_not_ready() -> None:
    text = "Dear ," + GOOD_EN.format(x="").split("\n", 1)[1]
    report = review(text, "en")
    assert not report.ready_to_send
    assert any(f.rule == "D901" for f in report.findings)
