"""The whole journey through the pages, as a browser without JavaScript would take it."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from web_support import EXAMPLE, client


def _csrf(browser: TestClient) -> str:
    browser.get("/offers")
    token = browser.cookies.get("decline_csrf")
    assert token
    return str(token)


def _offer(**values: str) -> dict[str, str]:
    fields = {"company": "Beta Robotics", "role": "Data Platform Engineer", "currency": "EUR"}
    return {**fields, **values}


def test_two_offers_to_a_sent_decline_and_a_calendar(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    csrf = _csrf(browser)
    # no candidate yet: the offer form says who must come first
    early = browser.post("/offers/save", data={**_offer(id="beta"), "csrf": csrf})
    assert early.status_code == 422
    assert "your name first" in early.text
    you = {"name": "Alex Rivera", "email": "alex@example.com", "lang": "en", "csrf": csrf}
    assert browser.post("/offers/you", data=you, follow_redirects=False).status_code == 303
    first = _offer(
        id="acme",
        company="Acme Analytics",
        role="Senior Data Engineer",
        base_salary="62000",
        deadline="2026-12-20",
        rating_culture="4",
        contact_name="Maria Rossi",
        contact_email="maria.rossi@acme.example",
        contact_role="hiring_manager",
        csrf=csrf,
    )
    assert browser.post("/offers/save", data=first, follow_redirects=False).status_code == 303
    second = _offer(id="beta", base_salary="70000", rating_culture="3", csrf=csrf)
    assert browser.post("/offers/save", data=second, follow_redirects=False).status_code == 303
    listing = browser.get("/offers").text
    assert "Acme Analytics" in listing
    assert "Beta Robotics" in listing

    compared = browser.get("/compare")
    assert compared.status_code == 200
    assert "Beta Robotics" in compared.text
    assert "/compare/chart.svg" in compared.text
    assert browser.get("/compare/chart.svg").headers["content-type"] == "image/svg+xml"
    reranked = browser.get("/compare", params={"w.culture": "10", "w.compensation": "0"})
    assert re.search(r"Acme Analytics[^<]*</", reranked.text)

    decided = browser.post(
        "/offers/acme/decide",
        data={"decision": "decline", "next": "/write?offer=acme", "csrf": csrf},
        follow_redirects=False,
    )
    assert decided.headers["location"] == "/write?offer=acme"
    written = browser.get("/write", params={"offer": "acme", "tone": "warm"})
    assert written.status_code == 200
    text = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', written.text, re.S)
    assert text is not None
    letter = text.group(1).replace("&#39;", "'").replace("&amp;", "&")
    assert "Maria" in letter
    paragraphs = letter.split("\n\n")
    paragraphs.insert(3, "Frankly, your management is a disorganised mess.")
    checked = browser.post(
        "/write",
        data={
            "offer": "acme",
            "text": "\n\n".join(paragraphs),
            "letter_lang": "en",
            "action": "check",
            "csrf": csrf,
        },
    )
    assert '<mark class="sev-' in checked.text
    saved = browser.post(
        "/write",
        data={"offer": "acme", "text": letter, "letter_lang": "en", "action": "save", "csrf": csrf},
        follow_redirects=False,
    )
    assert saved.headers["location"] == "/send/acme"
    assert "ready to send" in browser.get("/send/acme").text

    eml = browser.post("/send/acme", data={"via": "eml", "csrf": csrf})
    assert eml.headers["content-type"].startswith("message/rfc822")
    message = message_from_bytes(eml.content, policy=policy.default)
    assert message["To"] == "Maria Rossi <maria.rossi@acme.example>"
    mailto = browser.post("/send/acme", data={"via": "mailto", "csrf": csrf})
    assert 'href="mailto:maria.rossi@acme.example?' in mailto.text
    confirmed = browser.post("/send/acme/sent", data={"csrf": csrf}, follow_redirects=False)
    assert confirmed.headers["location"] == "/status"
    status = browser.get("/status").text
    assert "Check in with Maria Rossi" in status
    number = re.search(r'action="/followups/(\d+)"', status)
    assert number is not None
    snoozed = browser.post(
        f"/followups/{number.group(1)}",
        data={"action": "snooze", "days": "3", "csrf": csrf},
        follow_redirects=False,
    )
    assert snoozed.status_code == 303
    done = browser.post(
        f"/followups/{number.group(1)}",
        data={"action": "done", "csrf": csrf},
        follow_redirects=False,
    )
    assert done.status_code == 303
    calendar = browser.get("/calendar.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in calendar.content
    again = browser.post("/send/acme", data={"via": "mailto", "csrf": csrf})
    assert again.status_code == 409  # already declined: never twice by accident


def test_the_offer_form_shows_each_problem_beside_its_field(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    csrf = _csrf(browser)
    browser.post("/offers/you", data={"name": "Alex", "csrf": csrf})
    bad = _offer(id="Bad Id", base_salary="lots", rating_growth="9", deadline="2026-13-01")
    answer = browser.post("/offers/save", data={**bad, "csrf": csrf})
    assert answer.status_code == 422
    for field in ("base_salary", "rating_growth", "deadline", "id"):
        assert f'id="e-{field}"' in answer.text, field
    assert 'value="lots"' in answer.text  # what the user typed stays


def test_import_and_export_an_offer_file(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    csrf = _csrf(browser)
    upload = {"file": ("offers.toml", EXAMPLE.read_bytes(), "application/toml")}
    imported = browser.post(
        "/offers/import", data={"csrf": csrf}, files=upload, follow_redirects=False
    )
    assert imported.status_code == 303
    exported = browser.get("/offers/export.toml")
    assert 'id = "gamma"' in exported.text
    broken = browser.post("/offers/import", data={"csrf": csrf, "text": "[[offer]]\nid = 3\n"})
    assert broken.status_code == 422
    assert "offers.toml:" in broken.text


def test_review_page_and_italian_interface(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    italian = browser.get("/review", headers={"accept-language": "it-IT,it;q=0.9,en;q=0.5"})
    assert '<html lang="it">' in italian.text
    assert "Rivedi una bozza" in italian.text
    switched = browser.get("/review?ui=en", headers={"accept-language": "it"})
    assert '<html lang="en">' in switched.text
    assert browser.get("/review", headers={"accept-language": "it"}).text.count('lang="en"') >= 1
    csrf = _csrf(browser)
    text = (
        "Gentile Dott.ssa Caruso,\n\nLa ringrazio per l'offerta. "
        "Ho deciso di non accettare.\n\nLuca"
    )
    page = browser.post("/review", data={"text": text, "letter_lang": "auto", "csrf": csrf})
    assert "P6" in page.text
    assert 'class="todo"' in page.text


def test_pages_answer_errors_as_pages(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    missing = browser.get("/offers/nope/edit")
    assert missing.status_code == 404  # an unknown id is not found, not bad input
    assert "text/html" in missing.headers["content-type"]
    assert browser.get("/no-such-page").status_code == 404


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_send_by_smtp_uses_the_password_once_and_never_stores_it(tmp_path: Path) -> None:
    from smtp_support import PASSWORD, USER, free_port, smtp_server
    from web_support import seeded

    browser = seeded(tmp_path)
    csrf = _csrf(browser)
    browser.post("/api/v1/offers/acme/decision", json={"decision": "decline"})
    letter = browser.post("/api/v1/write", json={"offer": "acme"}).json()["letter"]
    browser.post(
        "/api/v1/offers/acme/letters",
        json={
            "subject": letter["subject"],
            "body": letter["body"],
            "lang": "en",
            "to_email": "maria.rossi@acme.example",
        },
    )
    form = {"via": "smtp", "host": "127.0.0.1", "security": "none", "user": USER, "csrf": csrf}
    closed = str(free_port())  # nobody listens: connection refused
    failed = browser.post("/send/acme", data={**form, "port": closed, "password": PASSWORD})
    assert failed.status_code == 409
    assert "Not sent" in failed.text
    with smtp_server(auth=True) as server:
        sent = browser.post(
            "/send/acme", data={**form, "port": str(server.port), "password": PASSWORD}
        )
        assert sent.status_code == 200, sent.text
        assert "Sent to maria.rossi@acme.example" in sent.text
        assert len(server.inbox.envelopes) == 1
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("decline.db*"))
    assert PASSWORD.encode() not in stored


def test_editing_an_offer_keeps_what_the_form_does_not_show(tmp_path: Path) -> None:
    from web_support import seeded

    browser = seeded(tmp_path)
    csrf = _csrf(browser)
    toml = EXAMPLE.read_text("utf-8").replace(
        "ratings = { culture = 4, growth = 3 }",
        "ratings = { culture = 4, growth = 3, mission = 5 }",
    )
    toml = toml.replace(
        "equity = { value = 20000, vesting_years = 4, cliff_months = 12 }",
        "equity = { value = 20000, schedule = [10, 20, 30, 40] }",
    )
    assert browser.post("/api/v1/offers", json={"toml": toml, "replace": True}).status_code == 200
    form = browser.get("/offers/acme/edit").text
    values = dict(re.findall(r'name="([a-z_]+)" type="[a-z]+" value="([^"]*)"', form))
    values["base_salary"] = "64000"
    saved = browser.post(
        "/offers/save", data={**values, "editing": "acme", "csrf": csrf}, follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    offer = browser.get("/api/v1/offers/acme").json()["offer"]
    assert offer["base_salary"] == 64000
    assert offer["ratings"]["mission"] == 5
    assert offer["equity"]["schedule"] == [10, 20, 30, 40]
