"""Follow-ups after a decline is sent: connect on LinkedIn, check in at three and six months.

When and what are separate: the schedule is here, the words are data in
`languages/<lang>/followups.toml`, so a new language brings its own.
"""

from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from decline import languages as registry
from decline.errors import InputError, NotFoundError
from decline.offers import Candidate, Contact, Offer

# kind -> (days after sending, months after sending); LinkedIn only when a profile is known.
SCHEDULE: dict[str, tuple[int, int]] = {
    "linkedin": (2, 0),
    "checkin_3m": (0, 3),
    "checkin_6m": (0, 6),
}


@dataclass(frozen=True)
class FollowUp:
    """One follow-up as listed: what, when, with whom, and a message to send."""

    id: int
    offer_id: str
    company: str
    kind: str
    due: date
    title: str
    message: str
    lang: str
    contact: str | None
    done_at: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the follow-up as JSON-ready values."""
        return {
            "id": self.id,
            "offer": self.offer_id,
            "company": self.company,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "title": self.title,
            "message": self.message,
            "lang": self.lang,
            "contact": self.contact,
            "done_at": self.done_at,
        }


@cache
def phrases(lang: str) -> dict[str, dict[str, str]]:
    """Return the follow-up phrases for `lang` (InputError for a language that is not there)."""
    data: dict[str, dict[str, str]] = registry.read(lang, "followups.toml")
    return data


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def pick_contact(offer: Offer, recipient_email: str | None) -> Contact | None:
    """Return the person to follow up with: the letter's recipient, else the hiring manager."""
    for contact in offer.contacts:
        if recipient_email and contact.email and contact.email.lower() == recipient_email.lower():
            return contact
    for role in ("hiring_manager", "recruiter", "interviewer"):
        for contact in offer.contacts:
            if contact.role == role:
                return contact
    return None


def render(
    kind: str, lang: str, offer: Offer, candidate: Candidate | None, contact: Contact | None
) -> tuple[str, str]:
    """Return the follow-up's title and its suggested message, from the phrase data."""
    words = phrases(lang)
    fallback = words["fallback"]
    candidate_name = candidate.name if candidate else ""
    values = {
        "company": offer.company,
        "role": offer.role,
        "candidate": candidate_name,
        "candidate_first": candidate_name.split(" ")[0] if candidate_name else "",
        "profile": (candidate.linkedin if candidate else None) or "",
    }
    if contact is not None:
        values["contact"] = contact.name
        values["first_name"] = contact.name.split(" ")[0]
    else:
        values["contact"] = fallback["contact"].format(**values)
        values["first_name"] = fallback["first_name"]
    entry = words[kind]
    return entry["title"].format(**values), entry["message"].format(**values).strip()


def plan(
    connection: sqlite3.Connection,
    offer: Offer,
    candidate: Candidate | None,
    *,
    letter_id: int,
    recipient_email: str | None,
    lang: str,
    sent_on: date,
    now: str,
) -> int:
    """Propose the follow-ups for a sent decline, replacing pending ones; return how many."""
    contact = pick_contact(offer, recipient_email)
    contact_id = None
    if contact is not None:
        row = connection.execute(
            "SELECT id, linkedin FROM contacts WHERE offer_id = ? AND name = ?",
            (offer.id, contact.name),
        ).fetchone()
        contact_id = row["id"] if row else None
        contact_profile = row["linkedin"] if row else None
    else:
        contact_profile = None
    connection.execute("DELETE FROM followups WHERE offer_id = ? AND done_at IS NULL", (offer.id,))
    profile_known = bool((candidate and candidate.linkedin) or contact_profile)
    count = 0
    for kind, (days, months) in SCHEDULE.items():
        if kind == "linkedin" and not profile_known:
            continue
        due = add_months(sent_on, months) + timedelta(days=days)
        title, message = render(kind, lang, offer, candidate, contact)
        cursor = connection.execute(
            "INSERT INTO followups (offer_id, letter_id, contact_id, kind, due, title, message, "
            "lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (offer_id, kind) DO NOTHING",
            (offer.id, letter_id, contact_id, kind, due.isoformat(), title, message, lang, now),
        )
        count += cursor.rowcount
    return count


def list_followups(
    connection: sqlite3.Connection, *, due_by: date | None = None, include_done: bool = False
) -> list[FollowUp]:
    """Return follow-ups, soonest first: pending ones, or due by a date, or all."""
    query = (
        "SELECT f.*, o.company, c.name AS contact_name FROM followups f "
        "JOIN offers o ON o.id = f.offer_id LEFT JOIN contacts c ON c.id = f.contact_id"
    )
    conditions, parameters = [], []
    if not include_done:
        conditions.append("f.done_at IS NULL")
    if due_by is not None:
        conditions.append("f.due <= ?")
        parameters.append(due_by.isoformat())
    if conditions:
        query += " WHERE " + " AND ".join(conditions)
    query += " ORDER BY f.due, f.id"
    return [
        FollowUp(
            id=row["id"],
            offer_id=row["offer_id"],
            company=row["company"],
            kind=row["kind"],
            due=date.fromisoformat(row["due"]),
            title=row["title"],
            message=row["message"],
            lang=row["lang"],
            contact=row["contact_name"],
            done_at=row["done_at"],
        )
        for row in connection.execute(query, parameters)
    ]


SQLITE_MAX_INT = 2**63 - 1
MAX_SNOOZE_DAYS = 3650  # ten years; far more would overflow the calendar


def _existing(connection: sqlite3.Connection, followup_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = None
    if 0 < followup_id <= SQLITE_MAX_INT:  # a larger number cannot be an id (nor a query)
        row = connection.execute("SELECT * FROM followups WHERE id = ?", (followup_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"no follow-up number {followup_id}; list them with: decline followups",
            field="number",
        )
    return row


def mark_done(connection: sqlite3.Connection, followup_id: int, now: str) -> None:
    """Record a follow-up as done."""
    _existing(connection, followup_id)
    connection.execute("UPDATE followups SET done_at = ? WHERE id = ?", (now, followup_id))


def snooze(connection: sqlite3.Connection, followup_id: int, days: int) -> date:
    """Move a follow-up `days` later; return its new date."""
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise InputError(
            f"--snooze: expected a number of days from 1 to {MAX_SNOOZE_DAYS}, found {days}",
            field="days",
        )
    row = _existing(connection, followup_id)
    due = date.fromisoformat(row["due"]) + timedelta(days=days)
    connection.execute("UPDATE followups SET due = ? WHERE id = ?", (due.isoformat(), followup_id))
    return due
