"""The .ics export round-trips through icalendar with the expected events, UIDs and alarms."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar

from decline.workspace.calendar_export import build_calendar
from decline.workspace.catalog import add_offer_set, decide, get_candidate, get_offer
from decline.workspace.followups import plan
from decline.workspace.letters import LetterDraft, confirm_sent, save_draft
from decline.workspace.store import Workspace
from workspace_support import OFFERS

STAMP = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def _workspace(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "decline.db")
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "t")
        decide(db, "acme", "decline", "2026-11-22T18:00:00+00:00")
        save_draft(db, "acme", LetterDraft(subject="s", body="b"), "t")
        letter = confirm_sent(db, "acme", "2026-11-24T10:00:00+00:00")
        plan(
            db,
            get_offer(db, "acme"),
            get_candidate(db),
            letter_id=letter,
            recipient_email=None,
            lang="en",
            sent_on=date(2026, 11, 24),
            now="t",
        )
    return workspace


def test_the_calendar_round_trips_with_deadlines_follow_ups_and_alarms(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    with workspace.transaction() as db:
        data = build_calendar(db, date(2026, 11, 24), stamp=STAMP).to_ical()
    parsed = Calendar.from_ical(data)
    events = {str(event["uid"]): event for event in parsed.walk("VEVENT")}
    # acme is declined and sent, so only globex's deadline is left, plus acme's follow-ups.
    assert sorted(events) == [
        "deadline-globex@decline.invalid",
        "followup-acme-checkin_3m@decline.invalid",
        "followup-acme-checkin_6m@decline.invalid",
        "followup-acme-linkedin@decline.invalid",
    ]
    deadline = events["deadline-globex@decline.invalid"]
    assert deadline.decoded("dtstart") == date(2026, 12, 4)
    assert deadline.decoded("dtend") == date(2026, 12, 5)
    assert b"DTSTART;VALUE=DATE:20261204" in data
    assert str(deadline["summary"]) == "Offer deadline: Globex (Data Engineer)"
    linkedin = events["followup-acme-linkedin@decline.invalid"]
    start = linkedin.decoded("dtstart")
    assert start == datetime.combine(date(2026, 11, 26), time(9, 0))
    assert start.tzinfo is None  # floating: 09:00 wherever the user is
    assert "Hi Maria" in str(linkedin["description"])
    for event in events.values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
    assert deadline.walk("VALARM")[0].decoded("trigger") == -timedelta(hours=15)


def test_uids_are_stable_between_exports(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    with workspace.transaction() as db:
        first = build_calendar(db, date(2026, 11, 24))
        second = build_calendar(db, date(2026, 11, 25))
    assert [e["uid"] for e in first.walk("VEVENT")] == [e["uid"] for e in second.walk("VEVENT")]
