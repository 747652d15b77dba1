"""What can go wrong with the workspace file that is not a bug: one typed error each.

Each error carries the sentence the user reads. They are `InputError`s, so every face
already answers them as bad input (exit code 2 in the CLI, a 4xx in the web app), never
as an internal error; nothing was changed when one is raised.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from decline.errors import InputError

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_PERM = 3
_BUSY = 5
_LOCKED = 6
_READONLY = 8
_IOERR = 10
_CORRUPT = 11
_FULL = 13
_CANTOPEN = 14
_NOTADB = 26
NEARLY_FULL = 1 << 20  # bytes free below which an I/O error is a full disk


class WorkspaceError(InputError):
    """The workspace cannot be used right now; the message says why and what to do."""


class WorkspaceLocked(WorkspaceError):
    """Another process holds the write lock for longer than we wait."""


class WorkspaceReadOnly(WorkspaceError):
    """The file or its folder cannot be written."""


class DiskFull(WorkspaceError):
    """The disk (or the file-size limit) has no room for the change."""


class WorkspaceDamaged(WorkspaceError):
    """The file fails SQLite's integrity check or cannot be read as a database."""


class NoSuchFolder(WorkspaceError):
    """An explicit `--db` path names a folder that does not exist."""


class WorkspaceUnreadable(WorkspaceError):
    """The operating system refused to open, read or write the file."""


def latest_backup(path: Path) -> Path | None:
    """Return the newest copy set aside before a migration (`<name>.backup-<n>-<time>`)."""
    copies = sorted(path.parent.glob(f"{path.name}.backup-*"), key=lambda p: p.stat().st_mtime)
    return copies[-1] if copies else None


def damaged(path: Path, detail: str) -> WorkspaceDamaged:
    """Return the error for a damaged file, naming the backup to restore when there is one."""
    backup = latest_backup(path)
    remedy = (
        f"restore it from {backup} or move it away"
        if backup is not None
        else "restore it from a backup or move it away (decline then starts a new one)"
    )
    return WorkspaceDamaged(f"the workspace file {path} is damaged ({detail}): {remedy}")


def _read_only(path: Path) -> bool:
    """Say whether the file, or the folder its journal files go in, cannot be written."""
    import os

    return not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def _no_room(path: Path) -> bool:
    """Say whether the workspace's disk is (nearly) full: a write error there means that.

    SQLite reports a full disk as SQLITE_FULL only for some writes; a full WAL or shared
    memory file comes back as a generic I/O error.
    """
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL
    except OSError:
        return False


def translate(error: sqlite3.Error, path: Path) -> WorkspaceError | None:
    """Return the typed error for an SQLite fault, or None when it is not a known fault."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return WorkspaceLocked(
            f"the workspace is locked by another decline process ({path}); "
            "try again when it has finished"
        )
    if primary in (_READONLY, _PERM) or (primary == _CANTOPEN and _read_only(path)):
        return WorkspaceReadOnly(
            f"the workspace {path} is read-only; make the file and its folder writable, "
            "or point --db elsewhere (nothing was changed)"
        )
    if primary == _FULL or (primary == _IOERR and _no_room(path)):
        return DiskFull(
            f"the disk is full: cannot write to the workspace {path}; free some space and "
            "try again (nothing was changed)"
        )
    if primary in (_CORRUPT, _NOTADB):
        return damaged(path, str(error))
    if primary == _IOERR:
        return WorkspaceUnreadable(
            f"the disk reported an error reading or writing the workspace {path} ({error}); "
            "check the disk and free space (nothing was changed)"
        )
    if primary == _CANTOPEN:
        return WorkspaceUnreadable(
            f"cannot open the workspace {path} ({error}); check that the file and its "
            "folder exist and are readable and writable"
        )
    return None
