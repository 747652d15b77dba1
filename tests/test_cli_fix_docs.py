"""docs/review.md shows what `decline review --fix` really prints.

The drafts are in the page itself, each in a ```text block under a `<!-- file: NAME -->`
line; every ```console block with one `$ decline …` line is run for real in a folder
holding those drafts (80 columns, no colour, no settings) and must equal standard
output then standard error. Regenerate after a deliberate change:
DECLINE_UPDATE_DOCS=1 pytest tests/test_cli_fix_docs.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from docs_support import BLOCK, run_decline

DOC = Path(__file__).resolve().parent.parent / "docs" / "review.md"
FILE = re.compile(r"<!-- file: ([\w.-]+) -->\n```text\n(.*?)```", re.S)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    place = tmp_path_factory.mktemp("docs")
    for name, text in FILE.findall(DOC.read_text("utf-8")):
        (place / name).write_text(text, "utf-8")
    return place


def test_the_page_has_drafts_in_both_languages_and_commands() -> None:
    text = DOC.read_text("utf-8")
    names = [name for name, _ in FILE.findall(text)]
    assert any(name.endswith("-en.txt") for name in names)
    assert any(name.endswith("-it.txt") for name in names)
    commands = [command for command, _ in BLOCK.findall(text)]
    assert any("--fix" in command for command in commands)
    assert any("--diff" in command for command in commands)


def test_every_example_is_what_the_command_prints(folder: Path) -> None:
    text = DOC.read_text("utf-8")
    stale = []
    for match in BLOCK.finditer(text):
        produced = run_decline(match[1], folder)
        if produced != match[2]:
            stale.append((match, produced))
    if stale and os.environ.get("DECLINE_UPDATE_DOCS"):
        for match, produced in reversed(stale):
            text = text[: match.start(2)] + produced + text[match.end(2) :]
        DOC.write_text(text, "utf-8")
        return
    assert not stale, f"stale: {[match[1] for match, _ in stale]}"
