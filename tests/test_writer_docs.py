"""docs/write.md shows what `decline write` prints today, for every channel and register.

Each ```console block of docs/write.md is run for real, the way tests/test_docs_current.py
runs the README's (same folder, environment and columns), and must equal its block:
standard output, then standard error. Regenerate after a deliberate change with
DECLINE_UPDATE_DOCS=1 pytest tests/test_writer_docs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_support import BLOCK, ROOT, check_block
from test_docs_current import output

WRITE = ROOT / "docs" / "write.md"


def commands() -> list[str]:
    return [match[1] for match in BLOCK.finditer(WRITE.read_text("utf-8"))]


def test_every_channel_is_shown_in_both_languages_and_both_italian_registers() -> None:
    shown = set()
    for command in commands():
        words = command.split()
        channel = words[words.index("--channel") + 1] if "--channel" in words else "email"
        lang = words[words.index("--lang") + 1] if "--lang" in words else "en"
        register = "tu" if "tu" in words else ("lei" if lang == "it" else None)
        shown.add((lang, register, channel))
    for channel in ("email", "letter", "linkedin", "phone"):
        for lang, register in (("en", None), ("it", "lei"), ("it", "tu")):
            assert (lang, register, channel) in shown, (lang, register, channel)


@pytest.mark.parametrize("command", commands(), ids=[str(n) for n in range(len(commands()))])
def test_write_example_is_current(command: str, tmp_path: Path) -> None:
    check_block(WRITE, command, output(command, tmp_path))
