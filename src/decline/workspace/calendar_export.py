"""The calendar (RFC 5545): offer deadlines as all-day events, follow-ups at 09:00 local time.

UIDs are derived from the offer and the kind of event, so exporting again updates the
events a calendar app already has instead of duplicating them.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from decline.workspace.followups import list_followups
from decline.workspace.status import offer_statuses

UID_DOMAIN = "decline.invalid"
FOLLOW_UP_TIME = time(9, 0)


def _alarm(description: str, trigger: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", trigger)
    return alarm


def build_calendar(
    connection: sqlite3.Connection, today: date, *, stamp: datetime | None = None
) -> Calendar:
    """Return the calendar of open offers' deadlines and pending follow-ups."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//decline//decline workspace//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "decline")
    for status in offer_statuses(connection, today):
        if status.deadline is None or not status.open:
            continue
        event = Event()
        event.add("uid", f"deadline-{status.offer_id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", status.deadline)
        event.add("dtend", status.deadline + timedelta(days=1))
        event.add("summary", f"Offer deadline: {status.company} ({status.role})")
        event.add("description", status.next_step)
        event.add("transp", "TRANSPARENT")
        # The day before, at 09:00: all-day events start at midnight.
        event.add_component(
            _alarm(f"Tomorrow: offer deadline for {status.company}", -timedelta(hours=15))
        )
        calendar.add_component(event)
    for followup in list_followups(connection):
        start = datetime.combine(followup.due, FOLLOW_UP_TIME)  # floating: the user's local time
        event = Event()
        event.add("uid", f"followup-{followup.offer_id}-{followup.kind}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=15))
        event.add("summary", followup.title)
        event.add(
            "description",
            f"{followup.message}\n\nDone? decline followups --done {followup.id}",
        )
        event.add_component(_alarm(followup.title, timedelta(0)))
        calendar.add_component(event)
    return calendar
