"""Issue 12: tu or Lei per contact, and the candidate's grammatical gender in quick mode.

The person written to decides whether an Italian letter says tu or Lei: `register` on
`[[offer.contact]]`, kept through the workspace, its export and import, and the web's offer
form; `decline write --register` still wins, then the contact, then the language's default.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cli_support import DECLINE
from decline.errors import InputError
from decline.languages import meta
from decline.offers.parsing import parse_offers
from decline.workspace.catalog import add_offer_set, get_offer
from decline.workspace.exchange import restore, snapshot
from decline.workspace.schema import CONTACT_LINKEDIN, INITIAL
from decline.workspace.store import Workspace
from web_support import client

OFFERS = """
[candidate]
name = "Giulia Bianchi"
email = "giulia@example.com"
lang = "it"

[[offer]]
id = "acme"
company = "Acme"
role = "Data Engineer"

  [[offer.contact]]
  name = "Marco Verdi"
  role = "hiring_manager"
  {register}
"""

# What each register says in the opening of a letter to Marco (and never in the other)
TU = "Ciao Marco,"
LEI = "Gentile Marco,"


def _file(tmp_path: Path, register: str = "") -> Path:
    path = tmp_path / "offers.toml"
    path.write_text(OFFERS.format(register=register), encoding="utf-8")
    return path


def _write(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"DECLINE_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1", "PATH": ""}
    return subprocess.run(
        [str(DECLINE), "write", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


# ----- the offer file


def test_a_contact_register_is_read_and_written_back() -> None:
    offers = parse_offers(OFFERS.format(register='register = "tu"'))
    assert offers.offers[0].contacts[0].register == "tu"
    assert parse_offers(OFFERS.format(register="")).offers[0].contacts[0].register is None


def test_an_unknown_register_names_the_key_the_languages_registers_and_a_guess() -> None:
    with pytest.raises(InputError) as raised:
        parse_offers(OFFERS.format(register='register = "tuu"'))
    message = str(raised.value)
    assert "contact.register" in message
    for register in meta("it").registers:  # the allowed values are the languages' data
        assert repr(register) in message or f" {register}" in message
    assert "did you mean 'tu'" in message
    assert "\n" not in message.strip()  # one line


# ----- decline write: option > contact > language default


def test_the_contact_register_decides_when_no_option_is_given(tmp_path: Path) -> None:
    tu = _write(tmp_path, str(_file(tmp_path, 'register = "tu"')))
    assert tu.returncode == 0, tu.stderr
    assert TU in tu.stdout
    assert "ti " in tu.stdout.lower()
    lei = _write(tmp_path, str(_file(tmp_path, 'register = "lei"')))
    assert lei.returncode == 0, lei.stderr
    assert LEI in lei.stdout
    assert TU not in lei.stdout
    default = _write(tmp_path, str(_file(tmp_path)))
    assert LEI in default.stdout  # the language's default: Lei


def test_the_option_wins_over_the_contact(tmp_path: Path) -> None:
    path = str(_file(tmp_path, 'register = "tu"'))
    chosen = _write(tmp_path, path, "--register", "lei")
    assert chosen.returncode == 0, chosen.stderr
    assert LEI in chosen.stdout
    assert TU not in chosen.stdout


def test_an_english_letter_to_a_tu_contact_is_written_as_always(tmp_path: Path) -> None:
    answer = _write(tmp_path, str(_file(tmp_path, 'register = "tu"')), "--lang", "en")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("Subject:")


def test_a_bad_register_in_the_file_is_exit_2_with_one_line(tmp_path: Path) -> None:
    answer = _write(tmp_path, str(_file(tmp_path, 'register = "voi"')))
    assert answer.returncode == 2
    assert "contact.register: expected one of lei, tu" in answer.stderr
    assert "Traceback" not in answer.stderr


# ----- quick mode: the candidate's grammatical gender


@pytest.mark.parametrize(("gender", "word", "other"), [("feminine", "grata", "grato")])
def test_quick_mode_gender_agrees_the_words_about_the_writer(
    tmp_path: Path, gender: str, word: str, other: str
) -> None:
    args = ("--company", "Acme", "--role", "Data Engineer", "--to", "Marco Verdi", "--lang", "it")
    letters = {}
    for chosen in (gender, other.replace("grato", "masculine"), None):
        gendered = ("--gender", chosen) if chosen else ()
        answer = _write(
            tmp_path,
            *args,
            "--name",
            "Giulia Bianchi",
            "--tone",
            "formal",
            "--variant",
            "3",
            *gendered,
        )
        assert answer.returncode == 0, answer.stderr
        letters[chosen] = answer.stdout
    assert f" {word} " in letters[gender]
    assert f" {other} " not in letters[gender]
    assert f" {other} " in letters["masculine"]
    assert f" {word} " not in letters[None]
    assert f" {other} " not in letters[None]


def test_quick_mode_refuses_an_unknown_gender(tmp_path: Path) -> None:
    answer = _write(tmp_path, "--company", "A", "--role", "R", "--name", "N", "--gender", "f")
    assert answer.returncode == 2
    assert "--gender 'f'; choose one of feminine, masculine" in answer.stderr
    help_text = _write(tmp_path, "--help").stdout
    assert "--gender" in help_text
    assert "grata" in help_text


# ----- the workspace: migration, storage, export and import


def test_an_older_workspace_gains_the_column_and_keeps_its_contacts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Workspace.open(path, migrations=(INITIAL, CONTACT_LINKEDIN))
    with old.transaction() as connection:  # as the previous version stored them
        connection.execute(
            "INSERT INTO offers (id, company, role, added_at, updated_at) "
            "VALUES ('acme', 'Acme', 'Data Engineer', '2026-12-01', '2026-12-01')"
        )
        connection.execute(
            "INSERT INTO contacts (offer_id, name, role) "
            "VALUES ('acme', 'Marco Verdi', 'hiring_manager')"
        )
    old.close()
    upgraded = Workspace.open(path)
    with upgraded.transaction() as connection:
        contact = get_offer(connection, "acme").contacts[0]
        assert contact.name == "Marco Verdi"
        assert contact.register is None
        add_offer_set(
            connection,
            parse_offers(OFFERS.format(register='register = "tu"')),
            "2026-12-01T11:00:00Z",
        )
        assert get_offer(connection, "acme").contacts[0].register == "tu"
    upgraded.close()
    names = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(contacts)")]
    assert "register" in names


def test_export_and_import_keep_the_register_and_check_it(tmp_path: Path) -> None:
    source = Workspace.open(tmp_path / "a.db")
    with source.transaction() as connection:
        add_offer_set(
            connection,
            parse_offers(OFFERS.format(register='register = "tu"')),
            "2026-12-01T10:00:00Z",
        )
        data = json.loads(json.dumps(snapshot(connection, source.applied_migrations())))
    source.close()
    assert data["tables"]["contacts"][0]["register"] == "tu"
    target = Workspace.open(tmp_path / "b.db")
    with target.transaction() as connection:
        restore(connection, data)
        assert get_offer(connection, "acme").contacts[0].register == "tu"
        data["tables"]["contacts"][0]["register"] = "thou"
        with pytest.raises(InputError, match="register"):
            restore(connection, data)
    target.close()


# ----- the web: the offer form, the Write page, About you


def _browser(tmp_path: Path, register: str) -> tuple[TestClient, str]:
    browser = client(tmp_path / "w.db")
    answer = browser.post("/api/v1/offers", json={"toml": OFFERS.format(register=register)})
    assert answer.status_code == 200, answer.text
    browser.get("/offers")
    return browser, str(browser.cookies.get("decline_csrf"))


def test_the_offer_form_shows_and_stores_the_contact_register(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path, 'register = "tu"')
    form = browser.get("/offers/acme/edit").text
    assert 'name="contact_register"' in form
    assert '<option value="tu" selected>' in form
    values = {
        "editing": "acme",
        "company": "Acme",
        "role": "Data Engineer",
        "contact_name": "Marco Verdi",
        "contact_role": "hiring_manager",
        "contact_register": "lei",
        "csrf": csrf,
    }
    browser.follow_redirects = False
    assert browser.post("/offers/save", data=values).status_code == 303
    stored = parse_offers(browser.get("/offers/export.toml").text)
    assert stored.offers[0].contacts[0].register == "lei"
    values["contact_register"] = "voi"
    refused = browser.post("/offers/save", data=values)
    assert refused.status_code == 422
    assert "voi" in refused.text


def test_the_offer_form_hides_the_register_for_a_language_without_one(tmp_path: Path) -> None:
    browser = client(tmp_path / "w.db")
    text = OFFERS.format(register="").replace('lang = "it"', 'lang = "en"')
    assert browser.post("/api/v1/offers", json={"toml": text}).status_code == 200
    assert 'name="contact_register"' not in browser.get("/offers/acme/edit").text


def test_the_write_page_defaults_to_the_contact_and_lets_you_choose(tmp_path: Path) -> None:
    browser, _ = _browser(tmp_path, 'register = "tu"')
    page = browser.get("/write?offer=acme").text
    assert 'id="c-register"' in page
    assert TU in page
    chosen = browser.get("/write?offer=acme&register=lei").text
    assert LEI in chosen
    assert TU not in chosen
    api = browser.post("/api/v1/write", json={"offer": "acme", "register": "lei"})
    assert api.status_code == 200, api.text
    assert LEI in api.json()["letter"]["text"]
    english = browser.get("/write?offer=acme&register=tu&lang=en")
    assert english.status_code == 422
    assert 'id="e-register"' in english.text
    assert "has no register" in english.text


def test_about_you_stores_the_grammatical_gender(tmp_path: Path) -> None:
    browser, csrf = _browser(tmp_path, "")
    assert 'name="grammatical_gender"' in browser.get("/offers").text
    browser.follow_redirects = False
    values = {"name": "Giulia Bianchi", "lang": "it", "csrf": csrf}
    saved = browser.post("/offers/you", data={**values, "grammatical_gender": "feminine"})
    assert saved.status_code == 303
    exported = browser.get("/offers/export.toml").text
    assert parse_offers(exported).candidate.grammatical_gender == "feminine"
    page = browser.get("/write?offer=acme&tone=formal&variant=3").text
    assert " grata " in page
    cleared = browser.post("/offers/you", data={**values, "grammatical_gender": ""})
    assert cleared.status_code == 303
    exported = browser.get("/offers/export.toml").text
    assert parse_offers(exported).candidate.grammatical_gender is None
