"""What is urgent (P3): each offer's age, deadline, decision, letter and next step."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Lower ranks are more urgent; within a rank, the nearer deadline first.
_RANK = {
    "interrupted": 0,
    "check": 0,
    "tell_them": 1,
    "confirm": 2,
    "decide": 3,
    "draft_failed": 1,
    "done": 9,
}


@dataclass(frozen=True)
class OfferStatus:
    """One offer's place in the candidate's week."""

    offer_id: str
    company: str
    role: str
    received: date | None
    deadline: date | None
    days_since_received: int | None
    days_to_deadline: int | None
    late: bool
    decision: str | None
    days_since_decision: int | None
    letter: str | None
    step: str
    next_step: str

    @property
    def open(self) -> bool:
        """Whether something is still left to do."""
        return self.step != "done"

    def to_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready values."""
        return {
            "id": self.offer_id,
            "company": self.company,
            "role": self.role,
            "received": self.received.isoformat() if self.received else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_since_received": self.days_since_received,
            "days_to_deadline": self.days_to_deadline,
            "late": self.late,
            "decision": self.decision,
            "days_since_decision": self.days_since_decision,
            "letter": self.letter,
            "step": self.step,
            "next_step": self.next_step,
        }


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _deadline_phrase(days_to_deadline: int | None) -> str:
    if days_to_deadline is None:
        return ""
    if days_to_deadline < 0:
        late = -days_to_deadline
        return f"; the deadline passed {late} day{'s' if late != 1 else ''} ago"
    if days_to_deadline == 0:
        return "; the deadline is today"
    if days_to_deadline == 1:
        return "; the deadline is tomorrow"
    return f"; the deadline is in {days_to_deadline} days"


def _local_date(timestamp: str) -> date:
    return datetime.fromisoformat(timestamp).astimezone().date()


def offer_statuses(connection: sqlite3.Connection, today: date) -> list[OfferStatus]:
    """Return every offer's status, most urgent first."""
    rows = connection.execute(
        "SELECT o.id, o.company, o.role, o.received, o.deadline, d.decision, d.decided_at, "
        "(SELECT state FROM letters l WHERE l.offer_id = o.id ORDER BY "
        " CASE state WHEN 'sent' THEN 0 WHEN 'sending' THEN 1 WHEN 'prepared' THEN 2 ELSE 3 END,"
        " id DESC LIMIT 1) AS letter, "
        "(SELECT via FROM letters l WHERE l.offer_id = o.id AND state = 'prepared' "
        " ORDER BY id DESC LIMIT 1) AS prepared_via, "
        "(SELECT error FROM letters l WHERE l.offer_id = o.id AND state = 'draft' "
        " ORDER BY id DESC LIMIT 1) AS draft_error, "
        "(SELECT error FROM letters l WHERE l.offer_id = o.id AND state = 'sending' "
        " ORDER BY id DESC LIMIT 1) AS sending_error "
        "FROM offers o LEFT JOIN decisions d ON d.offer_id = o.id"
    ).fetchall()
    accepted = [row["id"] for row in rows if row["decision"] == "accept"]
    statuses = [_status(row, today, accepted) for row in rows]
    return sorted(
        statuses,
        key=lambda s: (
            _RANK[s.step],
            s.days_to_deadline if s.days_to_deadline is not None else 10**6,
            s.offer_id,
        ),
    )


def _status(row: sqlite3.Row, today: date, accepted: list[str]) -> OfferStatus:
    received = date.fromisoformat(row["received"]) if row["received"] else None
    deadline = date.fromisoformat(row["deadline"]) if row["deadline"] else None
    to_deadline = (deadline - today).days if deadline else None
    decided_on = _local_date(row["decided_at"]) if row["decided_at"] else None
    since_decision = max(0, (today - decided_on).days) if decided_on else None
    name, offer_id, letter = row["company"], row["id"], row["letter"]
    when = _deadline_phrase(to_deadline)
    decision = row["decision"]
    decide_decline = f"`decline decide {offer_id} decline`"
    others = [other for other in accepted if other != offer_id]
    if letter == "sending":
        step = "interrupted"
        why = (
            "the server never confirmed your decline"
            if row["sending_error"]
            else "sending your decline was interrupted"
        )
        text = (
            f"{name}: {why}, so it may have gone out — check your Sent folder (or ask them), "
            f"then `decline sent {offer_id}` or `decline send {offer_id} --again`"
        )
    elif letter in ("sent", "prepared") and decision != "decline":
        step = "check"
        done = "was sent to them" if letter == "sent" else f"is prepared ({row['prepared_via']})"
        if decision == "accept":
            text = (
                f"{name}: you accepted, but a decline {done} — make sure they know you accept, "
                f"or record {decide_decline}"
            )
        else:
            text = f"{name}: a decline {done} but no decision is recorded — {decide_decline}"
    elif decision == "accept" and others:
        step = "check"
        text = (
            f"{name}: you accepted more than one offer (also {', '.join(others)}) — keep one "
            f"and record the others as declined: {decide_decline}"
        )
    elif letter == "sent":
        step = "done"
        text = f"{name}: declined and sent — stay in touch: `decline followups`"
    elif decision == "decline" and letter == "prepared":
        step = "confirm"
        text = (
            f"{name}: your decline is prepared ({row['prepared_via']}) but not confirmed "
            f"sent{when} — send it, then `decline sent {offer_id}`"
        )
    elif decision == "decline":
        step = "draft_failed" if row["draft_error"] else "tell_them"
        assert since_decision is not None
        failed = f" (last try failed: {row['draft_error']})" if row["draft_error"] else ""
        text = (
            f"{name}: you decided to decline {_ago(since_decision)} and have not told them"
            f"{when}{failed} — send today: `decline send {offer_id}`"
        )
    elif decision == "accept":
        step = "done"
        text = f"{name}: you accepted — congratulations; decline the others promptly"
    else:
        step = "decide"
        if to_deadline is not None and to_deadline < 0:
            text = f"{name}: no decision yet{when} — decide now: `decline decide {offer_id} …`"
        else:
            text = (
                f"{name}: no decision yet{when} — weigh it (`decline compare`), then "
                f"`decline decide {offer_id} accept|decline`"
            )
    return OfferStatus(
        offer_id=offer_id,
        company=name,
        role=row["role"],
        received=received,
        deadline=deadline,
        days_since_received=(today - received).days if received else None,
        days_to_deadline=to_deadline,
        late=to_deadline is not None and to_deadline < 0 and step != "done",
        decision=decision,
        days_since_decision=since_decision,
        letter=letter,
        step=step,
        next_step=text,
    )


def other_acceptances(connection: sqlite3.Connection, offer_id: str) -> list[tuple[str, str]]:
    """Return (id, company) of every other offer recorded as accepted."""
    rows = connection.execute(
        "SELECT o.id, o.company FROM decisions d JOIN offers o ON o.id = d.offer_id "
        "WHERE d.decision = 'accept' AND d.offer_id != ? ORDER BY o.id",
        (offer_id,),
    ).fetchall()
    return [(row["id"], row["company"]) for row in rows]
