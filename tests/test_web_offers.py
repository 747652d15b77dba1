"""The offer pages as a person uses them: numbers typed with separators, exchange rates,
importing over a stored offer, "About you" keeping what it does not show, no CLI jargon.

Every test goes through the real app over a real SQLite workspace, without JavaScript.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from decline.offers.parsing import parse_offers
from decline.web.inputs import NumberError, localized_number
from web_support import EXAMPLE, client

ROOT = Path(__file__).resolve().parent.parent
DECLINE = ROOT / ".venv" / "bin" / "decline"


def _browser(tmp_path: Path) -> TestClient:
    browser = client(tmp_path / "w.db")
    browser.follow_redirects = False  # a 303 is what the form answers: look at it
    return browser


def _csrf(browser: TestClient) -> str:
    browser.get("/offers")
    token = browser.cookies.get("decline_csrf")
    assert token
    return str(token)


def _with_name(tmp_path: Path, ui: str = "en") -> tuple[TestClient, str]:
    browser = _browser(tmp_path)
    browser.cookies.set("decline_ui", ui)
    csrf = _csrf(browser)
    answer = browser.post("/offers/you", data={"name": "Alex Rivera", "lang": "en", "csrf": csrf})
    assert answer.status_code == 303, answer.text
    return browser, csrf


def _offer(**values: str) -> dict[str, str]:
    return {"id": "beta", "company": "Beta Robotics", "role": "Engineer", **values}


def _stored_salary(browser: TestClient, offer_id: str) -> float:
    return float(browser.get(f"/api/v1/offers/{offer_id}").json()["offer"]["base_salary"])


# ----- numbers typed with separators (web item 1)


@pytest.mark.parametrize("locale", ["en", "it"])
@pytest.mark.parametrize(
    "text", ["72,000", "72.000", "72 000", "72\u202f000", "72\u00a0000", "72000", "72,000.00"]
)
def test_a_salary_with_separators_is_72000_in_both_locales(text: str, locale: str) -> None:
    assert localized_number(text, locale) == 72000


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [("72,5", "it", 72.5), ("72.5", "en", 72.5), ("72,5", "en", 72.5), ("1.234,56", "it", 1234.56)],
)
def test_decimals_are_read_where_they_are_unambiguous(text: str, locale: str, value: float) -> None:
    assert float(localized_number(text, locale)) == value


@pytest.mark.parametrize(("text", "locale"), [("1,234", "it"), ("1.234", "en"), ("72,500", "it")])
def test_a_separator_that_could_be_either_is_refused(text: str, locale: str) -> None:
    with pytest.raises(NumberError) as refused:
        localized_number(text, locale)
    assert refused.value.reason == "ambiguous"


@pytest.mark.parametrize("text", ["lots", "72,,000", "7,20,00", "1,234.567,8", "€72000"])
def test_text_that_is_no_number_is_refused(text: str) -> None:
    with pytest.raises(NumberError):
        localized_number(text, "en")


@pytest.mark.parametrize(("ui", "typed"), [("en", "72,000"), ("it", "72.000"), ("it", "72,000")])
def test_the_form_stores_a_salary_typed_with_separators_whole(
    tmp_path: Path, ui: str, typed: str
) -> None:
    browser, csrf = _with_name(tmp_path, ui)
    answer = browser.post("/offers/save", data={**_offer(base_salary=typed), "csrf": csrf})
    assert answer.status_code == 303, answer.text
    assert _stored_salary(browser, "beta") == 72000


def test_an_ambiguous_salary_is_asked_again_beside_its_field(tmp_path: Path) -> None:
    browser, csrf = _with_name(tmp_path, "it")
    answer = browser.post("/offers/save", data={**_offer(base_salary="1,234"), "csrf": csrf})
    assert answer.status_code == 422
    assert 'id="e-base_salary"' in answer.text
    assert "potrebbe voler dire" in answer.text
    assert browser.get("/api/v1/offers/beta").status_code == 404  # nothing stored


# ----- mixed currencies (web item 2)


def test_mixed_currencies_are_never_ranked_without_a_rate_and_export_feeds_the_cli(
    tmp_path: Path,
) -> None:
    browser, csrf = _with_name(tmp_path)
    for offer in (
        _offer(id="acme", company="Acme", currency="EUR", base_salary="58.000"),
        _offer(id="brit", company="Brit", currency="GBP", base_salary="72,000"),
    ):
        assert browser.post("/offers/save", data={**offer, "csrf": csrf}).status_code == 303
    asked = browser.get("/compare")
    assert asked.status_code == 409
    assert 'id="e-fx-GBP"' in asked.text  # the missing rate, beside its own field
    assert "Score" not in asked.text  # no ranking at all
    bad = browser.post("/compare/rates", data={"fx_base": "EUR", "fx_GBP": "abc", "csrf": csrf})
    assert bad.status_code == 422
    assert 'id="e-fx-GBP"' in bad.text
    saved = browser.post("/compare/rates", data={"fx_base": "EUR", "fx_GBP": "1,17", "csrf": csrf})
    assert saved.status_code == 303, saved.text
    ranked = browser.get("/compare")
    assert ranked.status_code == 200
    assert 'value="1.17"' in ranked.text  # the rate stays on show, to change it
    exported = tmp_path / "offers.toml"
    exported.write_bytes(browser.get("/offers/export.toml").content)
    assert parse_offers(exported.read_text("utf-8")).fx_rates == {"GBP": 1.17}
    cli = subprocess.run(
        [str(DECLINE), "compare", str(exported), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert '"brit"' in cli.stdout
    # a third currency is stored as typed; Compare then asks for its rate, not the form
    swiss = _offer(id="swiss", company="Swiss", currency="CHF", base_salary="90'000")
    refused = browser.post("/offers/save", data={**swiss, "csrf": csrf})
    assert refused.status_code == 422  # an apostrophe is no separator here: said in the field
    assert 'id="e-base_salary"' in refused.text
    swiss["base_salary"] = "90 000"
    assert browser.post("/offers/save", data={**swiss, "csrf": csrf}).status_code == 303
    again = browser.get("/compare")
    assert again.status_code == 409
    assert 'id="e-fx-CHF"' in again.text
    assert 'value="1.17"' in again.text  # the rate given before is kept


# ----- importing over a stored offer (web item 5)


def test_importing_over_a_stored_offer_asks_first_and_keeps_the_decision(tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    csrf = _csrf(browser)
    text = EXAMPLE.read_text("utf-8")
    assert browser.post("/offers/import", data={"text": text, "csrf": csrf}).status_code == 303
    assert browser.post("/offers/acme/decide", data={"decision": "decline", "csrf": csrf})
    changed = text.replace("base_salary = 62000", "base_salary = 64000")
    asked = browser.post("/offers/import", data={"text": changed, "csrf": csrf})
    assert asked.status_code == 409
    assert 'name="replace" value="yes"' in asked.text
    assert "acme" in asked.text
    assert "is kept" in asked.text  # says what happens to the recorded decision
    assert _stored_salary(browser, "acme") == 62000  # nothing replaced yet
    again = browser.post("/offers/import", data={"text": text, "csrf": csrf})
    assert again.status_code == 303  # the same terms again: nothing to ask
    done = browser.post("/offers/import", data={"text": changed, "replace": "yes", "csrf": csrf})
    assert done.status_code == 303
    assert _stored_salary(browser, "acme") == 64000
    shown = browser.get(done.headers["location"])
    assert "keep their decisions (acme)" in shown.text
    assert "decline" in browser.get("/offers").text


# ----- "About you" never drops what it does not show (web item 5)


def test_saving_about_you_keeps_the_keys_the_page_has_no_fields_for(tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    csrf = _csrf(browser)
    text = EXAMPLE.read_text("utf-8").replace(
        '# grammatical_gender = "feminine"', 'grammatical_gender = "feminine"', 1
    )
    assert parse_offers(text).candidate.hourly_rate == 40
    assert browser.post("/offers/import", data={"text": text, "csrf": csrf}).status_code == 303
    saved = browser.post(
        "/offers/you", data={"name": "Alex R.", "email": "", "lang": "it", "csrf": csrf}
    )
    assert saved.status_code == 303
    back = parse_offers(browser.get("/offers/export.toml").text)
    assert back.candidate.name == "Alex R."
    assert back.candidate.lang == "it"
    assert back.candidate.email is None  # emptied on the page: cleared
    assert back.candidate.hourly_rate == 40
    assert back.candidate.grammatical_gender == "feminine"


# ----- the name first, and no CLI or file jargon in the browser (web item 7)


def test_add_an_offer_asks_for_the_name_before_any_offer_field(tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    page = browser.get("/offers/new")
    assert 'id="you-name"' in page.text
    assert 'name="base_salary"' not in page.text  # no 30 fields to fill in vain
    csrf = _csrf(browser)
    answer = browser.post("/offers/you", data={"name": "Alex", "next": "/offers/new", "csrf": csrf})
    assert answer.headers["location"] == "/offers/new"
    assert 'name="base_salary"' in browser.get("/offers/new").text


JARGON = (
    "decline add",
    "decline init",
    "OFFERS.toml",
    "offers.toml",
    "[priorities]",
    "[fx]",
    "TOML",
)


@pytest.mark.parametrize("ui", ["en", "it"])
def test_no_cli_or_file_jargon_reaches_the_browser(tmp_path: Path, ui: str) -> None:
    browser = _browser(tmp_path)
    browser.cookies.set("decline_ui", ui)
    empty = browser.get("/compare")
    assert empty.status_code == 200
    assert 'href="/offers/new"' in empty.text  # nothing to compare: where offers come from
    pages = [browser.get("/offers").text, browser.get("/offers/new").text, empty.text]
    assert browser.get("/compare/chart.svg").status_code == 404
    csrf = _csrf(browser)
    browser.post("/offers/import", data={"text": EXAMPLE.read_text("utf-8"), "csrf": csrf})
    for path in ("/offers", "/offers/new", "/offers/acme/edit", "/compare", "/compare?w.growth=3"):
        answer = browser.get(path)
        assert answer.status_code == 200, path
        pages.append(answer.text)
    for text in pages:
        visible = text.split("<body", 1)[1]
        for word in JARGON:
            assert word not in visible.replace('href="/offers/export.toml"', ""), word


def test_an_unknown_offer_is_not_found(tmp_path: Path) -> None:
    browser, csrf = _with_name(tmp_path)
    assert browser.get("/offers/nope/edit").status_code == 404
    assert (
        browser.post("/offers/nope/decide", data={"decision": "accept", "csrf": csrf}).status_code
        == 404
    )


def test_cli_import_agrees_with_the_web(tmp_path: Path) -> None:
    """`decline add` refuses to replace silently too (the same service function)."""
    db = tmp_path / "w.db"
    changed = tmp_path / "changed.toml"
    changed.write_text(EXAMPLE.read_text("utf-8").replace("62000", "64000"), "utf-8")
    run = [sys.executable, "-m", "decline", "--db", str(db), "add"]
    first = subprocess.run([*run, str(EXAMPLE)], capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(
        [*run, str(changed)], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert second.returncode == 2
    assert "would replace 1 stored offer(s)" in second.stderr
    assert "Traceback" not in second.stderr


def test_the_api_import_asks_for_replace_too(tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    text = EXAMPLE.read_text("utf-8")
    assert browser.post("/api/v1/offers", json={"toml": text}).status_code == 200
    browser.post("/api/v1/offers/acme/decision", json={"decision": "decline"})
    changed = text.replace("base_salary = 62000", "base_salary = 64000")
    asked = browser.post("/api/v1/offers", json={"toml": changed})
    assert asked.status_code == 422
    assert asked.json()["field"] == "replace"
    done = browser.post("/api/v1/offers", json={"toml": changed, "replace": True})
    assert done.status_code == 200
    assert done.json()["updated"] == ["acme"]
    assert done.json()["kept_decisions"] == {"acme": "decline"}


def _ask_in_a_terminal(args: list[str], answer: str) -> tuple[int, str]:
    """Run `decline` on a real pseudo-terminal, answer its question, return (code, output)."""
    import os
    import pty
    import select
    import time

    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 60
    answered = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closed: the process is done
                    break
                if not chunk:
                    break
                output += chunk
            if not answered and b"Replace?" in output:
                os.write(leader, answer.encode() + b"\n")
                answered = True
            if process.poll() is not None and not ready:
                break
        code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    return code, output.decode("utf-8", "replace")


@pytest.mark.parametrize(("answer", "code", "salary"), [("n", 1, 62000), ("y", 0, 64000)])
def test_decline_add_asks_on_a_terminal_before_replacing(
    tmp_path: Path, answer: str, code: int, salary: float
) -> None:
    db = tmp_path / "w.db"
    changed = tmp_path / "changed.toml"
    changed.write_text(EXAMPLE.read_text("utf-8").replace("62000", "64000"), "utf-8")
    add = [str(DECLINE), "--db", str(db), "add"]
    assert subprocess.run([*add, str(EXAMPLE)], capture_output=True, timeout=60).returncode == 0
    subprocess.run([str(DECLINE), "--db", str(db), "decide", "acme", "decline"], timeout=60)
    done, output = _ask_in_a_terminal([*add, str(changed)], answer)
    assert done == code, output
    assert "acme (its recorded decision, decline, is kept" in output
    exported = subprocess.run(
        [str(DECLINE), "--db", str(db), "export", "--format", "toml", "-o", "-"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert f"base_salary = {salary}" in exported.stdout.replace(".0\n", "\n"), exported.stderr


def test_a_number_out_of_range_is_said_beside_its_field_in_the_page_language(
    tmp_path: Path,
) -> None:
    browser, csrf = _with_name(tmp_path, "it")
    typed = _offer(id="Bad Id", currency="euro", pto_days="400", rating_growth="9")
    answer = browser.post(
        "/offers/save",
        data={**typed, "equity_value": "10.000", "equity_vesting_years": "2,5", "csrf": csrf},
    )
    assert answer.status_code == 422
    text = answer.text
    assert 'id="e-pto_days"' in text
    assert "un numero da 0 a 366" in text
    assert "un numero da 1 a 5" in text
    assert "un numero intero da 1 a 10" in text
    assert 'id="e-id"' in text
    assert "codice di 3 lettere" in text
    assert "expected" not in text.split("<body", 1)[1]  # nothing in the parser's English
