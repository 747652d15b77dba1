"""Accessibility: axe-core finds no serious or critical violation on any page (issue 11).

Every page of `decline serve` over a workspace holding the bundled example, in English and
Italian, at desktop (1280×800) and phone (390×844) widths, with and without JavaScript, in
real headless Chromium (Debian's `chromium`; no browser download). axe-core comes bundled in
`axe-playwright-python`. Without chromium the test skips and says so, except on CI
(`CI=true`), where a missing browser fails the run. Screenshots of each page at phone width
go to `test-artifacts/axe-<page>-<lang>.png`.

Also: on Write, moving through a select's choices with the arrow keys neither reloads the
page nor moves the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from browser_support import ARTIFACTS, FLAGS, chromium
from web_support import EXAMPLE, running_server

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LOCALES = {"en": "en-GB", "it": "it-IT"}
BLOCKING = ("serious", "critical")
# A draft with findings: no thanks, blunt criticism, no door left open.
FLAWED = (
    "Dear Maria,\n\n"
    "I am not taking the job. Frankly, your management is a disorganised mess and the "
    "salary was insulting.\n\nAlex"
)


@pytest.fixture(scope="module")
def browser_and_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    """One server over a seeded workspace and one browser, shared by every combination.

    The workspace holds the example's offers; Acme is declined with a saved draft (the
    Send page has a letter), Beta is declined and marked sent (the Status page has
    follow-ups).
    """
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("axe_playwright_python")
    ARTIFACTS.mkdir(exist_ok=True)
    db = tmp_path_factory.mktemp("axe") / "decline.db"
    with running_server(db) as base, sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            _seed(browser, base)
            yield browser, base
        finally:
            browser.close()


def _seed(browser: Any, base: str) -> None:
    context = browser.new_context()
    context.set_default_timeout(15_000)
    page = context.new_page()
    request = page.request
    answer = request.post(f"{base}/api/v1/offers", data={"toml": EXAMPLE.read_text("utf-8")})
    assert answer.ok, answer.text()
    for offer in ("acme", "beta"):
        answer = request.post(
            f"{base}/api/v1/offers/{offer}/decision", data={"decision": "decline"}
        )
        assert answer.ok, answer.text()
        body = f"Dear Ms. Rossi,\n\nThank you for the offer from {offer}.\n\nAlex Rivera"
        answer = request.post(
            f"{base}/api/v1/offers/{offer}/letters",
            data={"subject": "Your offer", "body": body, "lang": "en"},
        )
        assert answer.ok, answer.text()
    page.goto(f"{base}/send/beta")
    page.click("#confirm-sent")
    page.wait_for_url(f"{base}/status")
    context.close()


def _goto(path: str) -> Callable[[Any, str], None]:
    def visit(page: Any, base: str) -> None:
        page.goto(f"{base}{path}")

    return visit


def _review_with_findings(page: Any, base: str) -> None:
    page.goto(f"{base}/review")
    page.fill("textarea#text", FLAWED)
    page.click("#letter-form button[type=submit]:not([formaction])")
    page.wait_for_url(f"{base}/review")
    page.wait_for_selector("#checklist li.todo")


def _fix_view(page: Any, base: str) -> None:
    page.goto(f"{base}/review")
    page.fill("textarea#text", FLAWED)
    page.click("#letter-form button[formaction='/review/fix']")
    page.wait_for_url(f"{base}/review/fix")
    page.wait_for_selector("#fix-form")


def _error_page(page: Any, base: str) -> None:
    answer = page.goto(f"{base}/offers/no-such-offer/edit")
    assert answer.status == 404


# Every page of the app's routes (src/decline/web/pages/*: ROUTES), in the state a person sees.
PAGES: dict[str, Callable[[Any, str], None]] = {
    "offers": _goto("/offers"),
    "add-offer": _goto("/offers/new"),
    "edit-offer": _goto("/offers/acme/edit"),
    "compare": _goto("/compare"),
    "write-empty": _goto("/write"),
    "write": _goto("/write?offer=acme"),
    "write-phone": _goto("/write?offer=gamma&channel=phone"),
    "review": _goto("/review"),
    "review-findings": _review_with_findings,
    "review-fix": _fix_view,
    "send": _goto("/send/acme"),
    "status": _goto("/status"),
    "error": _error_page,
}


def _describe(page_name: str, violation: dict[str, Any]) -> list[str]:
    lines = [f"{page_name}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:5]:
        lines.append(f"    {node['target']}: {node.get('failureSummary', '')!s}"[:300])
    return lines


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", list(LOCALES))
def test_no_serious_or_critical_violation_on_any_page(
    browser_and_base: tuple[Any, str], lang: str, size: str, javascript: bool
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    browser, base = browser_and_base
    axe = Axe()
    context = browser.new_context(viewport=SIZES[size], locale=LOCALES[lang])
    context.set_default_timeout(15_000)
    if not javascript:
        # The page as it is without JavaScript: the app's script never runs. (Chromium's
        # own switch, java_script_enabled=False, would also stop axe, which is JavaScript.)
        context.route("**/static/app.js", lambda route: route.abort())
    problems: list[str] = []
    try:
        page = context.new_page()
        for name, visit in PAGES.items():
            visit(page, base)
            assert page.evaluate("document.documentElement.lang") == lang, name
            if size == "phone" and javascript:
                page.screenshot(path=str(ARTIFACTS / f"axe-{name}-{lang}.png"), full_page=True)
            results = axe.run(page)
            for violation in results.response["violations"]:
                if violation["impact"] in BLOCKING:
                    problems.extend(_describe(name, violation))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_arrow_keys_on_a_write_select_neither_reload_nor_move_focus(
    browser_and_base: tuple[Any, str],
) -> None:
    browser, base = browser_and_base
    context = browser.new_context(viewport=SIZES["desktop"], locale="en-GB")
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(f"{base}/write?offer=acme")
        page.wait_for_selector("textarea#text")
        page.evaluate("window.__marker = 'still here'")
        url = page.url
        for select in page.eval_on_selector_all(
            "form select", "all => all.map(s => s.id).filter(Boolean)"
        ):
            before = page.input_value(f"#{select}")
            options = page.eval_on_selector(f"#{select}", "s => s.options.length")
            page.focus(f"#{select}")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            if options > 1 and before != page.eval_on_selector(
                f"#{select}", "s => s.options[s.options.length - 1].value"
            ):
                assert page.input_value(f"#{select}") != before, select  # the keys did move
            page.wait_for_timeout(300)  # a reload, if one were coming, would have started
            assert page.evaluate("window.__marker") == "still here", select
            assert page.evaluate("document.activeElement.id") == select
            assert page.url == url, select
            page.keyboard.press("ArrowUp")
            page.keyboard.press("ArrowUp")
            assert page.input_value(f"#{select}") == before, select
    finally:
        context.close()
