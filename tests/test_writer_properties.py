"""Hypothesis: any realistic names, any subset of optional facts, every promise holds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from decline import review
from decline.offers import Candidate, Contact, Offer
from decline.settings import CHANNELS, TONES
from decline.writer.composer import REASONS, compose
from writer_support import letter_problems

pytest.importorskip("decline.checker.engine")

GIVEN = [
    "Maria",
    "Zoë",
    "Søren",
    "José",
    "François",
    "Łukasz",
    "Ólafur",
    "Jean-Luc",
    "Anne-Marie",
    "Ngozi",
    "Adébáyọ̀",
    "Thảo",
    "Александра",
    "Δημήτρης",
    "Mónica",
    "Siobhán",
    "J.R.",
]
FAMILY = [
    "Rossi",
    "O'Brien",
    "D’Angelo",
    "Nguyễn",
    "Müller",
    "García Márquez",
    "de la Cruz",
    "Di Stefano",
    "van Dijk",
    "Иванова",
    "Παπαδόπουλος",
    "Al-Rashid",
    "St. John",
    "Ng",
]
WHOLE = ["王小明", "山田 太郎", "김민준", "محمد علي", "Madonna"]
COMPANY_WORDS = [
    "Acme",
    "Analytics",
    "Müller",
    "Robotics",
    "Nordlys",
    "Café",
    "L'Atelier",
    "Bianchi & Figli",
    "Data",
    "Ōsaka",
    "Société",
    "Générale",
    "Zürich",
    "Pay",
    "Labs",
    "北京",
    "Health",
]
SUFFIXES = ["", " Inc.", " S.p.A", " GmbH", " Ltd", " S.r.l", " & Co"]
ROLES = ["Data Engineer", "Product Designer", "Ingegnere del software", "Staff SRE", "Analyst"]
LIKED = [
    "the team's work on open data",
    "The way the team reviews code together",
    "il lavoro del team sugli open data",
    "how openly everyone spoke about failures.",
]

names = st.one_of(
    st.builds(lambda g, f: f"{g} {f}", st.sampled_from(GIVEN), st.sampled_from(FAMILY)),
    st.sampled_from(WHOLE),
)
companies = st.builds(
    lambda words, suffix: (" ".join(words) + suffix)[:60].strip(),
    st.lists(st.sampled_from(COMPANY_WORDS), min_size=1, max_size=5),
    st.sampled_from(SUFFIXES),
)
contacts = st.builds(
    Contact,
    name=names,
    honorific=st.one_of(st.none(), st.sampled_from(["Ms.", "Dr.", "Dott.ssa", "Ing.", "Mx."])),
    title=st.one_of(st.none(), st.just("Engineering Manager")),
    email=st.one_of(st.none(), st.just("someone@example.com")),
    role=st.sampled_from(["hiring_manager", "recruiter", "interviewer"]),
)
offers = st.builds(
    Offer,
    id=st.just("x"),
    company=companies,
    role=st.sampled_from(ROLES),
    address=st.one_of(st.none(), st.just("Corso Como 5, 20154 Milano")),
    liked=st.one_of(st.none(), st.sampled_from(LIKED)),
    contacts=st.lists(contacts, max_size=4).map(tuple),
)
candidates = st.builds(
    Candidate,
    name=names,
    email=st.one_of(st.none(), st.just("me@example.com")),
    phone=st.one_of(st.none(), st.just("+39 333 000 0000")),
    linkedin=st.one_of(st.none(), st.just("https://www.linkedin.com/in/me")),
    city=st.one_of(st.none(), st.just("Milano")),
    address=st.one_of(st.none(), st.just("Via Roma 1, 20121 Milano")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    offer=offers,
    candidate=candidates,
    lang=st.sampled_from(["en", "it"]),
    tone=st.sampled_from(TONES),
    channel=st.sampled_from(CHANNELS),
    reason=st.sampled_from(REASONS),
    variant=st.integers(min_value=0, max_value=3),
)
def test_any_realistic_input_gives_a_letter_that_keeps_every_promise(
    offer: Offer,
    candidate: Candidate,
    lang: str,
    tone: str,
    channel: str,
    reason: str,
    variant: int,
) -> None:
    assume(channel != "linkedin" or bool(offer.contacts))  # LinkedIn goes to a person
    letter = compose(
        offer,
        candidate,
        reason=reason,
        tone=tone,
        channel=channel,
        lang=lang,
        variant=variant,
        date=dt.date(2026, 11, 20),
    )
    again = compose(
        offer,
        candidate,
        reason=reason,
        tone=tone,
        channel=channel,
        lang=lang,
        variant=variant,
        date=dt.date(2026, 11, 20),
    )
    assert letter == again
    # known checker false alarm (see the xfail test in test_writer_checker.py): a recipient
    # line of five or more words ending in a period is read as the body's first sentence
    assume(not (channel == "letter" and offer.company.endswith(".")))
    # very long names may push a brief letter past 90 words by their own length
    names = [offer.company, candidate.name, *(contact.name for contact in offer.contacts)]
    slack = sum(len(name.split()) for name in names)
    report = review(letter.reviewable_text(), lang)
    assert not letter_problems(letter, offer, report, slack=slack)
