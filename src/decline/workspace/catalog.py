"""Offers, contacts, the candidate and priorities in the workspace: add, read, decide, forget."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from decline.errors import InputError, NotFoundError
from decline.offers import (
    CANDIDATE_FIELDS,
    OFFER_FIELDS,
    Candidate,
    Commute,
    Contact,
    Equity,
    Offer,
    OfferSet,
    Priorities,
)
from decline.workspace.faults import WorkspaceError

DECISIONS = ("accept", "decline")

_OFFER_COLUMNS = OFFER_FIELDS[1:]  # every key but the id, which is the row's key
_CANDIDATE_COLUMNS = CANDIDATE_FIELDS


@dataclass(frozen=True)
class AddSummary:
    """What `add` did: offer ids added, updated and left unchanged."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def _json(value: object) -> str | None:
    if value is None:
        return None
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)  # type: ignore[call-overload]
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _offer_row(offer: Offer) -> dict[str, Any]:
    return {
        "company": offer.company,
        "role": offer.role,
        "location": offer.location,
        "address": offer.address,
        "currency": offer.currency,
        "received": offer.received.isoformat() if offer.received else None,
        "deadline": offer.deadline.isoformat() if offer.deadline else None,
        "base_salary": offer.base_salary,
        "bonus_target_pct": offer.bonus_target_pct,
        "signing_bonus": offer.signing_bonus,
        "equity": _json(offer.equity),
        "retirement_match_pct": offer.retirement_match_pct,
        "pto_days": offer.pto_days,
        "benefits_value": offer.benefits_value,
        "commute": _json(offer.commute),
        "ratings": _json(dict(offer.ratings)) or "{}",
        "liked": offer.liked,
        "company_article": offer.company_article,
    }


def add_offer_set(connection: sqlite3.Connection, offers: OfferSet, now: str) -> AddSummary:
    """Copy an offer file into the workspace, updating by offer id and keeping the others."""
    _store_candidate(connection, offers)
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for offer in offers.offers:
        row = _offer_row(offer)
        existing = connection.execute("SELECT * FROM offers WHERE id = ?", (offer.id,)).fetchone()
        if existing is None:
            columns = ", ".join(("id", *row, "added_at", "updated_at"))
            marks = ", ".join("?" * (len(row) + 3))
            connection.execute(
                f"INSERT INTO offers ({columns}) VALUES ({marks})",
                (offer.id, *row.values(), now, now),
            )
            added.append(offer.id)
        elif any(existing[key] != value for key, value in row.items()):
            assignments = ", ".join(f"{key} = ?" for key in row)
            connection.execute(
                f"UPDATE offers SET {assignments}, updated_at = ? WHERE id = ?",
                (*row.values(), now, offer.id),
            )
            updated.append(offer.id)
        else:
            unchanged.append(offer.id)
        if _store_contacts(connection, offer) and offer.id in unchanged:
            unchanged.remove(offer.id)
            updated.append(offer.id)
    return AddSummary(tuple(added), tuple(updated), tuple(unchanged))


def _store_contacts(connection: sqlite3.Connection, offer: Offer) -> bool:
    """Upsert the offer's contacts by name, drop the ones no longer listed; say if any changed."""
    changed = False
    names = [contact.name for contact in offer.contacts]
    columns = ("position", "honorific", "title", "email", "role", "register", "greeting_name")
    for position, contact in enumerate(offer.contacts):
        values = (
            position,
            contact.honorific,
            contact.title,
            contact.email,
            contact.role,
            contact.register,
            contact.greeting_name,
        )
        existing = connection.execute(
            f"SELECT {', '.join(columns)} FROM contacts WHERE offer_id = ? AND name = ?",
            (offer.id, contact.name),
        ).fetchone()
        if existing is None:
            connection.execute(
                f"INSERT INTO contacts (offer_id, name, {', '.join(columns)}) "
                f"VALUES (?, ?, {', '.join('?' * len(columns))})",
                (offer.id, contact.name, *values),
            )
            changed = True
        elif tuple(existing) != values:
            connection.execute(
                f"UPDATE contacts SET {', '.join(f'{column} = ?' for column in columns)} "
                "WHERE offer_id = ? AND name = ?",
                (*values, offer.id, contact.name),
            )
            changed = True
    marks = ", ".join("?" * len(names))
    gone = connection.execute(
        f"DELETE FROM contacts WHERE offer_id = ? AND name NOT IN ({marks})",
        (offer.id, *names),
    )
    return changed or gone.rowcount > 0


def _store_candidate(connection: sqlite3.Connection, offers: OfferSet) -> None:
    candidate = offers.candidate
    values = tuple(getattr(candidate, column) for column in _CANDIDATE_COLUMNS)
    existing = connection.execute(
        f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM candidate WHERE id = 1"
    ).fetchone()
    if existing is None or tuple(existing) != values:
        connection.execute(
            f"INSERT OR REPLACE INTO candidate (id, {', '.join(_CANDIDATE_COLUMNS)}) "
            f"VALUES (1, {', '.join('?' * len(values))})",
            values,
        )
    wanted = {("weight", name): value for name, value in offers.priorities.weights.items()}
    wanted.update(
        {("pairwise", f"{a}/{b}"): value for (a, b), value in offers.priorities.pairwise.items()}
    )
    current = {
        (row["kind"], row["criterion"]): row["value"]
        for row in connection.execute("SELECT kind, criterion, value FROM priorities")
    }
    if current != wanted:
        connection.execute("DELETE FROM priorities")
        connection.executemany(
            "INSERT INTO priorities (kind, criterion, value) VALUES (?, ?, ?)",
            [(kind, criterion, value) for (kind, criterion), value in wanted.items()],
        )
    meta = {
        "fx_base": json.dumps(offers.fx_base),
        "fx_rates": json.dumps(offers.fx_rates, sort_keys=True),
        "working_weeks": json.dumps(offers.working_weeks),
    }
    for key, value in meta.items():
        connection.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value != excluded.value",
            (key, value),
        )


def offer_ids(connection: sqlite3.Connection) -> list[str]:
    """Return every offer id in the workspace, sorted."""
    return [row["id"] for row in connection.execute("SELECT id FROM offers ORDER BY id")]


def get_offer(connection: sqlite3.Connection, offer_id: str) -> Offer:
    """Return the stored offer; InputError naming the known ids when there is none."""
    row = connection.execute("SELECT * FROM offers WHERE id = ?", (offer_id,)).fetchone()
    if row is None:
        known = ", ".join(offer_ids(connection)) or "none yet (add some: decline add OFFERS.toml)"
        message = f"no offer {offer_id!r} in the workspace; offers: {known}"
        raise NotFoundError(message, field="offer")
    return _offer_from_row(connection, row)


def list_offers(connection: sqlite3.Connection) -> list[Offer]:
    """Return every stored offer, by id."""
    rows = connection.execute("SELECT * FROM offers ORDER BY id").fetchall()
    return [_offer_from_row(connection, row) for row in rows]


def _offer_from_row(connection: sqlite3.Connection, row: sqlite3.Row) -> Offer:
    try:
        return _decode_offer(connection, row)
    except (ValueError, TypeError, AttributeError) as error:
        # Only a damaged file or an import from before exports were checked holds such a
        # value: say which offer, instead of an internal error on every command.
        raise WorkspaceError(
            f"the workspace holds an unreadable value for offer {row['id']!r} ({error}); "
            "fix it with `decline add OFFERS.toml`, or `decline forget` it"
        ) from None


def _decode_offer(connection: sqlite3.Connection, row: sqlite3.Row) -> Offer:
    contacts = tuple(
        Contact(
            name=contact["name"],
            honorific=contact["honorific"],
            title=contact["title"],
            email=contact["email"],
            role=contact["role"],
            register=contact["register"],
            greeting_name=contact["greeting_name"],
        )
        for contact in connection.execute(
            "SELECT * FROM contacts WHERE offer_id = ? ORDER BY position, id", (row["id"],)
        )
    )
    equity = json.loads(row["equity"]) if row["equity"] else None
    if equity and equity.get("schedule") is not None:
        equity["schedule"] = tuple(equity["schedule"])
    commute = json.loads(row["commute"]) if row["commute"] else None
    return Offer(
        id=row["id"],
        company=row["company"],
        role=row["role"],
        location=row["location"],
        address=row["address"],
        currency=row["currency"],
        received=date.fromisoformat(row["received"]) if row["received"] else None,
        deadline=date.fromisoformat(row["deadline"]) if row["deadline"] else None,
        base_salary=row["base_salary"],
        bonus_target_pct=row["bonus_target_pct"],
        signing_bonus=row["signing_bonus"],
        equity=Equity(**equity) if equity else None,
        retirement_match_pct=row["retirement_match_pct"],
        pto_days=row["pto_days"],
        benefits_value=row["benefits_value"],
        commute=Commute(**commute) if commute else None,
        ratings=json.loads(row["ratings"] or "{}"),
        liked=row["liked"],
        company_article=row["company_article"],
        contacts=contacts,
    )


def get_candidate(connection: sqlite3.Connection) -> Candidate | None:
    """Return the stored candidate, or None before the first `add`."""
    row = connection.execute("SELECT * FROM candidate WHERE id = 1").fetchone()
    if row is None:
        return None
    return Candidate(**{column: row[column] for column in _CANDIDATE_COLUMNS})


def offer_set(connection: sqlite3.Connection) -> OfferSet:
    """Return the workspace as an `OfferSet`, the value the core takes."""
    candidate = get_candidate(connection)
    if candidate is None:
        raise InputError("the workspace is empty; add your offers first: decline add OFFERS.toml")
    weights: dict[str, float] = {}
    pairwise: dict[tuple[str, str], float] = {}
    for row in connection.execute("SELECT kind, criterion, value FROM priorities"):
        if row["kind"] == "weight":
            weights[row["criterion"]] = row["value"]
        else:
            first, second = row["criterion"].split("/", 1)
            pairwise[(first, second)] = row["value"]
    rows = connection.execute("SELECT key, value FROM meta")
    try:
        meta = {row["key"]: json.loads(row["value"]) for row in rows}
    except ValueError as error:
        raise WorkspaceError(
            f"the workspace holds an unreadable setting ({error}); run `decline add "
            "OFFERS.toml` again to rewrite it"
        ) from None
    return OfferSet(
        candidate=candidate,
        offers=tuple(list_offers(connection)),
        priorities=Priorities(weights=weights, pairwise=pairwise),
        fx_base=meta.get("fx_base"),
        fx_rates=meta.get("fx_rates", {}),
        working_weeks=meta.get("working_weeks", 46.0),
    )


def decide(connection: sqlite3.Connection, offer_id: str, decision: str, now: str) -> bool:
    """Record the decision on an offer; return False when it was already recorded."""
    if decision not in DECISIONS:
        raise InputError(f"decision: expected accept or decline, found {decision!r}")
    get_offer(connection, offer_id)
    current = connection.execute(
        "SELECT decision FROM decisions WHERE offer_id = ?", (offer_id,)
    ).fetchone()
    if current is not None and current["decision"] == decision:
        return False
    connection.execute(
        "INSERT OR REPLACE INTO decisions (offer_id, decision, decided_at) VALUES (?, ?, ?)",
        (offer_id, decision, now),
    )
    return True


def forget_counts(connection: sqlite3.Connection, offer_id: str) -> dict[str, int]:
    """Count what forgetting the offer removes, table by table."""
    get_offer(connection, offer_id)
    counts = {}
    for table in ("contacts", "decisions", "letters", "followups"):
        row = connection.execute(
            f"SELECT count(*) AS n FROM {table} WHERE offer_id = ?", (offer_id,)
        ).fetchone()
        counts[table] = int(row["n"])
    return counts


def forget(connection: sqlite3.Connection, offer_id: str) -> None:
    """Remove the offer and, through the foreign keys, everything tied to it."""
    get_offer(connection, offer_id)
    connection.execute("DELETE FROM offers WHERE id = ?", (offer_id,))
