"""The calendar (RFC 5545): offer deadlines as all-day events, follow-ups at 09:00 local time.

UIDs are derived from the offer and the kind of event, so exporting again updates the
events a calendar app already has instead of duplicating them.

The file is written here, not with the `icalendar` package: it holds one kind of calendar,
and importing that package (with its time-zone stack) cost `decline calendar` more than the
rest of the command. The tests read every export back with `icalendar` itself.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from decline.workspace.followups import list_followups
from decline.workspace.status import offer_statuses

UID_DOMAIN = "decline.invalid"
FOLLOW_UP_TIME = time(9, 0)
_LINE_OCTETS = 75  # RFC 5545 §3.1: longer content lines are folded


Value = str | date | datetime | timedelta


@dataclass
class Component:
    """A calendar component (VCALENDAR, VEVENT, VALARM): its properties, then its parts."""

    name: str
    properties: list[tuple[str, Value]] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)

    def add(self, name: str, value: Value) -> None:
        """Add a property; text is escaped and dates are typed when written."""
        self.properties.append((name.upper(), value))

    def walk(self, name: str) -> list[Component]:
        """Return this component and those inside it named `name`, in order."""
        found = [self] if self.name == name else []
        for component in self.components:
            found.extend(component.walk(name))
        return found

    def to_ical(self) -> bytes:
        """Return the component as RFC 5545 text: CRLF lines folded at 75 octets."""
        return "".join(f"{_fold(line)}\r\n" for line in self._lines()).encode("utf-8")

    def _lines(self) -> list[str]:
        lines = [f"BEGIN:{self.name}"]
        lines += [_property(name, value) for name, value in self.properties]
        for component in self.components:
            lines += component._lines()
        lines.append(f"END:{self.name}")
        return lines


def _property(name: str, value: Value) -> str:
    if isinstance(value, datetime):  # UTC when it has a zone, else floating (local time)
        if value.tzinfo is not None:
            return f"{name}:{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    if isinstance(value, date):
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    if isinstance(value, timedelta):
        return f"{name}:{_duration(value)}"
    return f"{name}:{_text(value)}"


def _text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): no line break or separator survives raw."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _duration(value: timedelta) -> str:
    """Return an RFC 5545 duration ("PT15M", "-PT15H", "P1DT2H", "PT0S")."""
    seconds = int(value.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    text = (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return f"{sign}P{text or 'T0S'}"


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for character in line:
        octets = len(character.encode("utf-8"))
        limit = _LINE_OCTETS if not pieces else _LINE_OCTETS - 1  # a folded line starts " "
        if size + octets > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(character)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _alarm(description: str, trigger: timedelta) -> Component:
    alarm = Component("VALARM")
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", trigger)
    return alarm


def build_calendar(
    connection: sqlite3.Connection, today: date, *, stamp: datetime | None = None
) -> Component:
    """Return the calendar of open offers' deadlines and pending follow-ups."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Component("VCALENDAR")
    calendar.add("prodid", "-//decline//decline workspace//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "decline")
    for status in offer_statuses(connection, today):
        if status.deadline is None or not status.open:
            continue
        event = Component("VEVENT")
        event.add("uid", f"deadline-{status.offer_id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", status.deadline)
        event.add("dtend", status.deadline + timedelta(days=1))
        event.add("summary", f"Offer deadline: {status.company} ({status.role})")
        event.add("description", status.next_step)
        event.add("transp", "TRANSPARENT")
        # The day before, at 09:00: all-day events start at midnight.
        event.components.append(
            _alarm(f"Tomorrow: offer deadline for {status.company}", -timedelta(hours=15))
        )
        calendar.components.append(event)
    for followup in list_followups(connection):
        start = datetime.combine(followup.due, FOLLOW_UP_TIME)  # floating: the user's local time
        event = Component("VEVENT")
        event.add("uid", f"followup-{followup.offer_id}-{followup.kind}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=15))
        event.add("summary", followup.title)
        event.add(
            "description",
            f"{followup.message}\n\nDone? decline followups --done {followup.id}",
        )
        event.components.append(_alarm(followup.title, timedelta(0)))
        calendar.components.append(event)
    return calendar
