"""Open the workspace's SQLite file: WAL, foreign keys, migrations, one transaction a command.

Opening an older database first copies it aside (`<name>.backup-<n>-<time>`), then
applies the missing migrations, each in its own transaction and recorded in
`schema_migrations`; a database that knows migrations this version does not is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from decline.errors import InputError
from decline.workspace.schema import MIGRATIONS, Migration

MIGRATIONS_TABLE = "schema_migrations"


def default_path() -> Path:
    """Return the workspace's default file: `decline.db` in the user data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("decline")) / "decline.db"


def utc_now() -> str:
    """Return the current time as an ISO-8601 UTC timestamp with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Workspace:
    """An open workspace database; use `transaction()` for every read-modify-write."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self.backup: Path | None = None

    @classmethod
    def open(
        cls, path: Path | None = None, *, migrations: tuple[Migration, ...] = MIGRATIONS
    ) -> Workspace:
        """Open (creating if needed) and upgrade the workspace at `path`."""
        path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as error:
            raise InputError(f"{path}: cannot open the workspace ({error})") from None
        connection.row_factory = sqlite3.Row
        workspace = cls(connection, path)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            workspace._migrate(migrations)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise InputError(f"{path}: not a decline workspace ({error})") from None
        except BaseException:
            connection.close()
            raise
        return workspace

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one immediate transaction: all of it is committed, or none."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def applied_migrations(self) -> list[str]:
        """Return the names of the migrations recorded in this database, in order."""
        exists = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (MIGRATIONS_TABLE,),
        ).fetchone()
        if not exists:
            return []
        rows = self.connection.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")
        return [row["name"] for row in rows]

    def _migrate(self, migrations: tuple[Migration, ...]) -> None:
        applied = self.applied_migrations()
        known = [migration.name for migration in migrations]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise InputError(
                f"{self.path} was written by a newer version of decline (schema "
                f"{unknown[-1]!r} is unknown here); upgrade decline to open it"
            )
        pending = [migration for migration in migrations if migration.name not in applied]
        if not pending:
            return
        if applied:
            self.backup = self._copy_aside(len(applied))
        else:
            self.connection.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
                "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
            )
        for migration in pending:
            with self.transaction() as connection:
                for statement in migration.statements:
                    connection.execute(statement)
                connection.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                    (migration.name, utc_now()),
                )
                connection.execute(f"PRAGMA user_version = {len(applied) + 1}")
                applied.append(migration.name)

    def _copy_aside(self, version: int) -> Path:
        """Copy the database, consistently even under WAL, before changing its schema."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.backup-{version}-{stamp}")
        copy = sqlite3.connect(target)
        try:
            self.connection.backup(copy)
        finally:
            copy.close()
        return target
