"""The dev set measures the checker: none of its wording may be copied into the project.

A phrase lifted from a measured letter into a lexicon or an example makes the measurement
flatter than the truth. This fails when any run of eight words of a dev-set letter appears
in a file under src/ or tests/ (skipped when the dev set is not beside the checkout).
A run that the team's own corpora (benchmarks/corpus/*.jsonl) also use is common wording,
not a copy: "I am sorry to say that I have" belongs to no one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CANDIDATES = (
    ROOT.parent / "shared" / "eval" / "dev" / "letters.jsonl",
    Path("/work/shared/eval/dev/letters.jsonl"),
)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [word.lower().replace("’", "'") for word in _WORD.findall(text)]
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _dev_runs() -> set[tuple[str, ...]]:
    for path in _CANDIDATES:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            letters = [json.loads(line)["text"] for line in lines if line.strip()]
            return set().union(*(_runs(text) for text in letters)) - _corpus_runs()
    pytest.skip("the dev set (../shared/eval/dev/letters.jsonl) is not here")


def _corpus_runs() -> set[tuple[str, ...]]:
    """Return the runs of the team's own letters (the top folder only: the frozen and
    still-collected corpora in its subfolders are never read)."""
    found: set[tuple[str, ...]] = set()
    for path in sorted((ROOT / "benchmarks" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found |= _runs(json.loads(line)["text"])
    return found


def _project_files() -> list[Path]:
    suffixes = {".py", ".toml", ".json", ".jsonl", ".md", ".txt", ".eml", ".html", ".js"}
    return [
        path
        for folder in (ROOT / "src", ROOT / "tests")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in suffixes and "__pycache__" not in path.parts
    ]


def test_runs_are_found_across_lines_and_punctuation() -> None:
    text = "One two, three\nfour five six seven eight nine"
    assert ("one", "two", "three", "four", "five", "six", "seven", "eight") in _runs(text)


def test_no_eight_word_run_of_the_dev_set_is_in_the_project() -> None:
    dev = _dev_runs()
    copied = []
    for path in _project_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        shared = _runs(text) & dev
        if shared:
            copied.append(f"{path.relative_to(ROOT)}: {' '.join(sorted(shared)[0])!r}")
    assert not copied, "dev-set wording copied into the project:\n" + "\n".join(copied)
