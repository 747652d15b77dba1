"""The workspace commands end to end: add, decide, status, sent, followups, calendar, export."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from cli_support import decline, example_offers
from decline.cli.main import run

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "decline.db"


def test_add_is_idempotent_and_updates_by_id(capsys: Capture, db: Path, tmp_path: Path) -> None:
    first = decline(capsys, db, "add", str(example_offers()))
    assert first.code == 0
    assert "3 added (acme, beta, gamma)" in first.out
    again = decline(capsys, db, "add", str(example_offers()))
    assert "3 unchanged" in again.out
    changed = tmp_path / "offers.toml"
    text = example_offers().read_text(encoding="utf-8")
    changed.write_text(text.replace("base_salary = 62000", "base_salary = 64000"), "utf-8")
    # a stored offer with other terms is replaced only when asked for (no terminal: --yes)
    refused = decline(capsys, db, "add", str(changed))
    assert refused.code == 2
    assert "would replace 1 stored offer(s) with different terms: acme" in refused.err
    assert "--yes" in refused.err
    assert "unchanged" in decline(capsys, db, "add", str(example_offers())).out  # kept as was
    decline(capsys, db, "decide", "acme", "decline")
    replaced = decline(capsys, db, "add", "--yes", str(changed))
    assert "1 updated (acme); 2 unchanged" in replaced.out
    assert "acme was replaced and keeps its recorded decision (decline)" in replaced.err


def test_a_bad_offer_file_is_exit_2(capsys: Capture, db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[candidate]\nname = 'A'\n[[offer]]\nid = 'x'\ncompany = 'C'\nrol = 'R'\n")
    outcome = decline(capsys, db, "add", str(bad))
    assert outcome.code == 2
    assert "Traceback" not in outcome.err


def test_status_says_what_to_do_next_most_urgent_first(capsys: Capture, db: Path) -> None:
    decline(capsys, db, "add", str(example_offers()))
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    text = decline(capsys, db, "status", "--today", "2026-11-30")
    assert text.code == 0
    first = text.out.splitlines()[0]
    assert first.startswith("LATE Acme Analytics")
    assert "have not told them; the deadline passed 3 days ago" in text.out
    assert "send today: `decline send acme`" in text.out
    data = json.loads(
        decline(capsys, db, "status", "--format", "json", "--today", "2026-11-24").out
    )
    assert data["schema"] == 1
    acme = data["offers"][0]
    assert (acme["id"], acme["days_since_received"], acme["days_to_deadline"]) == ("acme", 6, 3)
    assert acme["late"] is False


def test_decide_rejects_unknown_offers_and_decisions(capsys: Capture, db: Path) -> None:
    decline(capsys, db, "add", str(example_offers()))
    unknown = decline(capsys, db, "decide", "nope", "decline")
    assert unknown.code == 2
    assert "no offer 'nope'" in unknown.err
    assert decline(capsys, db, "decide", "acme", "maybe").code == 2


def test_sent_starts_follow_ups_and_the_calendar_has_them(
    capsys: Capture, db: Path, tmp_path: Path
) -> None:
    decline(capsys, db, "add", str(example_offers()))
    decline(capsys, db, "decide", "acme", "decline")
    sent = decline(capsys, db, "sent", "acme")
    assert "3 follow-ups planned" in sent.out
    assert decline(capsys, db, "sent", "acme").code == 2  # already recorded
    listing = decline(capsys, db, "followups").out
    assert "#1 " in listing
    assert "Connect with Maria Rossi on LinkedIn" in listing
    assert decline(capsys, db, "followups", "--snooze", "1", "5").code == 0
    assert decline(capsys, db, "followups", "--done", "2").code == 0
    assert decline(capsys, db, "followups", "--done", "99").code == 2
    ics = tmp_path / "decline.ics"
    assert decline(capsys, db, "calendar", "-o", str(ics)).code == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    uids = sorted(str(event["uid"]) for event in calendar.walk("VEVENT"))
    assert "followup-acme-linkedin@decline.invalid" in uids
    assert "followup-acme-checkin_3m@decline.invalid" not in uids  # done
    assert "deadline-acme@decline.invalid" not in uids  # answered
    assert "deadline-beta@decline.invalid" in uids


@pytest.mark.parametrize("export_format", ["json", "toml"])
def test_export_and_import_round_trip(
    capsys: Capture, db: Path, tmp_path: Path, export_format: str
) -> None:
    decline(capsys, db, "add", str(example_offers()))
    decline(capsys, db, "decide", "acme", "decline")
    decline(capsys, db, "sent", "acme")
    target = tmp_path / f"export.{export_format}"
    assert decline(capsys, db, "export", "--format", export_format, "-o", str(target)).code == 0
    other = tmp_path / "other.db"
    restored = decline(capsys, other, "import", str(target))
    assert restored.code == 0
    assert "restored 3 offers" in restored.out
    again = tmp_path / f"again.{export_format}"
    decline(capsys, other, "export", "--format", export_format, "-o", str(again))
    assert again.read_text() == target.read_text()
    refused = decline(capsys, other, "import", str(target))
    assert refused.code == 2
    assert "--yes" in refused.err


def test_csv_export_writes_a_folder(capsys: Capture, db: Path, tmp_path: Path) -> None:
    decline(capsys, db, "add", str(example_offers()))
    assert decline(capsys, db, "export", "--format", "csv", "-o", str(tmp_path / "out")).code == 0
    assert (tmp_path / "out" / "offers.csv").read_text().count("\n") == 4


def test_forget_needs_yes_then_removes_everything(capsys: Capture, db: Path) -> None:
    decline(capsys, db, "add", str(example_offers()))
    decline(capsys, db, "decide", "acme", "decline")
    refused = decline(capsys, db, "forget", "acme")
    assert refused.code == 2
    gone = decline(capsys, db, "forget", "acme", "--yes")
    assert gone.code == 0
    assert "forgot Acme Analytics (acme) and 3 contacts, 1 decision" in gone.out
    connection = sqlite3.connect(db)
    assert (
        connection.execute("SELECT count(*) FROM contacts WHERE offer_id = 'acme'").fetchone()[0]
        == 0
    )
    assert [r[0] for r in connection.execute("SELECT id FROM offers ORDER BY id")] == [
        "beta",
        "gamma",
    ]


def test_a_newer_workspace_is_exit_2_with_one_line(capsys: Capture, db: Path) -> None:
    decline(capsys, db, "status")
    connection = sqlite3.connect(db)
    connection.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('0099_x', 't')")
    connection.commit()
    outcome = decline(capsys, db, "status")
    assert outcome.code == 2
    assert len(outcome.err.strip().splitlines()) == 1
    assert "newer version of decline" in outcome.err


def test_an_explicit_path_in_no_folder_is_exit_2_and_creates_nothing(
    capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "nonexistent" / "dir" / "x.db"
    outcome = decline(capsys, typo, "status")
    assert outcome.code == 2
    assert "no such folder" in outcome.err
    assert "create it or fix the path" in outcome.err
    assert "No offers yet" not in outcome.out
    monkeypatch.setenv("DECLINE_DB", str(typo))
    with pytest.raises(SystemExit) as done:
        run(["add", str(example_offers())])
    assert done.value.code == 2
    assert not (tmp_path / "nonexistent").exists()


DECLINE = Path(sys.executable).with_name("decline")


def answer_in_a_terminal(args: list[str], answer: bytes | None) -> tuple[int, str]:
    """Run `decline ARGS` on a pseudo-terminal, answer its question (None: Ctrl-C)."""
    main, terminal = os.openpty()
    process = subprocess.Popen(
        [str(DECLINE), *args], stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True
    )
    os.close(terminal)
    seen = b""
    try:
        while b"[y/N]" not in seen:
            ready, _, _ = select.select([main], [], [], 30)
            assert ready, f"no question asked; saw {seen!r}"
            seen += os.read(main, 4096)
        for _ in range(100):
            # Answer again while the process runs: a terminal set up after the prompt was
            # shown may discard what was typed before (the echo shows it all the same).
            if answer is None:
                process.send_signal(signal.SIGINT)
            else:
                os.write(main, answer)
            try:
                process.wait(timeout=0.3)
                break
            except subprocess.TimeoutExpired:
                seen += _drain(main)
        seen += _drain(main)
        code = process.wait(timeout=30)
    finally:
        os.close(main)
        if process.poll() is None:
            process.kill()
    return code, seen.decode("utf-8", "replace")


def _drain(main: int) -> bytes:
    """Return what the terminal has to show now, without waiting for more."""
    got = b""
    while select.select([main], [], [], 0)[0]:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        got += chunk
    return got


@pytest.mark.parametrize(
    "args",
    [["forget", "acme"], ["import", "EXPORT"]],
    ids=["forget", "import"],
)
def test_answering_no_changes_nothing_and_is_exit_1_while_ctrl_c_is_exit_3(
    capsys: Capture, db: Path, tmp_path: Path, args: list[str]
) -> None:
    decline(capsys, db, "add", str(example_offers()))
    decline(capsys, db, "decide", "acme", "decline")
    export = tmp_path / "export.json"
    decline(capsys, db, "export", "-o", str(export))
    decline(capsys, db, "forget", "gamma", "--yes")
    args = [str(export) if arg == "EXPORT" else arg for arg in args]
    before = db.read_bytes()
    code, seen = answer_in_a_terminal(["--db", str(db), *args], b"n\n")
    assert code == 1, seen
    assert "Nothing changed" in seen
    assert "interrupted" not in seen
    assert db.read_bytes() == before
    code, seen = answer_in_a_terminal(["--db", str(db), *args], None)
    assert code == 3, seen
    assert "interrupted" in seen
    assert db.read_bytes() == before
    code, seen = answer_in_a_terminal(["--db", str(db), *args], b"y\n")
    assert code == 0, seen
    offers = sqlite3.connect(db).execute("SELECT id FROM offers ORDER BY id").fetchall()
    assert [row[0] for row in offers] == (
        ["beta"] if args[0] == "forget" else ["acme", "beta", "gamma"]
    )
