"""Letters in the workspace and their states: draft → prepared | sending → sent.

`sending` is committed before decline talks to the SMTP server and `sent` only after the
server accepted the message, so a crash in between leaves a letter that says it may have
gone out, and the next send refuses instead of sending it twice.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from decline.errors import InputError
from decline.send.methods import NAMES as METHOD_NAMES

if TYPE_CHECKING:
    from decline.writer.letter import Letter

STATES = ("draft", "prepared", "sending", "sent")
# how a letter left: a delivery method (`send/methods.py`), or the person's own hand
VIAS = (*METHOD_NAMES, "manual")


@dataclass(frozen=True)
class LetterDraft:
    """The content of a letter as the workspace stores it."""

    subject: str | None
    body: str
    channel: str = "email"
    lang: str | None = None
    tone: str | None = None
    reason: str | None = None
    recipient_name: str | None = None
    recipient_email: str | None = None

    @classmethod
    def from_letter(cls, letter: Letter) -> LetterDraft:
        """Return the draft of a composed letter (for a call, its confirming e-mail)."""
        shown = letter.follow_up if letter.follow_up is not None else letter
        return cls(
            subject=shown.subject,
            body=shown.body,
            channel=letter.channel,
            lang=letter.lang,
            tone=letter.tone,
            reason=letter.reason,
            recipient_name=letter.to_name,
            recipient_email=letter.to_email,
        )


@dataclass(frozen=True)
class Verdict:
    """The review verdict stored with a letter."""

    ready: bool
    graceful: bool
    score: int
    report: dict[str, Any] = field(default_factory=dict)


class SendRefused(Exception):
    """A send that would risk a double send, with the sentence that explains why."""


def letters_for(connection: sqlite3.Connection, offer_id: str) -> list[sqlite3.Row]:
    """Return the offer's letters, oldest first."""
    return connection.execute(
        "SELECT * FROM letters WHERE offer_id = ? ORDER BY id", (offer_id,)
    ).fetchall()


def latest(connection: sqlite3.Connection, offer_id: str, *states: str) -> sqlite3.Row | None:
    """Return the offer's newest letter in one of `states` (any state when none given)."""
    wanted = states or STATES
    marks = ", ".join("?" * len(wanted))
    row: sqlite3.Row | None = connection.execute(
        f"SELECT * FROM letters WHERE offer_id = ? AND state IN ({marks}) ORDER BY id DESC LIMIT 1",
        (offer_id, *wanted),
    ).fetchone()
    return row


def _values(draft: LetterDraft) -> dict[str, str | None]:
    return {
        "subject": draft.subject,
        "body": draft.body,
        "channel": draft.channel,
        "lang": draft.lang,
        "tone": draft.tone,
        "reason": draft.reason,
        "recipient_name": draft.recipient_name,
        "recipient_email": draft.recipient_email,
    }


def _update(connection: sqlite3.Connection, letter_id: int, draft: LetterDraft, now: str) -> int:
    values = _values(draft)
    assignments = ", ".join(f"{key} = ?" for key in values)
    connection.execute(
        f"UPDATE letters SET {assignments}, error = NULL, updated_at = ? WHERE id = ?",
        (*values.values(), now, letter_id),
    )
    return letter_id


def _insert(
    connection: sqlite3.Connection, offer_id: str, state: str, draft: LetterDraft, now: str
) -> int:
    values = _values(draft)
    columns = ", ".join(("offer_id", "state", *values, "created_at", "updated_at"))
    cursor = connection.execute(
        f"INSERT INTO letters ({columns}) VALUES ({', '.join('?' * (len(values) + 4))})",
        (offer_id, state, *values.values(), now, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def save_draft(connection: sqlite3.Connection, offer_id: str, draft: LetterDraft, now: str) -> int:
    """Store the letter as the offer's draft, replacing the previous draft; return its id."""
    existing = latest(connection, offer_id, "draft")
    if existing is not None:
        return _update(connection, int(existing["id"]), draft, now)
    return _insert(connection, offer_id, "draft", draft, now)


def check_can_send(connection: sqlite3.Connection, offer_id: str, *, again: bool) -> None:
    """Refuse a send that could go out twice: one that may have gone out, or one sent.

    Call it while holding the offer's send claim (`decline.send.claim`): a `sending` letter
    found then is not being sent by anyone now, so it was interrupted or left unanswered.
    """
    if again:
        return
    sending = latest(connection, offer_id, "sending")
    if sending is not None:
        if sending["error"]:
            why = sending["error"]
        else:
            why = "decline stopped before the server confirmed it"
        raise SendRefused(
            f"a decline for {offer_id} was being sent at {sending['sending_at']}, and {why}, "
            "so it may have gone out: check your Sent folder (or ask the recipient), then run "
            f"`decline sent {offer_id}` if it did, or `decline send {offer_id} --again` to resend"
        )
    sent = latest(connection, offer_id, "sent")
    if sent is not None and sent["channel"] == "email":
        recipient = sent["recipient_email"] or "them"
        raise SendRefused(
            f"you already declined {offer_id} by e-mail ({recipient}, {sent['sent_at']}); "
            f"use `decline send {offer_id} --again` to send another"
        )


def check_decision(connection: sqlite3.Connection, offer_id: str) -> str | None:
    """Return why a decline must not go to this offer (no decision, or accepted), or None."""
    row = connection.execute(
        "SELECT decision FROM decisions WHERE offer_id = ?", (offer_id,)
    ).fetchone()
    if row is not None and row["decision"] == "decline":
        return None
    record = f"`decline decide {offer_id} decline`"
    if row is None:
        return f"you have not recorded a decision on {offer_id}; record it first with {record}"
    return (
        f"you recorded that you accept {offer_id}, so a decline must not go to them; "
        f"if you changed your mind, record it with {record}"
    )


def _same_text(row: sqlite3.Row, draft: LetterDraft) -> bool:
    return bool(row["subject"] == draft.subject and row["body"] == draft.body)


def _record(
    connection: sqlite3.Connection,
    offer_id: str,
    draft: LetterDraft,
    verdict: Verdict | None,
    now: str,
) -> int:
    """Return the row for a letter about to leave: the saved one when it is this text.

    Any other text gets a row of its own, so the saved draft changes only when the person
    saves it (or sends exactly it), never because some other text was tried.
    """
    import json

    # the saved draft, or the same letter handed over before (an .eml, then a mailto: link)
    saved = latest(connection, offer_id, "draft", "prepared")
    if saved is not None and _same_text(saved, draft):
        letter_id = _update(connection, int(saved["id"]), draft, now)
    else:
        letter_id = _insert(connection, offer_id, "prepared", draft, now)
    if verdict is not None:
        connection.execute(
            "UPDATE letters SET review = ?, ready = ?, graceful = ?, score = ? WHERE id = ?",
            (
                json.dumps(verdict.report, ensure_ascii=False, sort_keys=True),
                int(verdict.ready),
                int(verdict.graceful),
                verdict.score,
                letter_id,
            ),
        )
    return letter_id


def mark_prepared(
    connection: sqlite3.Connection,
    offer_id: str,
    draft: LetterDraft,
    verdict: Verdict | None,
    *,
    via: str,
    message: bytes | None,
    message_id: str | None,
    sender_email: str | None,
    now: str,
) -> int:
    """Record a letter handed to the candidate (.eml, mailto) to send themselves."""
    letter_id = _record(connection, offer_id, draft, verdict, now)
    connection.execute(
        "UPDATE letters SET state = 'prepared', via = ?, message = ?, message_id = ?, "
        "sender_email = ?, prepared_at = ?, updated_at = ? WHERE id = ?",
        (via, message, message_id, sender_email, now, now, letter_id),
    )
    return letter_id


def mark_sending(
    connection: sqlite3.Connection,
    offer_id: str,
    draft: LetterDraft,
    verdict: Verdict | None,
    *,
    message: bytes,
    message_id: str | None,
    sender_email: str | None,
    now: str,
) -> int:
    """Record the exact bytes about to go to the SMTP server, before any talking to it."""
    letter_id = _record(connection, offer_id, draft, verdict, now)
    connection.execute(
        "UPDATE letters SET state = 'sending', via = 'smtp', message = ?, message_id = ?, "
        "sender_email = ?, sending_at = ?, updated_at = ? WHERE id = ?",
        (message, message_id, sender_email, now, now, letter_id),
    )
    return letter_id


def mark_sent(connection: sqlite3.Connection, letter_id: int, now: str) -> None:
    """Record that the letter went out: the server accepted it, or the candidate says so."""
    connection.execute(
        "UPDATE letters SET state = 'sent', sent_at = ?, error = NULL, updated_at = ? WHERE id = ?",
        (now, now, letter_id),
    )


def mark_failed(connection: sqlite3.Connection, letter_id: int, error: str, now: str) -> None:
    """Record that nothing went out: the letter is an unsent draft again, keeping why.

    When the person has another saved draft (they tried a different text), that draft stays
    the saved one and carries the error; the text tried is theirs in its own file.
    """
    row = connection.execute("SELECT offer_id FROM letters WHERE id = ?", (letter_id,)).fetchone()
    saved = connection.execute(
        "SELECT id FROM letters WHERE offer_id = ? AND state = 'draft' AND id != ? "
        "ORDER BY id DESC LIMIT 1",
        (row["offer_id"], letter_id),
    ).fetchone()
    if saved is not None:
        connection.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
        letter_id = int(saved["id"])
    connection.execute(
        "UPDATE letters SET state = 'draft', error = ?, sending_at = NULL, updated_at = ? "
        "WHERE id = ?",
        (error, now, letter_id),
    )


def mark_uncertain(connection: sqlite3.Connection, letter_id: int, error: str, now: str) -> None:
    """Keep the letter `sending`, noting why no one can tell whether it went out."""
    connection.execute(
        "UPDATE letters SET error = ?, updated_at = ? WHERE id = ?", (error, now, letter_id)
    )


def confirm_sent(connection: sqlite3.Connection, offer_id: str, now: str) -> int:
    """Confirm that the candidate sent the decline themselves; return the letter's id."""
    pending = latest(connection, offer_id, "prepared", "sending", "draft")
    if pending is None:
        sent = latest(connection, offer_id, "sent")
        if sent is not None:
            raise InputError(f"the decline for {offer_id} is already recorded as sent")
        cursor = connection.execute(
            "INSERT INTO letters (offer_id, state, via, channel, created_at, updated_at) "
            "VALUES (?, 'draft', 'manual', 'email', ?, ?)",
            (offer_id, now, now),
        )
        assert cursor.lastrowid is not None
        letter_id = cursor.lastrowid
    else:
        letter_id = int(pending["id"])
        if pending["via"] is None:
            connection.execute("UPDATE letters SET via = 'manual' WHERE id = ?", (letter_id,))
    mark_sent(connection, letter_id, now)
    return letter_id
