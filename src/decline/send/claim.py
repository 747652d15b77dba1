"""A per-offer claim on sending, held by the live process that sends and freed when it ends.

The letter's `sending` state in the workspace says a send began; it cannot say whether the
process that began it is still at work or was killed. The claim tells the two apart: an
exclusive lock (`flock`) on a small file beside the workspace, taken before `sending` is
recorded and kept until the outcome is recorded. The operating system frees it when the
process ends in any way, so a claim that can be taken means nobody is sending now, and a
`sending` letter found then was interrupted. The file holds who claimed it (process id,
host, time), for the message shown to the other process.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from types import TracebackType
from typing import IO

from decline.workspace.store import utc_now


class ClaimTaken(Exception):
    """Another live process holds the claim; `holder` says who, when it could be read."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def claim_path(workspace_path: Path, offer_id: str) -> Path:
    """Return the lock file for sending offer `offer_id` from this workspace."""
    return workspace_path.with_name(f"{workspace_path.name}.sending-{offer_id}.lock")


class SendClaim:
    """`with SendClaim(path, offer_id):` — hold the claim, or raise ClaimTaken at once."""

    def __init__(self, workspace_path: Path, offer_id: str) -> None:
        self.path = claim_path(workspace_path, offer_id)
        self._file: IO[str] | None = None

    def __enter__(self) -> SendClaim:
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # held until __exit__
        except OSError:
            return self  # a read-only folder: the database's own locking still guards the state
        if not _lock(handle):
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            raise ClaimTaken(holder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {socket.gethostname()}, since {utc_now()}")
        handle.flush()
        self._file = handle
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._file is not None:
            self._file.close()  # closing the file releases the lock
            self._file = None


def _lock(handle: IO[str]) -> bool:
    """Take an exclusive lock without waiting; True when taken."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the database state alone guards sending
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks: the database state still guards sending
    return True
