"""The journey in real headless Chromium: add offers, compare, write, review live, download.

Uses Debian's `chromium` (no browser download). Without it the test skips and says so,
except on CI (`CI=true`), where a missing browser fails the run. Screenshots of each step
go to `test-artifacts/`.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from browser_support import ARTIFACTS, FLAGS, chromium, until
from web_support import running_server

CRITICISM = "Frankly, your management is a disorganised mess. "


def _add_offer(page: Any, base: str, **fields: str) -> None:
    page.goto(f"{base}/offers/new")
    for name, value in fields.items():
        page.fill(f"#f-{name}", value)
    page.click("form[action='/offers/save'] button[type=submit]")
    page.wait_for_url(f"{base}/offers#offer-{fields['id']}")


@pytest.mark.browser
def test_the_journey_in_a_real_browser(tmp_path: Path) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    today = date.today()
    with running_server(tmp_path / "decline.db") as base, sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            context = browser.new_context(
                accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-GB"
            )
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            # 1. who you are, then two offers
            page.goto(f"{base}/")
            page.fill("#you-name", "Alex Rivera")
            page.fill("#you-email", "alex.rivera@example.com")
            page.fill("#you-linkedin", "https://www.linkedin.com/in/alex-rivera")
            page.click("form[action='/offers/you'] button[type=submit]")
            _add_offer(
                page,
                base,
                id="acme",
                company="Acme Analytics",
                role="Senior Data Engineer",
                currency="EUR",
                base_salary="62000",
                received=today.isoformat(),
                deadline=(today + timedelta(days=9)).isoformat(),
                rating_culture="3",
                rating_growth="3",
                liked="the team's work on open data",
                contact_name="Maria Rossi",
                contact_email="maria.rossi@acme.example",
            )
            _add_offer(
                page,
                base,
                id="beta",
                company="Beta Robotics",
                role="Data Platform Engineer",
                currency="EUR",
                base_salary="70000",
                received=today.isoformat(),
                deadline=(today + timedelta(days=12)).isoformat(),
                rating_culture="5",
                rating_growth="4",
            )
            page.screenshot(path=str(ARTIFACTS / "web-1-offers.png"), full_page=True)

            # 2. compare, and re-rank with a slider (keyboard only)
            page.click("nav >> text=Compare")
            page.wait_for_selector("table")
            assert "Beta Robotics" in page.inner_text(".recommendation")
            page.focus("#w-compensation")
            for _ in range(5):
                page.keyboard.press("ArrowLeft")
            page.wait_for_url("**/compare?*")
            page.wait_for_selector("img[alt]")
            page.screenshot(path=str(ARTIFACTS / "web-2-compare.png"), full_page=True)

            # 3. write the decline to Acme
            page.goto(f"{base}/offers")
            page.click("#offer-acme form[action$='/decide'] >> text=Decline this offer")
            page.wait_for_selector("textarea#text")
            until(page, "document.querySelectorAll('#checklist li.ok').length === 6")
            page.screenshot(path=str(ARTIFACTS / "web-3-write.png"), full_page=True)

            # 4. criticise the company: the span is marked in place, the checklist turns red
            text = page.input_value("textarea#text")
            at = text.index("\n\n", text.index("\n\n") + 2) + 2  # the second paragraph
            page.eval_on_selector(
                "textarea#text", f"t => {{ t.focus(); t.setSelectionRange({at}, {at}); }}"
            )
            page.keyboard.type(CRITICISM)
            until(
                page,
                "[...document.querySelectorAll('#highlights mark.sev-error')]"
                ".some(m => m.textContent.includes('disorganised'))",
            )
            page.wait_for_selector("#checklist li.todo[data-principle='P5']")
            page.screenshot(path=str(ARTIFACTS / "web-4-criticism-marked.png"), full_page=True)

            # 5. fix it: every principle is green again
            end = at + len(CRITICISM)
            page.eval_on_selector(
                "textarea#text", f"t => {{ t.focus(); t.setSelectionRange({at}, {end}); }}"
            )
            page.keyboard.press("Backspace")
            until(page, "document.querySelectorAll('#checklist li.ok').length === 6")
            assert page.query_selector("#highlights mark.sev-error") is None
            page.screenshot(path=str(ARTIFACTS / "web-5-fixed.png"), full_page=True)

            # 6. save, then download the .eml
            page.click("button[name=action][value=save]")
            page.wait_for_url(f"{base}/send/acme")
            page.screenshot(path=str(ARTIFACTS / "web-6-send.png"), full_page=True)
            with page.expect_download() as download_info:
                page.click("#download-eml")
            eml = ARTIFACTS / "acme-decline.eml"
            download_info.value.save_as(str(eml))
            message = eml.read_text("utf-8")
            assert "To: Maria Rossi <maria.rossi@acme.example>" in message
            assert "disorganised" not in message

            # 7. tell decline it was sent: follow-ups are planned, the calendar has them
            page.click("#confirm-sent")
            page.wait_for_url(f"{base}/status")
            assert "Connect with Maria Rossi on LinkedIn" in page.inner_text("#followups")
            with page.expect_download() as calendar_info:
                page.click("a[href='/calendar.ics']")
            calendar = ARTIFACTS / "decline.ics"
            calendar_info.value.save_as(str(calendar))
            assert "BEGIN:VEVENT" in calendar.read_text("utf-8")
            page.screenshot(path=str(ARTIFACTS / "web-7-status.png"), full_page=True)

            # 8. the phone-sized view stays readable
            phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="it-IT")
            small = phone.new_page()
            small.goto(f"{base}/write?offer=acme")
            small.wait_for_selector("textarea#text")
            width = small.evaluate("document.documentElement.scrollWidth")
            small.screenshot(path=str(ARTIFACTS / "web-8-phone-it.png"), full_page=True)
            assert width <= 392, width
            assert not errors, errors
        finally:
            browser.close()
