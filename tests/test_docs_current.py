"""The command examples in README.md and docs/compare.md are what the commands print today.

Every ```console block whose one command line is `$ decline …` is run for real (in a
folder holding offers.toml, examples/offers.toml and draft.txt from examples/, at 80
columns, without colour) and its text must equal the block: standard output, then
standard error. Commands that depend on the date pass a fixed --date or --today. To
regenerate the blocks after a deliberate change: DECLINE_UPDATE_DOCS=1 pytest this file.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "docs" / "compare.md"]
BLOCK = re.compile(r"```console\n\$ (decline [^\n]*)\n(.*?)```", re.S)


def blocks() -> list[tuple[Path, str]]:
    found = [(doc, m) for doc in DOCS for m in BLOCK.finditer(doc.read_text("utf-8"))]
    # a block of several commands is an outline, not a transcript: it is not run
    return [(doc, m[1]) for doc, m in found if "\n$ " not in "\n" + m[2]]


def output(command: str, folder: Path) -> str:
    args = shlex.split(command)[1:]
    if args[0] != "init":
        shutil.copy(ROOT / "examples" / "offers.toml", folder / "offers.toml")
        (folder / "examples").mkdir()
        shutil.copy(ROOT / "examples" / "offers.toml", folder / "examples" / "offers.toml")
        shutil.copy(ROOT / "examples" / "draft.txt", folder / "draft.txt")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "DECLINE_CONFIG": str(folder / "no-config.toml"),
        "DECLINE_DB": str(folder / "decline.db"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "decline", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    return done.stdout + done.stderr


def test_there_are_examples_to_check() -> None:
    commands = [command.split()[1] for _, command in blocks()]
    assert {"init", "compare", "write", "review"} <= set(commands)


@pytest.mark.parametrize(("doc", "command"), blocks(), ids=lambda v: str(v).split("/")[-1])
def test_example_output_is_current(doc: Path, command: str, tmp_path: Path) -> None:
    text = doc.read_text("utf-8")
    match = next(m for m in BLOCK.finditer(text) if m[1] == command)
    actual = output(command, tmp_path)
    if os.environ.get("DECLINE_UPDATE_DOCS"):
        start, end = match.span(2)
        doc.write_text(text[:start] + actual + text[end:], encoding="utf-8")
        return
    assert match[2] == actual, f"{doc.name}: `{command}` prints something else now"
