"""Offer sets and helpers shared by the workspace, send and calendar tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from decline.offers import Candidate, Commute, Contact, Equity, Offer, OfferSet, Priorities

CANDIDATE = Candidate(
    name="Alex Rivera",
    email="alex.rivera@example.com",
    linkedin="https://www.linkedin.com/in/alex-rivera",
    lang="en",
)

ACME = Offer(
    id="acme",
    company="Acme Analytics",
    role="Senior Data Engineer",
    location="Milan",
    currency="EUR",
    received=date(2026, 11, 18),
    deadline=date(2026, 11, 27),
    base_salary=62000,
    bonus_target_pct=10,
    equity=Equity(value=20000, vesting_years=4, cliff_months=12),
    commute=Commute(minutes_one_way=40, office_days_per_week=3, cost_per_day=8.0),
    ratings={"culture": 4, "growth": 3},
    liked="the team's work on open data",
    contacts=(
        Contact(
            name="Maria Rossi",
            honorific="Dott.ssa",
            title="Engineering Manager",
            email="maria.rossi@acme.example",
            role="hiring_manager",
        ),
        Contact(name="Luca Bianchi", email="luca@acme.example", role="recruiter"),
    ),
)

GLOBEX = Offer(
    id="globex",
    company="Globex",
    role="Data Engineer",
    received=date(2026, 11, 20),
    deadline=date(2026, 12, 4),
    base_salary=58000,
    equity=Equity(value=8000, schedule=(25.0, 25.0, 50.0)),
    contacts=(Contact(name="Sam Lee", email="sam.lee@globex.example", role="recruiter"),),
)

OFFERS = OfferSet(
    candidate=CANDIDATE,
    offers=(ACME, GLOBEX),
    priorities=Priorities(weights={"compensation": 5, "growth": 4}),
    fx_base="EUR",
    fx_rates={"USD": 0.92},
)


def with_offers(*offers: Offer, candidate: Candidate = CANDIDATE) -> OfferSet:
    """Return the sample set with other offers or another candidate."""
    return replace(OFFERS, offers=offers, candidate=candidate)
