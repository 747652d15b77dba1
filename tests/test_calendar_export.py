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
        first = Calendar.from_ical(build_calendar(db, date(2026, 11, 24)).to_ical())
        second = Calendar.from_ical(build_calendar(db, date(2026, 11, 25)).to_ical())
    uids = [str(event["uid"]) for event in first.walk("VEVENT")]
    assert len(uids) == 4
    assert uids == [str(event["uid"]) for event in second.walk("VEVENT")]


def test_hard_text_survives_the_round_trip_and_lines_fold_within_75_octets(
    tmp_path: Path,
) -> None:
    """Commas, semicolons, backslashes, line breaks and long accented text are escaped and
    folded by RFC 5545's rules: icalendar reads back exactly what was written."""
    workspace = _workspace(tmp_path)
    company = "Caffè, Tè; & \\Co.\r\nBCC: x@example.com " + "ù" * 60
    with workspace.transaction() as db:
        db.execute("UPDATE offers SET company = ? WHERE id = 'globex'", (company,))
        data = build_calendar(db, date(2026, 11, 24), stamp=STAMP).to_ical()
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    assert all(line.decode("utf-8") for line in lines[:-1])  # no character cut in two
    assert not any(line.startswith(b"BCC") for line in lines)
    parsed = Calendar.from_ical(data)
    deadline = next(e for e in parsed.walk("VEVENT") if "deadline" in str(e["uid"]))
    shown = company.replace("\r\n", "\n")  # TEXT has one line break: \\n
    assert str(deadline["summary"]) == f"Offer deadline: {shown} (Data Engineer)"
    assert str(deadline["dtstamp"].to_ical(), "ascii") == "20261124T080000Z"
    followup = next(e for e in parsed.walk("VEVENT") if "linkedin" in str(e["uid"]))
    assert followup.decoded("duration") == timedelta(minutes=15)
    assert followup.walk("VALARM")[0].decoded("trigger") == timedelta(0)
