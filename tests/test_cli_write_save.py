"""`decline write --save` stores the letter as the offer's draft in a real SQLite workspace."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "offers.toml"
Run = Callable[..., CompletedProcess[str]]


def test_save_stores_the_draft_and_send_uses_it(decline_cli: Run, tmp_path: Path) -> None:
    written = decline_cli("write", str(EXAMPLE), "--offer", "acme", "--tone", "brief", "--save")
    assert written.returncode == 0, written.stderr
    assert "saved as the draft for acme" in written.stderr
    with sqlite3.connect(tmp_path / "decline.db") as connection:
        rows = connection.execute(
            "SELECT state, body, tone FROM letters WHERE offer_id = 'acme'"
        ).fetchall()
    assert len(rows) == 1
    state, body, tone = rows[0]
    assert (state, tone) == ("draft", "brief")
    assert body.strip() in written.stdout  # stdout adds the subject line above the body
    again = decline_cli("write", str(EXAMPLE), "--offer", "acme", "--tone", "warm", "--save")
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(tmp_path / "decline.db") as connection:
        tones = connection.execute("SELECT tone FROM letters WHERE offer_id = 'acme'").fetchall()
    assert tones == [("warm",)]  # the draft is replaced, not duplicated
    eml = tmp_path / "acme.eml"
    assert decline_cli("decide", "acme", "decline").returncode == 0  # a decline needs one
    sent = decline_cli("send", "acme", "--via", "eml", "-o", str(eml))
    assert sent.returncode == 0, sent.stderr
    assert "Warm regards" in eml.read_text(encoding="utf-8")


def test_save_needs_an_offer_file(decline_cli: Run) -> None:
    result = decline_cli("write", "--company", "Acme", "--role", "R", "--name", "Al", "--save")
    assert result.returncode == 2
    assert "--save needs an offer file" in result.stderr
