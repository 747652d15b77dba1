"""Confirm a decline the candidate sent themselves, and plan its follow-ups (P6, P7)."""

from __future__ import annotations

import sqlite3
from datetime import date

from decline.workspace.catalog import get_candidate, get_offer
from decline.workspace.followups import plan
from decline.workspace.letters import confirm_sent
from decline.workspace.store import utc_now


def record_sent(connection: sqlite3.Connection, offer_id: str, sent_on: date) -> int:
    """Record the offer's decline as sent; return how many follow-ups were planned."""
    now = utc_now()
    offer = get_offer(connection, offer_id)
    letter_id = confirm_sent(connection, offer_id, now)
    row = connection.execute(
        "SELECT recipient_email, lang FROM letters WHERE id = ?", (letter_id,)
    ).fetchone()
    candidate = get_candidate(connection)
    lang = row["lang"] or (candidate.lang if candidate else "en")
    return plan(
        connection,
        offer,
        candidate,
        letter_id=letter_id,
        recipient_email=row["recipient_email"],
        lang=lang,
        sent_on=sent_on,
        now=now,
    )
