"""`decline send` against real servers: state machine, refusals, exit codes, header safety."""

from __future__ import annotations

import email
import email.policy
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from cli_support import decline, example_offers
from smtp_support import HOST, PASSWORD, USER, free_port, silent_server, smtp_server

Capture = pytest.CaptureFixture[str]
TODAY = ("--today", "2026-11-20")
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture
def db(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECLINE_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("DECLINE_SMTP_PASSWORD", raising=False)
    path = tmp_path / "decline.db"
    decline(capsys, path, "add", str(example_offers()))
    decline(capsys, path, "decide", "acme", "decline")
    return path


def _letters(db: Path) -> list[tuple[str, str | None]]:
    connection = sqlite3.connect(db)
    return [tuple(row) for row in connection.execute("SELECT state, via FROM letters ORDER BY id")]


def test_send_over_smtp_records_the_exact_bytes_and_refuses_a_second_send(
    capsys: Capture, db: Path
) -> None:
    with smtp_server() as server:
        args = ("send", "acme", "--smtp-host", HOST, "--smtp-port", str(server.port), "--no-tls")
        sent = decline(capsys, db, *args, *TODAY)
        assert sent.code == 0, sent.err
        assert "sent to maria.rossi@acme.example" in sent.out
        again = decline(capsys, db, *args, *TODAY)
        assert again.code == 1
        assert "already declined acme by e-mail" in again.err
        assert len(server.inbox.envelopes) == 1
        assert decline(capsys, db, *args, "--again", *TODAY).code == 0
    first = server.inbox.envelopes[0]
    parsed = email.message_from_bytes(first.original_content, policy=email.policy.default)
    assert str(parsed["To"]) == "Maria Rossi <maria.rossi@acme.example>"
    assert str(parsed["From"]) == "Alex Rivera <alex.rivera@example.com>"
    assert parsed["Subject"] == "Thank you for the Senior Data Engineer offer"
    assert parsed.get_content().startswith("Dear Maria,")
    row = (
        sqlite3.connect(db)
        .execute("SELECT state, message, recipient_email, ready, sent_at FROM letters ORDER BY id")
        .fetchone()
    )
    assert row[0] == "sent"
    assert row[1] == first.original_content
    assert row[2] == "maria.rossi@acme.example"
    assert row[3] == 1
    assert row[4]
    assert "Connect with Maria Rossi" in decline(capsys, db, "followups").out


def test_starttls_with_auth_uses_the_password_from_the_environment(
    capsys: Capture, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(starttls=True, auth=True) as server:
        assert server.client_context is not None
        monkeypatch.setenv("DECLINE_SMTP_PASSWORD", PASSWORD)
        args = (
            "send",
            "acme",
            "--smtp-host",
            HOST,
            "--smtp-port",
            str(server.port),
            "--starttls",
            "--smtp-user",
            USER,
            *TODAY,
        )
        # The certificate comes from a CA made in this test, which the system does not trust.
        untrusted = decline(capsys, db, *args)
        assert untrusted.code == 5
        assert "TLS" in untrusted.err
        assert _letters(db) == [("draft", "smtp")]
        from decline.workspace import outbox

        original = outbox.deliver
        monkeypatch.setattr(
            outbox,
            "deliver",
            lambda *a, **k: original(*a, **{**k, "context": server.client_context}),
        )
        sent = decline(capsys, db, *args)
        assert sent.code == 0, sent.err
    assert len(server.inbox.envelopes) == 1
    assert PASSWORD not in sent.out + sent.err


@pytest.mark.parametrize(
    ("failure", "expected"),
    [("down", "connection refused"), ("auth", "refused the login"), ("slow", "within 1 s")],
)
def test_failures_exit_5_and_keep_an_unsent_draft(
    capsys: Capture, db: Path, monkeypatch: pytest.MonkeyPatch, failure: str, expected: str
) -> None:
    monkeypatch.setenv("DECLINE_SMTP_PASSWORD", "wrong")
    common = ("send", "acme", "--smtp-host", HOST, "--no-tls", "--timeout", "1", *TODAY)
    if failure == "down":
        outcome = decline(capsys, db, *common, "--smtp-port", str(free_port()))
    elif failure == "auth":
        with smtp_server(auth=True) as server:
            outcome = decline(
                capsys, db, *common, "--smtp-port", str(server.port), "--smtp-user", USER
            )
    else:
        with silent_server() as port:
            outcome = decline(capsys, db, *common, "--smtp-port", str(port))
    assert outcome.code == 5
    assert expected in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert _letters(db) == [("draft", "smtp")]
    assert "have not told them" in decline(capsys, db, "status", *TODAY).out


def test_a_rejected_recipient_exits_5(capsys: Capture, db: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute("UPDATE contacts SET email = 'maria@reject.example' WHERE offer_id = 'acme'")
    connection.commit()
    with smtp_server() as server:
        outcome = decline(
            capsys,
            db,
            "send",
            "acme",
            "--smtp-host",
            HOST,
            "--smtp-port",
            str(server.port),
            "--no-tls",
            *TODAY,
        )
    assert outcome.code == 5
    assert "refused the recipient maria@reject.example" in outcome.err
    assert server.inbox.envelopes == []


def test_an_interrupted_send_is_never_repeated_silently(capsys: Capture, db: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute(
        "INSERT INTO letters (offer_id, state, via, body, created_at, updated_at, sending_at) "
        "VALUES ('acme', 'sending', 'smtp', 'Dear Maria', 't', 't', '2026-11-20T10:00:00+00:00')"
    )
    connection.commit()
    with smtp_server() as server:
        outcome = decline(
            capsys,
            db,
            "send",
            "acme",
            "--smtp-host",
            HOST,
            "--smtp-port",
            str(server.port),
            "--no-tls",
            *TODAY,
        )
    assert outcome.code == 1
    assert "may have gone out: check your Sent folder" in outcome.err
    assert server.inbox.envelopes == []
    assert "sending your decline was interrupted" in decline(capsys, db, "status", *TODAY).out


def test_a_draft_that_is_not_ready_is_refused_unless_forced(
    capsys: Capture, db: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: offer\n\nHi [Name], I won't take the job.\nAlex\n")
    out = tmp_path / "acme.eml"
    refused = decline(
        capsys, db, "send", "acme", "--draft", str(draft), "--via", "eml", "-o", str(out), *TODAY
    )
    assert refused.code == 1
    assert "not ready" in refused.err
    assert " error: " in refused.err
    assert not out.exists()
    assert _letters(db) == []
    forced = decline(
        capsys,
        db,
        "send",
        "acme",
        "--draft",
        str(draft),
        "--via",
        "eml",
        "-o",
        str(out),
        "--force",
        *TODAY,
    )
    assert forced.code == 0
    assert out.exists()


def test_eml_and_mailto_are_prepared_until_confirmed(
    capsys: Capture, db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "acme.eml"
    made = decline(capsys, db, "send", "acme", "--via", "eml", "-o", str(out), *TODAY)
    assert made.code == 0
    parsed = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert parsed["To"].addresses[0].addr_spec == "maria.rossi@acme.example"
    assert _letters(db) == [("prepared", "eml")]
    assert "not confirmed sent" in decline(capsys, db, "status", *TODAY).out
    link = decline(capsys, db, "send", "acme", "--via", "mailto", *TODAY).out.strip()
    parts = urlsplit(link)
    assert (parts.scheme, parts.path) == ("mailto", "maria.rossi@acme.example")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thank you for the Senior Data Engineer offer"]
    assert query["body"][0].startswith("Dear Maria,\r\n")
    assert decline(capsys, db, "sent", "acme").code == 0
    assert _letters(db)[-1] == ("sent", "mailto")


def test_dry_run_sends_and_records_nothing(capsys: Capture, db: Path) -> None:
    outcome = decline(capsys, db, "send", "acme", "--dry-run", *TODAY)
    assert outcome.code == 0
    assert "Subject: Thank you for the Senior Data Engineer offer" in outcome.out
    assert "nothing sent" in outcome.err
    assert _letters(db) == []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("email", "maria@acme.example\r\nBcc: everyone@example.com"),
        ("email", "not an address"),
        ("name", "Maria Rossi\r\nBcc: everyone@example.com"),
    ],
)
def test_header_injection_in_the_recipient_is_refused(
    capsys: Capture, db: Path, column: str, value: str
) -> None:
    connection = sqlite3.connect(db)
    connection.execute(
        f"UPDATE contacts SET {column} = ? WHERE offer_id = 'acme' AND role = 'hiring_manager'",
        (value,),
    )
    connection.commit()
    with smtp_server() as server:
        outcome = decline(
            capsys,
            db,
            "send",
            "acme",
            "--smtp-host",
            HOST,
            "--smtp-port",
            str(server.port),
            "--no-tls",
            *TODAY,
        )
    assert outcome.code == 2, outcome.err
    assert server.inbox.envelopes == []
    assert _letters(db) == []


def test_header_injection_in_the_subject_is_refused(
    capsys: Capture, db: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    composed = decline(capsys, db, "send", "acme", "--dry-run", *TODAY).out
    body = composed.split("\n\n", 1)[1]
    draft.write_text("Subject: Thanks\rBcc: everyone@example.com\n\n" + body)
    outcome = decline(
        capsys,
        db,
        "send",
        "acme",
        "--draft",
        str(draft),
        "--via",
        "eml",
        "-o",
        str(tmp_path / "x.eml"),
        "--force",
        *TODAY,
    )
    assert outcome.code == 2
    assert not (tmp_path / "x.eml").exists()
