"""Faults of the workspace file are one clear line and exit 2, never an internal error.

Real faults where the machine allows them: a second process holding the write lock, a
read-only mount, a full tmpfs (root only; skipped otherwise), and damaged copies of a real
workspace (truncated, bytes flipped in the header and in pages).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_support import Outcome, decline, example_offers
from decline.cli.main import run
from decline.workspace.faults import DiskFull, WorkspaceLocked
from decline.workspace.store import Workspace

Capture = pytest.CaptureFixture[str]
DECLINE = Path(sys.executable).with_name("decline")


def _run(db: Path, *args: str) -> None:
    with pytest.raises(SystemExit) as done:
        run(["--db", str(db), *args])
    assert done.value.code in (0, None), args


def make_workspace(path: Path) -> Path:
    """Fill a workspace the way a user does: add, decide, sent, decide."""
    _run(path, "add", str(example_offers()))
    _run(path, "decide", "acme", "decline")
    _run(path, "sent", "acme")
    _run(path, "decide", "beta", "decline")
    return path


def rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [
            *connection.execute("SELECT id, company FROM offers ORDER BY id"),
            *connection.execute("SELECT offer_id, decision FROM decisions ORDER BY offer_id"),
        ]
    finally:
        connection.close()


# ----- locked by another process


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("UPDATE offers SET company = 'Held' WHERE id = 'acme'")
    print("holding", flush=True)
    sys.stdin.readline()
    connection.execute("ROLLBACK")
    """
)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """Yield a workspace while another process holds `BEGIN EXCLUSIVE` on it."""
    path = make_workspace(tmp_path / "decline.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield path
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)


def test_status_reads_while_another_process_holds_the_write_lock(held: Path) -> None:
    done = subprocess.run(
        [str(DECLINE), "--db", str(held), "status", "--all"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Acme Analytics" in done.stdout  # the last committed state, not the held change


def test_a_writer_that_cannot_get_the_lock_says_who_holds_it(held: Path) -> None:
    with (
        Workspace.open(held, wait=0.2) as workspace,
        pytest.raises(WorkspaceLocked, match="locked by another decline process"),
        workspace.transaction(),
    ):
        pass  # the lock is refused on BEGIN, before anything is read or written
    assert ("acme", "decline") in rows(held)


# ----- a full disk


def test_a_full_database_is_disk_full_and_nothing_is_half_written(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "decline.db")
    before = rows(path)
    with Workspace.open(path) as workspace:
        pages = workspace.connection.execute("PRAGMA page_count").fetchone()[0]
        workspace.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFull, match="the disk is full"):
            _delete_then_grow(workspace)
    assert rows(path) == before


def _delete_then_grow(workspace: Workspace) -> None:
    with workspace.transaction() as connection:
        connection.execute("DELETE FROM decisions")
        connection.execute(
            "INSERT INTO letters (offer_id, state, body, created_at, updated_at) "
            "VALUES ('beta', 'draft', ?, 'now', 'now')",
            ("x" * 200_000,),
        )


def _fill(handle: int) -> None:
    while os.write(handle, b"\0" * 4096):
        pass


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """Yield the mount point of a 1 MB tmpfs (root only)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_is_exit_2_in_words(capsys: Capture, small_disk: Path) -> None:
    path = make_workspace(small_disk / "decline.db")
    before = rows(path)
    handle = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError, match="No space left") as full:
            _fill(handle)
        assert full.value.errno == errno.ENOSPC
    finally:
        os.close(handle)
    outcome = decline(capsys, path, "decide", "gamma", "decline")
    assert outcome.code == 2, outcome
    assert "the disk is full" in outcome.err
    (small_disk / "filler").unlink()  # room again: the workspace is as it was
    assert rows(path) == before


# ----- read-only


@pytest.fixture
def read_only_workspace(tmp_path: Path) -> Iterator[Path]:
    """Yield a workspace on a read-only mount (root) or with read-only permissions."""
    if os.geteuid() != 0:
        path = make_workspace(tmp_path / "decline.db")
        path.chmod(0o444)
        tmp_path.chmod(0o555)
        try:
            yield path
        finally:
            tmp_path.chmod(0o755)
        return
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot make a read-only file here")
    try:
        path = make_workspace(mount / "decline.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_read_only_workspace_is_exit_2_in_words(
    capsys: Capture, read_only_workspace: Path
) -> None:
    before = read_only_workspace.read_bytes()
    for command in (["decide", "gamma", "decline"], ["add", str(example_offers())]):
        outcome = decline(capsys, read_only_workspace, *command)
        assert outcome.code == 2, outcome
        assert "is read-only" in outcome.err
    assert read_only_workspace.read_bytes() == before


# ----- damaged files


def _variants(original: bytes) -> list[tuple[str, bytes]]:
    """Return 60 deterministic damaged copies: truncations and flipped bytes."""
    size = len(original)
    page = int.from_bytes(original[16:18], "big") or 65536
    variants: list[tuple[str, bytes]] = []
    for length in (10, 50, 99, 100, 1000, page - 1, page + 100, size // 2, size - page, size - 1):
        variants.append((f"cut-{length}", original[:length]))
    header = (0, 5, 15, 16, 17, 18, 19, 20, 21, 22, 23, 28, 31, 40, 44, 47, 52, 56, 92, 96)
    for offset in header:
        variants.append((f"header-{offset}", _flip(original, offset)))
    pages = size // page
    spots = (0, 1, 3, 5, 7, 8, 9, 12)
    for number in range(1, pages):
        for spot in spots:
            if len(variants) == 55:
                break
            variants.append((f"page-{number}+{spot}", _flip(original, number * page + spot)))
    for offset in (100, 101, 103, 105, 107):  # the first page's b-tree header
        variants.append((f"root-{offset}", _flip(original, offset)))
    return variants[:60]


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0xFF]) + data[offset + 1 :]


def _passes_quick_check(data: bytes, scratch: Path) -> bool:
    scratch.write_bytes(data)
    try:
        connection = sqlite3.connect(f"file:{scratch}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False


COMMANDS = (
    ("status",),
    ("decide", "gamma", "accept"),
    ("add", "OFFERS"),
    ("send", "beta", "--via", "eml", "-o", "OUT"),
)


def test_damaged_copies_never_give_an_internal_error_nor_change(
    capsys: Capture, tmp_path: Path
) -> None:
    original = make_workspace(tmp_path / "original.db").read_bytes()
    variants = _variants(original)
    assert len(variants) == 60
    detected = 0
    for name, data in variants:
        intact = _passes_quick_check(data, tmp_path / "scratch.db")
        detected += not intact
        for number, command in enumerate(COMMANDS):
            path = tmp_path / f"{name}-{number}.db"
            path.write_bytes(data)
            args = [
                str(example_offers())
                if arg == "OFFERS"
                else str(tmp_path / "out.eml")
                if arg == "OUT"
                else arg
                for arg in command
            ]
            outcome: Outcome = decline(capsys, path, *args)
            where = f"{name}: decline {' '.join(command)} -> {outcome}"
            assert outcome.code != 4, where
            assert "Traceback" not in outcome.err, where
            if outcome.code != 0 or not intact:
                assert path.read_bytes() == data, where
            if not intact and command[0] != "status":  # a writer checks before writing
                assert outcome.code == 2, where
                assert "damaged" in outcome.err or "not a decline workspace" in outcome.err, where
    assert detected >= 30  # most variants really are damaged, so the test means something


def test_the_damaged_message_names_the_backup(tmp_path: Path, capsys: Capture) -> None:
    path = make_workspace(tmp_path / "decline.db")
    backup = tmp_path / "decline.db.backup-1-20261124T093000"
    shutil.copyfile(path, backup)
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: page * 2])
    outcome = decline(capsys, path, "decide", "gamma", "decline")
    assert outcome.code == 2
    assert f"the workspace file {path} is damaged" in outcome.err
    assert f"restore it from {backup} or move it away" in outcome.err
