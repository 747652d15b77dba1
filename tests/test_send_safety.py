"""Sending safety (P3): never the wrong employer, never twice, never a lost draft.

Each test is a case that went wrong once, replayed against real servers on loopback:
aiosmtpd for the well-behaved ones, small hand-written servers for the ones that misbehave.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import decline, example_offers
from decline.workspace.letters import LetterDraft, save_draft
from decline.workspace.store import Workspace, utc_now
from smtp_support import HOST, free_port, scripted_server, smtp_server

Capture = pytest.CaptureFixture[str]
TODAY = ("--today", "2026-11-20")
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

ITALIAN = """\
Oggetto: La Sua offerta per il ruolo di Senior Data Engineer

Gentile Dott.ssa Rossi,

La ringrazio sinceramente per l'offerta per il ruolo di Senior Data Engineer in Acme \
Analytics e per il tempo che Lei e il Suo team mi avete dedicato durante i colloqui.

Dopo un'attenta riflessione, ho deciso di non accettare l'offerta: ho scelto un'altra \
posizione più vicina al percorso che desidero seguire in questo momento.

Mi dispiace davvero non unirmi a voi: ho apprezzato molto il lavoro del team sugli open \
data per la città di Milano.

Mi farebbe piacere restare in contatto, anche su LinkedIn. Ho grande stima per Acme \
Analytics e sarei felice di sentirvi per future opportunità in linea con i miei obiettivi.

Cordiali saluti,
Alex Rivera
"""

ENGLISH = """\
Subject: Thank you for the Senior Data Engineer offer

Dear Dr. Rossi,

Thank you so much for offering me the Senior Data Engineer position at Acme Analytics, \
and for the time you and the team gave me during the interviews.

After a lot of thought, I have decided not to accept the offer. I have accepted another \
position that is a closer fit for what I am looking for right now.

I really enjoyed our conversations, and I especially appreciated the team's work on open \
data for the city of Milan. I am genuinely sorry not to be joining you.

I would love to stay in touch on LinkedIn. I have great respect for the work Acme \
Analytics is doing, and I would be glad to hear about future roles that match my goals.

Warm regards,
Alex Rivera
"""


@pytest.fixture
def db(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECLINE_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("DECLINE_SMTP_PASSWORD", raising=False)
    path = tmp_path / "decline.db"
    assert decline(capsys, path, "add", str(example_offers())).code == 0
    return path


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "draft_en.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    return path


def _smtp(port: int, *more: str) -> tuple[str, ...]:
    return ("--smtp-host", HOST, "--smtp-port", str(port), "--no-tls", *more, *TODAY)


def _letters(db: Path) -> list[tuple[str, str | None]]:
    connection = sqlite3.connect(db)
    return [tuple(row) for row in connection.execute("SELECT state, body FROM letters ORDER BY id")]


# 1. Wrong employer ---------------------------------------------------------------------


def test_a_decline_never_goes_to_the_employer_you_accepted(
    capsys: Capture, db: Path, english: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "accept").code == 0
    with smtp_server() as server:
        refused = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert refused.code == 1
        assert "you recorded that you accept acme" in refused.err
        assert "`decline decide acme decline`" in refused.err
        assert server.inbox.envelopes == []
        assert _letters(db) == []
        eml = decline(capsys, db, "send", "acme", "--draft", str(english), "--via", "eml")
        assert eml.code == 1
        forced = decline(
            capsys, db, "send", "acme", "--draft", str(english), "--force", *_smtp(server.port)
        )
        assert forced.code == 0, forced.err
        assert "--force: sending although you recorded that you accept acme" in forced.err
    assert len(server.inbox.envelopes) == 1
    status = decline(capsys, db, "status", "--all", *TODAY).out
    acme = status[status.index("[acme]") :].split("\n[", 1)[0]
    assert "declined and sent" not in acme
    assert "you accepted" in acme
    assert "a decline was sent" in acme


def test_a_decline_needs_a_recorded_decision(capsys: Capture, db: Path, english: Path) -> None:
    with smtp_server() as server:
        refused = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert refused.code == 1
        assert "not recorded a decision on acme" in refused.err
        assert "`decline decide acme decline`" in refused.err
        assert decline(capsys, db, "decide", "acme", "decline").code == 0
        sent = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert sent.code == 0, sent.err
    assert len(server.inbox.envelopes) == 1


def test_a_second_accept_is_warned_and_status_shows_no_contradiction(
    capsys: Capture, db: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "accept").code == 0
    second = decline(capsys, db, "decide", "beta", "accept")
    assert second.code == 0
    assert "you also accepted acme (Acme Analytics)" in second.err
    assert "`decline decide acme decline`" in second.err
    status = decline(capsys, db, "status", *TODAY).out
    assert "accepted more than one offer" in status
    assert "congratulations" not in status


# 2. The draft's own language, and one subject splitter ---------------------------------


@pytest.mark.parametrize("lang", [(), ("--lang", "it")])
def test_an_italian_draft_is_judged_exactly_as_review_judges_it(
    capsys: Capture, db: Path, tmp_path: Path, lang: tuple[str, ...]
) -> None:
    draft = tmp_path / "draft_it.txt"
    draft.write_text(ITALIAN, encoding="utf-8")
    reviewed = decline(capsys, db, "review", str(draft))
    assert reviewed.code == 0
    assert "100" in reviewed.out
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    with smtp_server() as server:
        sent = decline(
            capsys, db, "send", "acme", "--draft", str(draft), *lang, *_smtp(server.port)
        )
        assert sent.code == 0, sent.err
        assert "review 100/100" in sent.out
    import email
    import email.policy

    (envelope,) = server.inbox.envelopes
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == "La Sua offerta per il ruolo di Senior Data Engineer"
    assert message.get_content().startswith("Gentile Dott.ssa Rossi,")
    assert message["Content-Language"] == "it"


def test_one_function_splits_the_subject_for_every_face() -> None:
    from decline.send.subject import split_subject
    from decline.web.pages import letters

    assert split_subject("Oggetto: Grazie\n\nGentile Maria") == ("Grazie", "Gentile Maria")
    assert split_subject("SUBJECT : Thanks\r\n\r\nDear Maria") == ("Thanks", "Dear Maria")
    assert split_subject("Dear Maria,\nthanks") == (None, "Dear Maria,\nthanks")
    assert not hasattr(letters, "split_subject")
    assert not hasattr(__import__("decline.workspace.outbox").workspace.outbox, "parse_draft")


# 3. Accepted, then the line dropped at QUIT ---------------------------------------------


def test_a_message_the_server_accepted_is_sent_even_if_quit_fails(
    capsys: Capture, db: Path, english: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    with scripted_server("drop_at_quit") as server:
        sent = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert sent.code == 0, sent.err
        assert "sent to maria.rossi@acme.example" in sent.out
        again = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert again.code == 1
        assert "already declined acme" in again.err
    assert len(server.received) == 1
    assert [state for state, _ in _letters(db)] == ["sent"]


# 4. The final reply never came ----------------------------------------------------------


def test_no_answer_to_the_final_dot_means_it_may_have_gone_out(
    capsys: Capture, db: Path, english: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    args = ("send", "acme", "--draft", str(english))
    with scripted_server("no_answer") as silent:
        unknown = decline(capsys, db, *args, *_smtp(silent.port, "--timeout", "1"))
    assert unknown.code == 5
    assert "may have gone out" in unknown.err
    assert "check your Sent folder" in unknown.err
    assert len(silent.received) == 1
    assert [state for state, _ in _letters(db)] == ["sending"]
    assert "may have gone out" in decline(capsys, db, "status", *TODAY).out
    with smtp_server() as server:
        retry = decline(capsys, db, *args, *_smtp(server.port))
        assert retry.code == 1
        assert "had the whole message but did not answer within 1 s" in retry.err
        assert "--again" in retry.err
        assert server.inbox.envelopes == []
        resent = decline(capsys, db, *args, "--again", *_smtp(server.port))
        assert resent.code == 0, resent.err
    assert len(server.inbox.envelopes) == 1


# 5. Two sends racing --------------------------------------------------------------------


def test_a_live_concurrent_send_is_told_apart_from_an_interrupted_one(
    capsys: Capture, db: Path, english: Path, tmp_path: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    executable = Path(sys.executable).with_name("decline")
    with scripted_server("hold") as server:
        command = [str(executable), "--db", str(db), "send", "acme", "--draft", str(english)]
        first = subprocess.Popen(
            [*command, *_smtp(server.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "DECLINE_CONFIG": str(tmp_path / "no-config.toml")},
        )
        try:
            assert server.dot_seen.wait(20), "the first send never reached the server"
            loser = decline(
                capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port)
            )
            assert loser.code == 1
            assert "another decline process is sending this letter now" in loser.err
            assert "when decline stopped" not in loser.err
        finally:
            server.release.set()
            out, err = first.communicate(timeout=30)
    assert first.returncode == 0, err
    assert "sent to maria.rossi@acme.example" in out
    assert len(server.received) == 1


# 6. A failed send never replaces the saved draft ----------------------------------------


def test_a_failed_send_of_another_text_keeps_the_saved_draft(
    capsys: Capture, db: Path, english: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    saved_body = ENGLISH.split("\n\n", 1)[1].replace("the team's work", "your team's work")
    with Workspace.open(db) as workspace, workspace.transaction() as connection:
        draft = LetterDraft(
            subject="My own subject",
            body=saved_body,
            lang="en",
            recipient_name="Maria Rossi",
            recipient_email="maria.rossi@acme.example",
        )
        save_draft(connection, "acme", draft, utc_now())
    down = decline(
        capsys, db, "send", "acme", "--draft", str(english), *_smtp(free_port(), "--timeout", "1")
    )
    assert down.code == 5
    assert _letters(db) == [("draft", saved_body)]
    error = sqlite3.connect(db).execute("SELECT error FROM letters").fetchone()[0]
    assert "connection refused" in error
    with smtp_server() as server:
        sent = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
        assert sent.code == 0, sent.err
    states = _letters(db)
    assert states[0] == ("draft", saved_body)
    assert states[1][0] == "sent"
    assert states[1][1] != saved_body


# 7. Nothing that can fail before the first byte fails after `sending` -------------------


@pytest.mark.parametrize("timeout", ["nan", "inf", "1e308", "0", "-1"])
def test_an_impossible_timeout_is_bad_input_before_anything_is_recorded(
    capsys: Capture, db: Path, english: Path, timeout: str
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    outcome = decline(
        capsys,
        db,
        "send",
        "acme",
        "--draft",
        str(english),
        *_smtp(free_port(), "--timeout", timeout),
    )
    assert outcome.code == 2
    assert "--timeout" in outcome.err
    assert "internal error" not in outcome.err
    assert _letters(db) == []


def test_a_non_ascii_password_logs_in_with_utf8_plain(
    capsys: Capture, db: Path, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smtp_support

    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    monkeypatch.setattr(smtp_support, "PASSWORD", "pässwörd ✓")
    monkeypatch.setenv("DECLINE_SMTP_PASSWORD", "pässwörd ✓")
    with smtp_server(auth=True) as server:
        sent = decline(
            capsys,
            db,
            "send",
            "acme",
            "--draft",
            str(english),
            "--smtp-user",
            "alex",
            *_smtp(server.port),
        )
        assert sent.code == 0, sent.err
    assert len(server.inbox.envelopes) == 1
    monkeypatch.setenv("DECLINE_SMTP_PASSWORD", "wrông")
    with smtp_server(auth=True) as server:
        refused = decline(
            capsys,
            db,
            "send",
            "acme",
            "--again",
            "--draft",
            str(english),
            "--smtp-user",
            "alex",
            *_smtp(server.port),
        )
    assert refused.code == 5
    assert "refused the login" in refused.err
    assert _letters(db)[-1][0] == "draft"


def test_a_letter_that_may_have_gone_out_is_confirmed_with_sent(
    capsys: Capture, db: Path, english: Path
) -> None:
    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    with scripted_server("no_answer") as silent:
        unknown = decline(
            capsys,
            db,
            "send",
            "acme",
            "--draft",
            str(english),
            *_smtp(silent.port, "--timeout", "1"),
        )
    assert unknown.code == 5
    assert decline(capsys, db, "sent", "acme").code == 0
    assert [state for state, _ in _letters(db)] == ["sent"]
    error = sqlite3.connect(db).execute("SELECT error FROM letters").fetchone()[0]
    assert error is None
    with smtp_server() as server:
        again = decline(capsys, db, "send", "acme", "--draft", str(english), *_smtp(server.port))
    assert again.code == 1
    assert "already declined acme" in again.err
    assert server.inbox.envelopes == []


def test_ctrl_c_before_the_message_left_keeps_a_draft_not_a_maybe(
    capsys: Capture, db: Path, english: Path, tmp_path: Path
) -> None:
    import signal
    import time

    from smtp_support import silent_server

    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    executable = Path(sys.executable).with_name("decline")
    with silent_server() as port:
        command = [str(executable), "--db", str(db), "send", "acme", "--draft", str(english)]
        sending = subprocess.Popen(
            [*command, *_smtp(port, "--timeout", "60")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "DECLINE_CONFIG": str(tmp_path / "no-config.toml")},
        )
        try:
            for _ in range(400):  # wait until `sending` is committed: it is talking now
                if [state for state, _ in _letters(db)] == ["sending"]:
                    break
                time.sleep(0.05)
            assert [state for state, _ in _letters(db)] == ["sending"]
            time.sleep(0.2)
            sending.send_signal(signal.SIGINT)
            sending.communicate(timeout=30)
        finally:
            sending.kill()
    assert sending.returncode == 3
    assert [state for state, _ in _letters(db)] == ["draft"]


def test_an_eml_draft_keeps_its_subject_header(capsys: Capture, db: Path, tmp_path: Path) -> None:
    from email.message import EmailMessage

    assert decline(capsys, db, "decide", "acme", "decline").code == 0
    subject, body = ITALIAN.split("\n\n", 1)
    message = EmailMessage()
    message["Subject"] = subject.removeprefix("Oggetto: ")
    message.set_content(body)
    draft = tmp_path / "draft.eml"
    draft.write_bytes(bytes(message))
    out = tmp_path / "out.eml"
    made = decline(
        capsys, db, "send", "acme", "--draft", str(draft), "--via", "eml", "-o", str(out), *TODAY
    )
    assert made.code == 0, made.err
    assert "review 100/100" in made.out
    assert "Subject: La Sua offerta per il ruolo di Senior Data Engineer" in out.read_text("utf-8")
