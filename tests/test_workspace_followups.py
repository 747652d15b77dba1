"""Status (P3) and follow-ups (P6, P7): what is urgent, and staying in touch after a no."""

from __future__ import annotations

import os
import time
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from decline.workspace.catalog import add_offer_set, decide, get_candidate, get_offer
from decline.workspace.followups import add_months, list_followups, mark_done, plan, snooze
from decline.workspace.letters import LetterDraft, mark_prepared, save_draft
from decline.workspace.status import offer_statuses
from decline.workspace.store import Workspace
from workspace_support import CANDIDATE, OFFERS, with_offers

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "decline.db")
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "2026-11-20T09:00:00+00:00")
    return workspace


def test_status_puts_an_untold_decline_first_with_the_next_step(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        decide(db, "acme", "decline", "2026-11-22T18:00:00+00:00")
        statuses = offer_statuses(db, TODAY)
    acme, globex = statuses
    assert acme.next_step == (
        "Acme Analytics: you decided to decline 2 days ago and have not told them; the deadline "
        "is in 3 days — send today: `decline send acme`"
    )
    assert (acme.days_since_received, acme.days_to_deadline, acme.late) == (6, 3, False)
    assert globex.step == "decide"
    assert "no decision yet; the deadline is in 10 days" in globex.next_step


def test_status_marks_late_offers_and_orders_by_deadline(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        statuses = offer_statuses(db, date(2026, 11, 30))
    assert [s.offer_id for s in statuses] == ["acme", "globex"]
    assert statuses[0].late
    assert "the deadline passed 3 days ago — decide now" in statuses[0].next_step
    assert not statuses[1].late


def test_a_prepared_letter_is_reminded_until_confirmed(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        decide(db, "acme", "decline", "2026-11-22T18:00:00+00:00")
        draft = LetterDraft(subject="Your offer", body="Dear Maria, thank you …")
        mark_prepared(
            db,
            "acme",
            draft,
            None,
            via="eml",
            message=b"x",
            message_id=None,
            sender_email=None,
            now="t",
        )
        acme = offer_statuses(db, TODAY)[0]
    assert acme.step == "confirm"
    assert acme.next_step.endswith("send it, then `decline sent acme`")


def _plan(workspace: Workspace, offers_candidate: bool = True, lang: str = "en") -> int:
    with workspace.transaction() as db:
        if not offers_candidate:
            db.execute("UPDATE candidate SET linkedin = NULL")
        letter = save_draft(db, "acme", LetterDraft(subject="s", body="b"), "t")
        return plan(
            db,
            get_offer(db, "acme"),
            get_candidate(db),
            letter_id=letter,
            recipient_email="maria.rossi@acme.example",
            lang=lang,
            sent_on=date(2026, 8, 31),
            now="t",
        )


def test_follow_ups_connect_within_a_week_then_check_in_at_three_and_six_months(
    workspace: Workspace,
) -> None:
    assert _plan(workspace) == 3
    with workspace.transaction() as db:
        followups = list_followups(db)
    assert [(f.kind, f.due) for f in followups] == [
        ("linkedin", date(2026, 9, 2)),
        ("checkin_3m", date(2026, 11, 30)),
        ("checkin_6m", date(2027, 2, 28)),
    ]
    assert all(f.contact == "Maria Rossi" for f in followups)
    assert followups[0].title == "Connect with Maria Rossi on LinkedIn"
    assert followups[1].message.startswith("Hi Maria, I hope all is well at Acme Analytics.")
    assert followups[1].message.endswith("Best, Alex")


def test_no_linkedin_follow_up_without_a_known_profile(workspace: Workspace) -> None:
    assert _plan(workspace, offers_candidate=False) == 2


def test_italian_follow_ups_come_from_the_italian_phrases(workspace: Workspace) -> None:
    _plan(workspace, lang="it")
    with workspace.transaction() as db:
        first = list_followups(db)[0]
    assert first.title == "Collegarsi con Maria Rossi su LinkedIn"
    assert first.message.startswith("Buongiorno Maria, grazie ancora")


def test_done_and_snoozed_follow_ups(workspace: Workspace) -> None:
    _plan(workspace)
    with workspace.transaction() as db:
        first, second, _ = list_followups(db)
        mark_done(db, first.id, "t")
        assert snooze(db, second.id, 7) == date(2026, 12, 7)
        assert [f.id for f in list_followups(db, due_by=date(2026, 12, 1))] == []
        assert len(list_followups(db, include_done=True)) == 3
    # Sending again re-plans pending follow-ups but keeps the done one done.
    _plan(workspace)
    with workspace.transaction() as db:
        kinds = [(f.kind, f.done_at) for f in list_followups(db, include_done=True)]
    assert ("linkedin", "t") in kinds


def test_follow_ups_without_contacts_address_the_team(workspace: Workspace) -> None:
    lonely = replace(OFFERS.offers[0], contacts=())
    with workspace.transaction() as db:
        add_offer_set(db, with_offers(lonely, candidate=CANDIDATE), "t2")
    _plan(workspace)
    with workspace.transaction() as db:
        first = list_followups(db)[0]
    assert first.title == "Connect with the hiring team at Acme Analytics on LinkedIn"
    assert first.contact is None


def test_add_months_clamps_to_the_end_of_a_short_month() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


def test_every_language_has_the_same_follow_ups_and_short_linkedin_notes() -> None:
    from decline import languages as registry

    languages = {
        code: tomllib.loads(registry.data_file(code, "followups.toml").read_text("utf-8"))
        for code in registry.available()
    }
    assert set(languages) >= {"en", "it"}
    keys = {name: sorted(data) for name, data in languages.items()}
    assert len({tuple(value) for value in keys.values()}) == 1, keys
    values = {
        "contact": "Maria Rossi",
        "first_name": "Maria",
        "company": "Acme Analytics",
        "role": "Senior Data Engineer",
        "candidate": "Alex Rivera",
        "candidate_first": "Alex",
        "profile": "https://www.linkedin.com/in/alex-rivera",
    }
    for data in languages.values():
        assert len(data["linkedin"]["message"].format(**values)) <= 300
        for entry in data.values():
            for text in entry.values():
                text.format(**values)
