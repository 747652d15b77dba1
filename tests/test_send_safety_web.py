"""Sending safety through the web Send page: the same core rules as `decline send`."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cli_support import decline
from smtp_support import HOST, scripted_server, smtp_server
from web_support import GRACEFUL, seeded

Capture = pytest.CaptureFixture[str]


def _ready(tmp_path: Path, *, decision: str | None = "decline") -> tuple[TestClient, str]:
    browser = seeded(tmp_path)
    browser.get("/offers")
    csrf = str(browser.cookies.get("decline_csrf"))
    if decision is not None:
        answer = browser.post("/api/v1/offers/acme/decision", json={"decision": decision})
        assert answer.status_code == 200, answer.text
    saved = browser.post(
        "/api/v1/offers/acme/letters",
        json={
            "subject": "Thank you for the offer",
            "body": GRACEFUL,
            "lang": "en",
            "to_email": "maria.rossi@acme.example",
        },
    )
    assert saved.status_code == 200, saved.text
    return browser, csrf


def _smtp_form(csrf: str, port: int, **more: str) -> dict[str, str]:
    return {
        "via": "smtp",
        "host": HOST,
        "port": str(port),
        "security": "none",
        "csrf": csrf,
        **more,
    }


def test_the_web_refuses_a_decline_to_an_accepted_offer(tmp_path: Path) -> None:
    browser, csrf = _ready(tmp_path, decision="accept")
    with smtp_server() as server:
        refused = browser.post("/send/acme", data=_smtp_form(csrf, server.port))
        eml = browser.post("/send/acme", data={"via": "eml", "csrf": csrf})
    assert refused.status_code == 409
    assert "you recorded that you accept acme" in refused.text
    assert eml.status_code == 409
    assert server.inbox.envelopes == []


def test_the_web_never_sends_twice_when_quit_fails(tmp_path: Path) -> None:
    browser, csrf = _ready(tmp_path)
    with scripted_server("drop_at_quit") as server:
        sent = browser.post("/send/acme", data=_smtp_form(csrf, server.port))
        assert sent.status_code == 200, sent.text
        assert "Sent to maria.rossi@acme.example" in sent.text
        again = browser.post("/send/acme", data=_smtp_form(csrf, server.port))
        assert again.status_code == 409
        assert "already declined acme" in again.text
    assert len(server.received) == 1


def test_the_send_page_shows_a_letter_that_may_have_gone_out(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECLINE_CONFIG", str(tmp_path / "no-config.toml"))
    browser, csrf = _ready(tmp_path)
    db = tmp_path / "decline.db"
    with scripted_server("no_answer") as silent:
        args = ("--smtp-host", HOST, "--smtp-port", str(silent.port), "--no-tls", "--timeout", "1")
        unknown = decline(capsys, db, "send", "acme", *args)
    assert unknown.code == 5, unknown.err
    page = browser.get("/send/acme")
    assert page.status_code == 200
    assert "No saved letter" not in page.text
    assert 'id="maybe-sent"' in page.text
    assert "may have gone out" in page.text
    assert "Thank you so much for offering me" in page.text
    assert 'name="again"' in page.text
    with smtp_server() as server:
        refused = browser.post("/send/acme", data=_smtp_form(csrf, server.port))
        assert refused.status_code == 409
        assert "may have gone out" in refused.text
        resent = browser.post("/send/acme", data=_smtp_form(csrf, server.port, again="1"))
        assert resent.status_code == 200, resent.text
    assert len(server.inbox.envelopes) == 1
