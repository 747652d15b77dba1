"""Offers in the workspace: add is idempotent, updates by id, keeps others; forget cascades."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from decline.errors import InputError
from decline.offers import Contact
from decline.workspace.catalog import (
    add_offer_set,
    decide,
    forget,
    forget_counts,
    get_candidate,
    get_offer,
    offer_set,
)
from decline.workspace.exchange import read_export, restore, snapshot, write_export
from decline.workspace.faults import WorkspaceError
from decline.workspace.store import Workspace
from workspace_support import ACME, CANDIDATE, GLOBEX, OFFERS, with_offers


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace.open(tmp_path / "decline.db")


def test_offers_come_back_exactly_as_added(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        summary = add_offer_set(db, OFFERS, "2026-11-20T10:00:00+00:00")
        assert summary.added == ("acme", "globex")
        assert get_offer(db, "acme") == ACME
        assert get_offer(db, "globex") == GLOBEX
        assert get_candidate(db) == CANDIDATE
        restored = offer_set(db)
    assert restored.priorities == OFFERS.priorities
    assert restored.fx_rates == {"USD": 0.92}
    assert restored.offers == OFFERS.offers


def test_adding_twice_changes_nothing(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "2026-11-20T10:00:00+00:00")
        before = snapshot(db, [])
        summary = add_offer_set(db, OFFERS, "2026-11-21T10:00:00+00:00")
        assert summary.unchanged == ("acme", "globex")
        assert (summary.added, summary.updated) == ((), ())
        assert snapshot(db, []) == before


def test_add_updates_by_id_and_keeps_offers_not_in_the_file(workspace: Workspace) -> None:
    raised = replace(
        ACME,
        base_salary=65000,
        contacts=(ACME.contacts[0], Contact(name="Ada Verdi", role="interviewer")),
    )
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "t1")
        summary = add_offer_set(db, with_offers(raised), "t2")
        assert summary.updated == ("acme",)
        assert get_offer(db, "acme") == raised
        assert get_offer(db, "globex") == GLOBEX
        updated_at = db.execute("SELECT updated_at FROM offers WHERE id = 'acme'").fetchone()[0]
        assert updated_at == "t2"


def test_decide_records_and_says_when_nothing_changed(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "t")
        assert decide(db, "acme", "decline", "t1")
        assert not decide(db, "acme", "decline", "t2")
        assert decide(db, "acme", "accept", "t3")
        with pytest.raises(InputError, match=r"no offer 'nope'.*acme, globex"):
            decide(db, "nope", "decline", "t")


def test_forget_removes_the_offer_and_everything_tied_to_it(workspace: Workspace) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "t")
        decide(db, "acme", "decline", "t")
        db.execute(
            "INSERT INTO letters (offer_id, state, body, created_at, updated_at) "
            "VALUES ('acme', 'draft', 'Dear Maria', 't', 't')"
        )
        assert forget_counts(db, "acme") == {
            "contacts": 2,
            "decisions": 1,
            "letters": 1,
            "followups": 0,
        }
        forget(db, "acme")
        for table in ("offers", "contacts", "decisions", "letters"):
            rows = db.execute(f"SELECT count(*) FROM {table} WHERE rowid > 0").fetchone()[0]
            expected = {"offers": 1, "contacts": 1}.get(table, 0)
            assert rows == expected, table


NOW = "2026-11-24T09:30:00+00:00"


@pytest.mark.parametrize("export_format", ["json", "toml"])
def test_export_then_import_restores_everything(
    workspace: Workspace, tmp_path: Path, export_format: str
) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, NOW)
        decide(db, "acme", "decline", NOW)
        db.execute(
            "INSERT INTO letters (offer_id, state, body, message, created_at, updated_at) "
            "VALUES ('acme', 'sent', 'Dear Maria,\n\tthanks \"really\" \x7f', ?, ?, ?)",
            (b"\x00\xffexact bytes", NOW, NOW),
        )
        original = snapshot(db, workspace.applied_migrations())
    target = tmp_path / f"export.{export_format}"
    write_export(original, target, export_format)
    other = Workspace.open(tmp_path / "other.db")
    with other.transaction() as db:
        counts = restore(db, read_export(target))
        assert counts["offers"] == 2
        assert snapshot(db, other.applied_migrations()) == original
        assert db.execute("SELECT message FROM letters").fetchone()[0] == b"\x00\xffexact bytes"


def test_csv_export_writes_one_file_per_table(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, "t")
        data = snapshot(db, [])
    written = write_export(data, tmp_path / "csv", "csv")
    assert {path.name for path in written} >= {"offers.csv", "contacts.csv", "letters.csv"}
    assert (tmp_path / "csv" / "offers.csv").read_text().startswith("id,company,role")


def test_import_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"tables": {}}')
    with pytest.raises(InputError, match="not a decline workspace export"):
        read_export(bogus)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("ratings", "{not json"),
        ("equity", '{"value": 1, "bogus": 2}'),
        ("received", "yesterday"),
        ("commute", "{}x"),
    ],
)
def test_an_unreadable_stored_value_is_one_line_naming_the_offer(
    workspace: Workspace, column: str, value: str
) -> None:
    with workspace.transaction() as db:
        add_offer_set(db, OFFERS, NOW)
        db.execute(f"UPDATE offers SET {column} = ? WHERE id = 'acme'", (value,))
    with workspace.transaction() as db, pytest.raises(WorkspaceError, match="offer 'acme'"):
        get_offer(db, "acme")
