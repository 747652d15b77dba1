"""Ctrl-C, sent as a real SIGINT to the installed `decline` script, at several moments.

Whatever the moment, the user sees `decline: interrupted` and exit 3 — never a traceback,
never half an output file — and answering "n" at a confirmation is not an interruption.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cli_support import example_offers, start

LETTER = (Path(__file__).parent / "golden" / "review" / "en_graceful.txt").read_bytes()


def _interrupt(process: subprocess.Popen[bytes], after: float = 0) -> tuple[int, str]:
    if after:
        time.sleep(after)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    return process.returncode, err.decode("utf-8", "replace")


def _cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_until(process: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
    """Wait for a state of the child, measured in what it did rather than in wall time."""
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.002)


def _block_sigint() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def test_ctrl_c_at_once_is_handled_first_thing(tmp_path: Path) -> None:
    """Ctrl-C pressed before decline's code runs is handled as soon as it does.

    Started with SIGINT blocked, the process keeps the signal pending through Python's own
    start-up (which decline cannot reach: a signal there kills the process as Python
    decides), and decline must take it, first thing, as an interruption.
    """
    process = start(tmp_path, "review", "-", preexec_fn=_block_sigint)
    code, err = _interrupt(process)
    assert code == 3, err
    assert err.strip() == "decline: interrupted"


@needs_proc
def test_ctrl_c_during_the_imports_exits_three(tmp_path: Path) -> None:
    # With an empty bytecode cache every module is compiled from source, so the imports of
    # Click and the command take a few hundred ms of CPU; Python's own start-up and the
    # script's `import re` about 50 ms. 0.2 s of CPU is well inside the imports.
    cold = {"PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}
    process = start(tmp_path, "review", "-", env=cold)
    _wait_until(process, lambda: _cpu_seconds(process) >= 0.2)
    code, err = _interrupt(process)
    assert code == 3, err
    assert err.strip() == "decline: interrupted"


@needs_proc
def test_ctrl_c_while_waiting_for_standard_input_exits_three(tmp_path: Path) -> None:
    process = start(tmp_path, "review", "-")
    wchan = Path(f"/proc/{process.pid}/wchan")
    _wait_until(process, lambda: "pipe" in wchan.read_text())
    code, err = _interrupt(process)
    assert code == 3, err
    assert err.strip() == "decline: interrupted"


@needs_proc
def test_ctrl_c_during_a_long_batch_leaves_no_output_file(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    names = []
    for index in range(4000):
        path = drafts / f"{index:04}.txt"
        path.write_bytes(LETTER)
        names.append(str(path))
    out = tmp_path / "out" / "reports.json"
    out.parent.mkdir()
    process = start(tmp_path, "review", "--format", "json", "-o", str(out), *names)
    _wait_until(process, lambda: _cpu_seconds(process) >= 0.4)  # well into the batch
    code, err = _interrupt(process)
    assert code == 3, err  # 0 or 1 would mean the batch had finished first
    assert err.strip() == "decline: interrupted"
    assert list(out.parent.iterdir()) == []  # neither the file nor a temporary one


def _workspace_with_offers(tmp_path: Path) -> None:
    added = start(tmp_path, "add", str(example_offers()), stdin=subprocess.DEVNULL)
    _, err = added.communicate(timeout=30)
    assert added.returncode == 0, err


def _at_prompt(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], int, bytes]:
    """Start a command on a real terminal (a pty) and wait until it asks its question.

    Returns the process, the terminal's controlling side, and what stderr said so far.
    """
    controller, terminal = pty.openpty()
    process = start(tmp_path, *args, stdin=terminal, stdout=terminal)
    os.close(terminal)
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + 30
    while b"[y/N]" not in seen:
        assert time.monotonic() < deadline, seen
        assert process.poll() is None, seen
        ready, _, _ = select.select([process.stderr], [], [], 1)
        if ready:
            seen += os.read(process.stderr.fileno(), 4096)
    return process, controller, seen


@pytest.mark.parametrize("args", [("forget", "acme"), ("import", "export.json")])
def test_answering_no_is_not_an_interruption(tmp_path: Path, args: tuple[str, ...]) -> None:
    _workspace_with_offers(tmp_path)
    exported = start(tmp_path, "export", "-o", "export.json", stdin=subprocess.DEVNULL)
    assert exported.wait(timeout=30) == 0
    process, controller, asked = _at_prompt(tmp_path, *args)
    try:
        os.write(controller, b"n\n")
        _, err = process.communicate(timeout=30)
    finally:
        os.close(controller)
    text = (asked + err).decode()
    assert process.returncode == 1, text
    assert "interrupted" not in text
    assert "Nothing changed" in text
    listed = start(tmp_path, "status", stdin=subprocess.DEVNULL)
    out, _ = listed.communicate(timeout=30)
    assert b"Acme Analytics" in out  # still there


def test_ctrl_c_at_a_prompt_is_an_interruption(tmp_path: Path) -> None:
    _workspace_with_offers(tmp_path)
    process, controller, _ = _at_prompt(tmp_path, "forget", "acme")
    try:
        # a moment for the prompt to reach its read(): a signal a few microseconds before
        # it would wait for the next Ctrl-C (Python's own input() race, not a person's)
        code, err = _interrupt(process, after=0.3)
    finally:
        os.close(controller)
    assert code == 3, err
    assert "Traceback" not in err
    assert "decline: interrupted" in err
    assert "Nothing changed" not in err
