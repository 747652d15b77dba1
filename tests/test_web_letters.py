"""Write, review and send on the web, without JavaScript: nothing typed is ever lost.

Each test is one of issue 11's web items: the saved letter stays on the Send page after
the .eml download and is the one the mail app opens (3); changing a choice keeps the
person's edits (4); a call shows its talking points (5); the language switch keeps a
pasted draft (6); and the settings apply on the web as in the CLI (1).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from starlette.testclient import TestClient

from decline.settings import Settings
from web_support import EXAMPLE, GRACEFUL, client

EDIT = "P.S. I typed this line myself."


def _browser(tmp_path: Path, settings: Settings | None = None) -> tuple[TestClient, str]:
    browser = client(tmp_path / "w.db", settings=settings)
    answer = browser.post("/api/v1/offers", json={"toml": EXAMPLE.read_text("utf-8")})
    assert answer.status_code == 200, answer.text
    browser.get("/offers")
    return browser, str(browser.cookies.get("decline_csrf"))


def _textarea(html: str) -> str:
    found = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', html, re.DOTALL)
    assert found, html
    return unescape(found.group(1))


def _composed(html: str) -> str:
    found = re.search(r'<input type="hidden" name="composed" id="composed" value="([^"]*)"', html)
    assert found
    return unescape(found.group(1))


def _form(csrf: str, **values: str) -> dict[str, str]:
    choice = {"offer": "acme", "reason": "other_offer", "tone": "warm", "channel": "email"}
    return {**choice, "lang": "", "variant": "0", "csrf": csrf, **values}


def test_no_choice_submits_itself_so_arrow_keys_and_focus_stay_put(tmp_path: Path) -> None:
    browser, _ = _browser(tmp_path)
    html = browser.get("/write?offer=acme").text
    assert "onchange" not in html
    script = browser.get("/static/app.js").text
    assert "requestSubmit" not in script
    assert not re.search(r"\.submit\(\)", script)


def test_changing_the_tone_keeps_an_edited_letter(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    first = browser.get("/write?offer=acme").text
    edited = _textarea(first) + "\n\n" + EDIT
    answer = browser.post(
        "/write",
        data=_form(csrf, tone="formal", text=edited, composed=_composed(first), action="compose"),
    )
    assert answer.status_code == 200
    assert _textarea(answer.text).replace("\r\n", "\n") == edited
    assert re.search(r'id="kept"(?! hidden)', answer.text)
    assert 'value="formal" selected' in answer.text  # the new choice is kept as well
    # replacing is the person's explicit choice, on its own button
    replaced = browser.post(
        "/write",
        data=_form(csrf, tone="formal", text=edited, composed=_composed(first), action="replace"),
    )
    assert EDIT not in _textarea(replaced.text)
    assert 'id="kept" hidden' in replaced.text


def test_changing_the_tone_of_an_unedited_letter_composes_it_again(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    first = browser.get("/write?offer=acme").text
    text = _textarea(first)
    answer = browser.post(
        "/write",
        data=_form(
            csrf,
            tone="brief",
            text=text.replace("\n", "\r\n"),  # as a browser posts it
            composed=_composed(first),
            action="compose",
        ),
    )
    again = _textarea(answer.text)
    assert again != text
    assert len(again) < len(text)
    assert 'id="kept" hidden' in answer.text


def test_a_phone_call_shows_its_talking_points(tmp_path: Path) -> None:
    browser, _ = _browser(tmp_path)
    html = browser.get("/write?offer=acme&channel=phone").text
    points = re.search(
        r'<section class="card" id="talking-points"([^>]*)>(.*?)</section>', html, re.S
    )
    assert points
    assert "hidden" not in points.group(1)
    assert "1. " in points.group(2)
    assert "What to say on the call" in points.group(2)
    assert _textarea(html).startswith("Subject: ")  # the confirming e-mail is the letter
    email = browser.get("/write?offer=acme&channel=email").text
    assert re.search(r'id="talking-points"[^>]* hidden', email)


def test_the_language_switch_keeps_the_pasted_draft(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    page = browser.get("/review").text
    switch = re.search(
        r'<button type="submit" form="letter-form" formaction="/review\?ui=it"', page
    )
    assert switch
    answer = browser.post(
        "/review?ui=it", data={"text": GRACEFUL, "letter_lang": "auto", "csrf": csrf}
    )
    assert '<html lang="it">' in answer.text
    assert _textarea(answer.text) == GRACEFUL
    assert browser.cookies.get("decline_ui") == "it"


def test_the_language_switch_keeps_an_edited_letter_on_write(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    first = browser.get("/write?offer=acme").text
    edited = _textarea(first) + "\n\n" + EDIT
    answer = browser.post(
        "/write?ui=it",
        data=_form(csrf, text=edited, composed=_composed(first), action="keep"),
    )
    assert '<html lang="it">' in answer.text
    assert _textarea(answer.text) == edited


def test_the_write_page_takes_the_persons_settings(tmp_path: Path) -> None:
    settings = Settings(tone="formal", channel="phone", review_ignore=("D601",))
    browser, _ = _browser(tmp_path, settings)
    html = browser.get("/write?offer=acme").text
    assert '<option value="formal" selected' in html
    assert '<option value="phone" selected' in html
    assert 'id="talking-points" aria-labelledby="points-title">' in html
    api = browser.post("/api/v1/write", json={"offer": "acme"}).json()
    assert (api["letter"]["tone"], api["letter"]["channel"]) == ("formal", "phone")
    assert api["letter"]["body"].startswith(api["letter"]["talking_points"])
    assert api["letter"]["body"].endswith(api["letter"]["text"])
    review = browser.post("/api/v1/review", json={"text": "Hi,\n\nNo thanks.\n\nBye"}).json()
    assert "D601" not in {finding["rule"] for finding in review["report"]["findings"]}


def test_after_the_eml_download_the_letter_stays_and_can_be_marked_sent(
    tmp_path: Path,
) -> None:
    browser, csrf = _browser(tmp_path)
    browser.post("/api/v1/offers/acme/decision", json={"decision": "decline"})
    first = browser.get("/write?offer=acme&lang=it&tone=formal").text
    italian = _textarea(first)
    assert italian.startswith("Oggetto: ")
    saved = browser.post(
        "/write",
        data=_form(csrf, lang="it", tone="formal", text=italian, action="save"),
        follow_redirects=False,
    )
    assert saved.status_code == 303
    eml = browser.post("/send/acme", data={"via": "eml", "csrf": csrf})
    assert eml.headers["content-type"].startswith("message/rfc822")
    assert b"Content-Language: it" in eml.content
    after = browser.get("/send/acme").text
    assert 'id="confirm-sent"' in after
    assert italian.split("\n", 1)[1].strip()[:40] in unescape(after)
    # "Open in my mail app" opens that letter: its language, tone and text
    mailto = browser.post("/send/acme", data={"via": "mailto", "csrf": csrf}).text
    link = unescape(re.search(r'href="(mailto:[^"]+)" id="mailto"', mailto).group(1))
    subject = unquote(link.split("subject=")[1].split("&")[0])
    assert subject == italian.split("\n", 1)[0].removeprefix("Oggetto: ")
    confirmed = browser.post("/send/acme/sent", data={"csrf": csrf}, follow_redirects=False)
    assert confirmed.status_code == 303
    done = browser.get("/send/acme").text
    assert 'id="already-sent"' in done
    assert 'id="confirm-sent"' not in done
    followups = browser.get("/api/v1/followups").json()["followups"]
    assert followups
    assert {f["lang"] for f in followups} == {"it"}


def test_follow_up_numbers_and_snooze_days_out_of_range_are_not_500(tmp_path: Path) -> None:
    browser, _ = _browser(tmp_path)
    huge = browser.post(f"/api/v1/followups/{10**23}/snooze", json={"days": 3})
    assert huge.status_code == 404, huge.text
    assert browser.post("/api/v1/followups/1/done", json={}).status_code == 404
    far = browser.post("/api/v1/followups/1/snooze", json={"days": 99_999_999})
    assert far.status_code == 422, far.text
    assert "days" in far.json()["error"]


def test_the_status_page_refuses_snooze_days_out_of_range_with_a_page(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    for number, days, status in (
        (1, "3", 404),  # no follow-up yet
        (10**23, "3", 404),
        (1, "99999999", 422),
        (1, "9" * 5000, 422),
    ):
        answer = browser.post(
            f"/followups/{number}",
            data={"action": "snooze", "days": days, "csrf": csrf},
            headers={"accept": "text/html"},
        )
        assert answer.status_code == status, (number, days, answer.text[:300])
        assert "Traceback" not in answer.text


def test_a_refused_choice_is_shown_beside_its_field_and_the_text_stays(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path)
    answer = browser.get("/write?offer=acme&channel=sms")
    assert answer.status_code == 422
    beside = re.search(r'<p class="error" id="e-channel" role="alert">([^<]+)</p>', answer.text)
    assert beside
    assert "unknown channel 'sms'" in unescape(beside.group(1))
    assert 'id="c-channel" name="channel" aria-describedby="e-channel" aria-invalid="true"' in (
        answer.text
    )
    first = browser.get("/write?offer=acme").text
    text = _textarea(first)
    posted = browser.post(
        "/write",
        data=_form(csrf, channel="sms", text=text, composed=_composed(first), action="compose"),
    )
    assert posted.status_code == 422
    assert _textarea(posted.text) == text
    assert 'id="e-channel" role="alert">' in posted.text
