"""A report is put into words in one place: every face's one-line summary is the same line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import decline
from decline.checker.engine import review
from decline.checker.formats.text import render
from decline.service.reports import summary_line, verdict
from web_support import GRACEFUL

UNGRACEFUL = "Hi,\n\nNo thanks, your offer was a waste of my time.\n\nBye\n"
ITALIAN = (
    "Gentile Dott.ssa Rossi,\n\nLa ringrazio per l'offerta. Purtroppo ho deciso di non "
    "accettare, perché ho accettato un'altra proposta. Spero di restare in contatto.\n\n"
    "Cordiali saluti,\nAlex Rivera\n"
)


@pytest.mark.parametrize(("text", "lang"), [(GRACEFUL, "en"), (UNGRACEFUL, "en"), (ITALIAN, "it")])
def test_the_summary_is_the_text_reports_headline(text: str, lang: str) -> None:
    report = review(text, lang)
    assert render(report).splitlines()[0] == summary_line(report)
    assert summary_line(report).endswith(verdict(report))
    assert f" {report.score} · " in summary_line(report)


def test_the_summary_is_in_the_letters_language() -> None:
    english = summary_line(review(UNGRACEFUL, "en"))
    italian = summary_line(review(ITALIAN, "it"))
    assert english.startswith("English, ")
    assert "not graceful" in english
    assert "not ready to send" in english
    assert not italian.startswith("English")
    assert "graceful" not in italian


def test_write_and_review_print_the_same_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`decline write` prints the review's line; `decline review` of that letter heads with it."""
    db = tmp_path / "decline.db"
    made = decline(
        capsys,
        db,
        "write",
        "--company",
        "Acme",
        "--role",
        "Engineer",
        "--to",
        "Maria Rossi",
        "--name",
        "Alex Rivera",
        "-o",
        str(tmp_path / "letter.txt"),
    )
    assert made.code == 0, made
    said = made.err.splitlines()[-1]
    reviewed = decline(capsys, db, "review", str(tmp_path / "letter.txt"))
    headline = reviewed.out.splitlines()[0]
    assert said.startswith(f"review: {headline}")
