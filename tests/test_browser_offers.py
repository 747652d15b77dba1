"""Offers and Compare in real headless Chromium, with and without JavaScript.

The name first; a salary typed with separators; offers in two currencies and the rate the
Compare page asks for; importing over a stored offer (asked, then confirmed); Compare at
a phone's width (both offers on screen, chart text at least 11 px); English and Italian.
Uses Debian's `chromium` through Playwright's `executable_path`; without it the test
skips and says why (on CI, `CI=true`, it fails). Screenshots go to `test-artifacts/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import ARTIFACTS, FLAGS, chromium
from web_support import EXAMPLE, running_server

JARGON = ("decline add", "decline init", "OFFERS.toml", "[priorities]", "[fx]", "TOML")

# what a person types in each language: the salary and the rate with that language's marks
TYPED = {
    "en": {"locale": "en-GB", "salary": "72,000", "other": "58,000", "rate": "1.17"},
    "it": {"locale": "it-IT", "salary": "72.000", "other": "58.000", "rate": "1,17"},
}


def _submit(page: Any, form: str) -> None:
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


def _no_jargon(page: Any) -> None:
    text = page.inner_text("body")
    for word in JARGON:
        assert word not in text, (word, page.url)


def _salary(page: Any, base: str, offer_id: str) -> float:
    answer = page.request.get(f"{base}/api/v1/offers/{offer_id}")
    assert answer.ok, answer.text()
    return float(answer.json()["offer"]["base_salary"])


def _journey(play: Any, executable: str, base: str, lang: str, script: bool) -> None:
    typed = TYPED[lang]
    shot = f"offers-{lang}-{'js' if script else 'nojs'}"
    browser = play.chromium.launch(executable_path=executable, args=FLAGS)
    try:
        context = browser.new_context(
            java_script_enabled=script,
            locale=typed["locale"],
            viewport={"width": 1280, "height": 900},
        )
        page = context.new_page()
        page.set_default_timeout(15_000)

        # 1. "Add an offer" asks for the name before any offer field
        page.goto(f"{base}/offers/new")
        assert page.locator("#f-base_salary").count() == 0
        assert page.get_attribute("html", "lang") == lang
        _no_jargon(page)
        page.screenshot(path=str(ARTIFACTS / f"{shot}-1-name-first.png"), full_page=True)
        page.fill("#you-name", "Alex Rivera")
        _submit(page, "form[action='/offers/you']")
        assert page.url.endswith("/offers/new")

        # 2. a salary typed with the language's thousands separator is stored whole
        page.fill("#f-id", "acme")
        page.fill("#f-company", "Acme Analytics")
        page.fill("#f-role", "Data Engineer")
        page.fill("#f-currency", "EUR")
        page.fill("#f-base_salary", typed["salary"])
        _submit(page, "form[action='/offers/save']")
        assert _salary(page, base, "acme") == 72000

        # an ambiguous one is asked again beside its field, and nothing is stored
        page.goto(f"{base}/offers/new")
        page.fill("#f-id", "brit")
        page.fill("#f-company", "Brit Data")
        page.fill("#f-role", "Data Engineer")
        page.fill("#f-currency", "GBP")
        page.fill("#f-base_salary", "1,234" if lang == "it" else "1.234")
        _submit(page, "form[action='/offers/save']")
        assert page.locator("#e-base_salary").is_visible()
        page.screenshot(path=str(ARTIFACTS / f"{shot}-2-ambiguous.png"), full_page=True)
        page.fill("#f-base_salary", typed["other"])
        _submit(page, "form[action='/offers/save']")
        assert _salary(page, base, "brit") == 58000

        # 3. two currencies: Compare ranks nothing until the rate is given, beside its field
        page.goto(f"{base}/compare")
        assert page.locator("#e-fx-GBP").is_visible()
        assert page.locator("table").count() == 0
        page.screenshot(path=str(ARTIFACTS / f"{shot}-3-rate-asked.png"), full_page=True)
        page.fill("#fx-GBP", typed["rate"])
        _submit(page, "form[action='/compare/rates']")
        page.wait_for_selector("table.compare-table")
        assert page.input_value("#fx-GBP") == typed["rate"]  # in the page's own notation
        _no_jargon(page)
        page.screenshot(path=str(ARTIFACTS / f"{shot}-4-compare.png"), full_page=True)

        # 4. Compare at a phone's width: both offers on screen, chart text at least 11 px
        phone = browser.new_context(
            java_script_enabled=script,
            locale=typed["locale"],
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
        )
        small = phone.new_page()
        small.goto(f"{base}/compare")
        small.wait_for_selector("table.compare-table")
        small.wait_for_load_state("load")  # images included, with or without scripts
        for box in small.locator(".compare-table thead th").evaluate_all(
            "cells => cells.map(c => { const r = c.getBoundingClientRect();"
            " return [r.left, r.right]; })"
        ):
            assert box[0] >= 0, box
            assert box[1] <= 390, box
        shown, natural = small.locator(".chart img").evaluate(
            "i => [i.getBoundingClientRect().width, i.naturalWidth]"
        )
        assert natural > 0
        assert 13 * shown / natural >= 11, (shown, natural)
        small.screenshot(path=str(ARTIFACTS / f"{shot}-5-phone.png"), full_page=True)
        phone.close()

        # 5. importing over a stored offer asks first, then replaces and keeps the decision
        page.goto(f"{base}/offers")
        _submit(page, "#offer-acme form:has(input[name=decision][value=accept])")
        changed = EXAMPLE.read_text("utf-8").replace("base_salary = 62000", "base_salary = 64000")
        page.goto(f"{base}/offers")
        page.fill("#import-text", changed)
        _submit(page, "form[action='/offers/import'][enctype]")
        assert page.locator("#replace").is_visible()
        assert _salary(page, base, "acme") == 72000  # nothing replaced yet
        _no_jargon(page)
        page.screenshot(path=str(ARTIFACTS / f"{shot}-6-replace.png"), full_page=True)
        _submit(page, "#replace form")
        assert _salary(page, base, "acme") == 64000
        assert "acme" in page.inner_text("[role=status]")
        page.screenshot(path=str(ARTIFACTS / f"{shot}-7-replaced.png"), full_page=True)
        context.close()
    finally:
        browser.close()


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "script"), [("en", True), ("it", False), ("en", False)])
def test_offers_and_compare_in_a_real_browser(tmp_path: Path, lang: str, script: bool) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with running_server(tmp_path / "decline.db") as base, sync_api.sync_playwright() as play:
        _journey(play, executable, base, lang, script)
