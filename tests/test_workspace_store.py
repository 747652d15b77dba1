"""The workspace file: WAL, named migrations, backups, refusals, crash safety."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from decline.errors import InputError
from decline.workspace.faults import NoSuchFolder
from decline.workspace.schema import MIGRATIONS
from decline.workspace.store import Workspace


def test_a_new_workspace_uses_wal_and_records_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "decline.db"
    with Workspace.open(path) as workspace:
        assert workspace.backup is None
        assert workspace.applied_migrations() == [m.name for m in MIGRATIONS]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_only_the_default_location_is_created_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Workspace.open() as workspace:
        assert workspace.path == tmp_path / "data" / "decline" / "decline.db"
    assert workspace.path.is_file()
    typo = tmp_path / "no-such-dir" / "x.db"
    with pytest.raises(NoSuchFolder, match=r"no-such-dir/x\.db: no such folder"):
        Workspace.open(typo)
    assert not typo.parent.exists()


def test_an_older_workspace_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "decline.db"
    with Workspace.open(path, migrations=MIGRATIONS[:1]) as old, old.transaction() as db:
        db.execute(
            "INSERT INTO offers (id, company, role, added_at, updated_at) "
            "VALUES ('acme', 'Acme', 'Engineer', 't', 't')"
        )
        db.execute("INSERT INTO contacts (offer_id, name) VALUES ('acme', 'Maria Rossi')")
    with Workspace.open(path) as workspace:
        assert workspace.backup is not None
        backup = workspace.backup
        assert workspace.applied_migrations() == [m.name for m in MIGRATIONS]
        row = workspace.connection.execute("SELECT name, linkedin FROM contacts").fetchone()
        assert tuple(row) == ("Maria Rossi", None)
    copy = sqlite3.connect(backup)
    assert [r[0] for r in copy.execute("SELECT name FROM schema_migrations")] == [
        MIGRATIONS[0].name
    ]
    assert copy.execute("SELECT company FROM offers").fetchone()[0] == "Acme"
    columns = [r[1] for r in copy.execute("PRAGMA table_info(contacts)")]
    assert "linkedin" not in columns
    # Opening again changes nothing and makes no second backup.
    with Workspace.open(path) as again:
        assert again.backup is None


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    from decline.workspace.schema import Migration

    path = tmp_path / "decline.db"
    Workspace.open(path, migrations=MIGRATIONS[:1]).close()
    broken = Migration("0002_broken", ("ALTER TABLE contacts ADD COLUMN x TEXT", "NOT SQL"))
    with pytest.raises(InputError):
        Workspace.open(path, migrations=(MIGRATIONS[0], broken))
    columns = [r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(contacts)")]
    assert "x" not in columns


def test_a_newer_workspace_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "decline.db"
    with Workspace.open(path) as workspace, workspace.transaction() as db:
        db.execute(
            "INSERT INTO schema_migrations (name, applied_at) VALUES ('0099_future', 'later')"
        )
    with pytest.raises(InputError, match=r"newer version of decline.*0099_future"):
        Workspace.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(InputError, match="not a decline workspace"):
        Workspace.open(path)


def test_a_failing_command_commits_nothing(tmp_path: Path) -> None:
    path = tmp_path / "decline.db"

    def half_done(workspace: Workspace) -> None:
        with workspace.transaction() as db:
            db.execute(
                "INSERT INTO offers (id, company, role, added_at, updated_at) "
                "VALUES ('acme', 'Acme', 'Engineer', 't', 't')"
            )
            raise RuntimeError("the command failed half-way")

    with Workspace.open(path) as workspace:
        with pytest.raises(RuntimeError):
            half_done(workspace)
        assert workspace.connection.execute("SELECT count(*) FROM offers").fetchone()[0] == 0


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from decline.workspace.store import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    number = 0
    while True:
        number += 1
        offer = f"offer-{number}"
        with workspace.transaction() as db:
            db.execute(
                "INSERT INTO offers (id, company, role, added_at, updated_at) "
                "VALUES (?, 'Company', 'Role', 't', 't')", (offer,))
            db.execute(
                "INSERT INTO letters (offer_id, state, body, created_at, updated_at) "
                "VALUES (?, 'draft', ?, 't', 't')", (offer, "x" * 50_000))
            db.execute(
                "UPDATE letters SET state = 'sending', message = ? WHERE offer_id = ?",
                (b"y" * 50_000, offer))
        print(offer, flush=True)
    """
)


def test_kill_9_mid_write_loses_nothing_committed_and_leaves_no_half_letter(
    tmp_path: Path,
) -> None:
    path = tmp_path / "decline.db"
    Workspace.open(path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    committed = [child.stdout.readline().strip() for _ in range(30)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    with Workspace.open(path) as workspace:
        db = workspace.connection
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        offers = {row[0] for row in db.execute("SELECT id FROM offers")}
        assert set(committed) <= offers
        half_written = db.execute(
            "SELECT count(*) FROM offers o LEFT JOIN letters l ON l.offer_id = o.id "
            "WHERE l.id IS NULL OR l.state != 'sending' OR length(l.message) != 50000 "
            "OR length(l.body) != 50000"
        ).fetchone()[0]
        assert half_written == 0
