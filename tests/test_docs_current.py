"""The command examples in README.md and docs/compare.md are what the commands print today.

Every ```console block whose one command line is `$ decline …` is run for real (in a
folder holding offers.toml, examples/offers.toml and draft.txt from examples/, at 80
columns, without colour) and its text must equal the block: standard output, then
standard error. Commands that depend on the date pass a fixed --date or --today. To
regenerate the blocks after a deliberate change: DECLINE_UPDATE_DOCS=1 pytest this file.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from docs_support import BLOCK, ROOT, check_block, run_decline

DOCS = [ROOT / "README.md", ROOT / "docs" / "compare.md"]


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
    return run_decline(command, folder)


def test_there_are_examples_to_check() -> None:
    commands = [command.split()[1] for _, command in blocks()]
    assert {"init", "compare", "write", "review"} <= set(commands)


@pytest.mark.parametrize(("doc", "command"), blocks(), ids=lambda v: str(v).split("/")[-1])
def test_example_output_is_current(doc: Path, command: str, tmp_path: Path) -> None:
    check_block(doc, command, output(command, tmp_path))
