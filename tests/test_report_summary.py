"""A report is put into words in one place: every face's one-line summary is the same line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import decline
from decline.checker.engine import review
from decline.checker.formats.text import render
from decline.service.reports import summary_line, verdict
from web_support import GRACEFUL, client

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


def test_the_http_api_gives_the_clis_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`POST /api/v1/review` answers with the line `decline review` heads its report with."""
    for text in (GRACEFUL, UNGRACEFUL, ITALIAN):
        draft = tmp_path / "draft.txt"
        draft.write_text(text, encoding="utf-8")
        reviewed = decline(capsys, tmp_path / "decline.db", "review", str(draft))
        answer = client(tmp_path / "web.db").post("/api/v1/review", json={"text": text})
        assert answer.status_code == 200, answer.text
        assert answer.json()["summary"] == reviewed.out.splitlines()[0]
