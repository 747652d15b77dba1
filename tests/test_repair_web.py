"""`POST /api/v1/fix`: the same repair as `decline review --fix`, as JSON."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from tests.web_support import assert_error_shape, client, seeded

DRAFT = (
    "Dear Hiring Manager,\n\nI have decided not to accept the offer for the analyst role. "
    "I took a position closer to home.\n\nPat Lee\n"
)


def test_fix_answers_the_repair(tmp_path: Path) -> None:
    answer = client(tmp_path / "w.db").post("/api/v1/fix", json={"text": DRAFT})
    assert answer.status_code == 200
    body = answer.json()
    assert body["ok"] is True
    assert body["text"].startswith("Dear Hiring Manager,\n\nThank you for the offer")
    assert body["ready"] is False
    assert body["needs"] == ["the name of the person to write to (--to NAME)"]
    assert body["report"]["schema"] == 1
    rebuilt = DRAFT
    for change in reversed(body["changes"]):
        start = change["offset"]
        rebuilt = rebuilt[:start] + change["replacement"] + rebuilt[start + change["length"] :]
    assert rebuilt == body["text"]


def test_fix_takes_facts_from_the_request_or_a_stored_offer(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    named = api.post("/api/v1/fix", json={"text": DRAFT, "to": "Ann Lo", "lang": "en"}).json()
    assert named["text"].startswith("Dear Ann,\n\n")
    assert named["ready"] is True
    stored = api.post("/api/v1/fix", json={"text": DRAFT, "offer": "acme"}).json()
    assert stored["text"].startswith("Dear Maria,\n\n")
    missing = api.post("/api/v1/fix", json={"text": DRAFT, "offer": "nope"})
    assert_error_shape(missing, 404)


def test_decided_must_be_a_boolean_and_says_the_no_only_when_true(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    undecided = "Hi Sam,\n\nThanks so much for the offer.\n\nBest,\nKit\n"
    body = api.post("/api/v1/fix", json={"text": undecided}).json()
    assert "decided" not in body["text"]
    decided = api.post("/api/v1/fix", json={"text": undecided, "decided": True}).json()
    assert "decided" in decided["text"]
    assert decided["ready"] is True
    assert_error_shape(api.post("/api/v1/fix", json={"text": undecided, "decided": "yes"}), 422)


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": 3}, {"text": "   "}, {"text": DRAFT, "to": " "}, {"text": DRAFT, "lang": "xx"}],
)
def test_bad_input_is_the_one_error_shape(tmp_path: Path, payload: dict[str, object]) -> None:
    answer = client(tmp_path / "w.db").post("/api/v1/fix", json=payload)
    assert_error_shape(answer, 422)


def test_openapi_describes_fix(tmp_path: Path) -> None:
    document = client(tmp_path / "w.db").get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/fix"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["text"]
    assert {"text", "to", "name", "company", "role", "decided", "offer"} <= set(
        schema["properties"]
    )


def _csrf(browser: object) -> str:
    browser.get("/review")  # type: ignore[attr-defined]
    token = browser.cookies.get("decline_csrf")  # type: ignore[attr-defined]
    assert token
    return str(token)


def test_the_review_page_offers_fix_it_for_me(tmp_path: Path) -> None:
    page = client(tmp_path / "w.db").get("/review")
    assert 'formaction="/review/fix"' in page.text
    assert "Fix it for me" in page.text


def test_fix_it_for_me_shows_each_change_to_accept_or_reject(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    csrf = _csrf(browser)
    shown = browser.post(
        "/review/fix", data={"text": DRAFT.replace("\n", "\r\n"), "letter_lang": "en", "csrf": csrf}
    )
    assert shown.status_code == 200
    assert shown.text.count('name="change"') == 4
    assert "adds thanks" in shown.text
    assert "+Thank you for the offer and for your time." in shown.text  # the diff
    assert "the name of the person to write to" in shown.text  # what only they can supply
    # accept the thanks and the closing only
    applied = browser.post(
        "/review/fix",
        data={
            "text": DRAFT,
            "letter_lang": "en",
            "action": "apply",
            "change": ["0", "3", "x", "99999999"],
            "csrf": csrf,
        },
    )
    assert applied.status_code == 200
    editor = re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", applied.text, re.S)
    assert editor is not None
    letter = html.unescape(editor[1])
    assert letter == (
        "Dear Hiring Manager,\n\nThank you for the offer and for your time. I have decided not "
        "to accept the offer for the analyst role. I took a position closer to home.\n\n"
        "Best regards,\nPat Lee\n"
    )


def test_fix_it_for_me_needs_the_csrf_token_and_says_what_is_wrong(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    refused = browser.post("/review/fix", data={"text": DRAFT})
    assert refused.status_code == 403
    csrf = _csrf(browser)
    unknown = browser.post(
        "/review/fix", data={"text": "ciao ciao ciao", "letter_lang": "xx", "csrf": csrf}
    )
    assert unknown.status_code == 200
    assert 'role="alert"' in unknown.text
    assert "Traceback" not in unknown.text


def test_fix_leaves_alone_what_the_request_ignores(tmp_path: Path) -> None:
    body = client(tmp_path / "w.db").post("/api/v1/fix", json={"text": DRAFT, "ignore": ["D402"]})
    assert body.status_code == 200
    assert all(change["rule"] != "D402" for change in body.json()["changes"])
    bad = client(tmp_path / "w.db").post("/api/v1/fix", json={"text": DRAFT, "ignore": ["D999"]})
    assert_error_shape(bad, 422)
