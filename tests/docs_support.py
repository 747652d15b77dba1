"""Shared by the tests that keep the docs' command examples true.

A ```console block whose one command line is `$ decline …` is run for real (80 columns,
no colour, no settings, a workspace of its own in the folder) and must equal standard
output then standard error. `DECLINE_UPDATE_DOCS=1` rewrites a stale block instead.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n\$ (decline [^\n]*)\n(.*?)```", re.S)


def run_decline(command: str, folder: Path) -> str:
    """Run `decline …` (the block's command line) in `folder`; return stdout then stderr."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "DECLINE_CONFIG": str(folder / "no-config.toml"),
        "DECLINE_DB": str(folder / "decline.db"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "decline", *shlex.split(command)[1:]],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
        timeout=60,
    )
    return done.stdout + done.stderr


def check_block(doc: Path, command: str, actual: str) -> None:
    """Assert the block of `command` in `doc` shows `actual`; rewrite it when updating."""
    text = doc.read_text("utf-8")
    match = next(m for m in BLOCK.finditer(text) if m[1] == command)
    if os.environ.get("DECLINE_UPDATE_DOCS"):
        start, end = match.span(2)
        doc.write_text(text[:start] + actual + text[end:], encoding="utf-8")
        return
    assert match[2] == actual, f"{doc.name}: `{command}` prints something else now"
