"""Open the workspace's SQLite file: WAL, foreign keys, migrations, one transaction a command.

Opening an older database first copies it aside (`<name>.backup-<n>-<time>`), then
applies the missing migrations, each in its own transaction and recorded in
`schema_migrations`; a database that knows migrations this version does not is refused.

Faults are typed (`decline.workspace.faults`): a lock held too long, a read-only file, a
full disk, a damaged file each become one sentence, never a traceback. Before the first
write in a process the file must pass `PRAGMA quick_check`: decline never writes into a
damaged file. A workspace opened for reading takes no write lock and waits only briefly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from decline.errors import InputError
from decline.workspace.faults import NoSuchFolder, WorkspaceError, damaged, translate
from decline.workspace.schema import MIGRATIONS, Migration

MIGRATIONS_TABLE = "schema_migrations"
WRITE_WAIT = 10.0  # seconds a writer waits for another writer to finish
READ_WAIT = 1.0  # seconds a reader waits (under WAL it only waits for a checkpoint)
_MAGIC = b"SQLite format 3\x00"
_CHECKED: set[tuple[int, int]] = set()  # (device, inode) of files checked in this process


def default_path() -> Path:
    """Return the workspace's default file: `decline.db` in the user data directory."""
    from decline.userdirs import data_dir

    return data_dir() / "decline.db"


def utc_now() -> str:
    """Return the current time as an ISO-8601 UTC timestamp with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _check_place(path: Path, *, explicit: bool) -> None:
    """Create the default folder on first use; refuse an explicit path in no folder."""
    if not explicit or (not path.parent.exists() and path == default_path()):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkspaceError(
                f"{path.parent}: cannot create the workspace's folder ({error.strerror})"
            ) from None
        return
    if not path.parent.is_dir():
        raise NoSuchFolder(
            f"{path}: no such folder {path.parent}; create it or fix the path (--db/DECLINE_DB)"
        )
    if path.is_dir():
        raise InputError(f"{path}: expected a workspace file, found a folder")


def _check_header(path: Path) -> bool:
    """Say whether the file holds data; refuse one that is plainly not an SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + 4)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise WorkspaceError(f"{path}: cannot read the workspace ({error.strerror})") from None
    if not head:
        return False
    if head[: len(_MAGIC)] == _MAGIC:
        if len(head) == len(_MAGIC) + 4 and not {head[18], head[19]} <= {1, 2}:
            raise damaged(path, "its file format bytes are garbled")
        return True
    head = head[: len(_MAGIC)]
    alike = sum(a == b for a, b in zip(head, _MAGIC, strict=False))
    if _MAGIC.startswith(head) or alike >= len(_MAGIC) - 4:
        raise damaged(path, "its header is cut short or garbled")
    raise InputError(f"{path}: not a decline workspace (not an SQLite database); fix --db")


class Workspace:
    """An open workspace database; use `transaction()` for every read-modify-write."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, reading: bool) -> None:
        self.connection = connection
        self.path = path
        self.backup: Path | None = None
        self.reading = reading

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        migrations: tuple[Migration, ...] = MIGRATIONS,
        reading: bool = False,
        wait: float | None = None,
    ) -> Workspace:
        """Open (creating if needed) and upgrade the workspace at `path`.

        Only the default location is created on first use; an explicit `path` must be in an
        existing folder. With `reading`, `transaction()` is a read snapshot and never takes
        the write lock (a new or older file is still created or upgraded first).
        """
        target = path if path is not None else default_path()
        _check_place(target, explicit=path is not None)
        has_data = _check_header(target)
        timeout = wait if wait is not None else READ_WAIT if reading else WRITE_WAIT
        try:
            connection = sqlite3.connect(target, isolation_level=None, timeout=timeout)
        except sqlite3.Error as error:
            raise translate(error, target) or InputError(
                f"{target}: cannot open the workspace ({error})"
            ) from None
        connection.row_factory = sqlite3.Row
        workspace = cls(connection, target, reading=reading)
        try:
            workspace._prepare(migrations, has_data)
        except sqlite3.Error as error:
            connection.close()
            fault = translate(error, target)
            if fault is not None:
                raise fault from None
            if has_data and "file format" in str(error):
                raise damaged(target, str(error)) from None
            raise InputError(f"{target}: not a decline workspace ({error})") from None
        except BaseException:
            connection.close()
            raise
        return workspace

    def _prepare(self, migrations: tuple[Migration, ...], has_data: bool) -> None:
        connection = self.connection
        connection.execute("PRAGMA foreign_keys=ON")
        if has_data and not self.reading:
            self.check_intact()
        pending = self._pending(migrations)
        if self.reading and not pending:
            # Read as the file is: no journal-mode change, no write of any kind.
            connection.execute("PRAGMA query_only=ON")
            return
        if has_data:
            self.check_intact()
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        if pending:
            self._migrate(pending, applied=self.applied_migrations())
        _CHECKED.add(self._identity())
        if self.reading:
            connection.execute("PRAGMA query_only=ON")

    def check_intact(self) -> None:
        """Refuse to go on with a file that fails `PRAGMA quick_check` (once per process)."""
        if self._identity() in _CHECKED:
            return
        rows = self.connection.execute("PRAGMA quick_check(1)").fetchall()
        verdict = rows[0][0] if rows else "no answer"
        if verdict != "ok":
            raise damaged(self.path, f"integrity check: {verdict}")
        _CHECKED.add(self._identity())

    def _identity(self) -> tuple[int, int]:
        status = self.path.stat()
        return (status.st_dev, status.st_ino)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one transaction: all of it is committed, or none.

        A writer's transaction is immediate (it holds the write lock from the start, so
        read-modify-write is safe); a reader's is a consistent snapshot that takes no write
        lock. SQLite faults come out as `WorkspaceError`s with the cause in words.
        """
        try:
            self.connection.execute("BEGIN" if self.reading else "BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._fault(error) from None
        try:
            yield self.connection
        except sqlite3.Error as error:
            self._rollback()
            fault = translate(error, self.path)
            if fault is None:
                raise
            raise fault from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise self._fault(error) from None

    def _rollback(self) -> None:
        # SQLite may have rolled back already (e.g. after SQLITE_FULL).
        if self.connection.in_transaction:
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")

    def _fault(self, error: sqlite3.Error) -> Exception:
        return translate(error, self.path) or error

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

    def _pending(self, migrations: tuple[Migration, ...]) -> list[Migration]:
        applied = self.applied_migrations()
        if not all(isinstance(name, str) for name in applied):
            raise damaged(self.path, f"unreadable {MIGRATIONS_TABLE}")
        known = [migration.name for migration in migrations]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise InputError(
                f"{self.path} was written by a newer version of decline (schema "
                f"{unknown[-1]!r} is unknown here); upgrade decline to open it"
            )
        return [migration for migration in migrations if migration.name not in applied]

    def _migrate(self, pending: list[Migration], applied: list[str]) -> None:
        if applied:
            self.backup = self._copy_aside(len(applied))
        else:
            self.connection.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
                "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
            )
        reading, self.reading = self.reading, False
        try:
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
        finally:
            self.reading = reading

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
