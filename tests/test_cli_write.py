"""`decline write`: offer file and quick mode, three formats, precedence, clear errors."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from cli_support import Outcome, example_offers
from decline.cli.main import run

QUICK = ["--company", "Acme Inc.", "--role", "Data Engineer", "--to", "Maria Rossi"]


def write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str, config: str = ""
) -> Outcome:
    settings = tmp_path / "config.toml"
    settings.write_text(config, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        run(["--config", str(settings), "write", *args])
    captured = capsys.readouterr()
    code = done.value.code
    return Outcome(code if isinstance(code, int) else 0, captured.out, captured.err)


def test_text_is_the_letter_then_a_review_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = write(
        capsys, tmp_path, str(example_offers()), "--offer", "acme", "--date", "2026-11-19"
    )
    assert result.code == 0
    assert result.out.startswith("Subject: ")
    assert "\n\nDear Maria,\n\n" in result.out
    assert result.err.splitlines()[-1].startswith("review: English, ")
    assert " · graceful · ready to send" in result.err.splitlines()[-1]


def test_json_has_the_contract_keys(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = write(capsys, tmp_path, str(example_offers()), "--offer", "beta", "--format", "json")
    data = json.loads(result.out)
    assert {
        "subject",
        "body",
        "to",
        "lang",
        "channel",
        "tone",
        "reason",
        "variant",
        "review",
    } <= set(data)
    assert data["to"] == {"name": "Marco Ferri", "email": "marco.ferri@beta-robotics.example"}
    assert data["review"]["schema"] == 1
    assert data["review"]["graceful"] is True
    assert "follow_up" not in data


def test_json_for_a_call_holds_the_follow_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = write(
        capsys,
        tmp_path,
        str(example_offers()),
        "--offer",
        "gamma",
        "--channel",
        "phone",
        "--format",
        "json",
    )
    data = json.loads(result.out)
    assert data["subject"] is None
    assert data["body"].startswith("Talking points")
    assert data["follow_up"]["subject"]
    assert data["follow_up"]["body"].startswith("Dear Priya,")


def test_eml_opens_as_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "decline.eml"
    result = write(
        capsys,
        tmp_path,
        str(example_offers()),
        "--offer",
        "acme",
        "--format",
        "eml",
        "-o",
        str(out),
    )
    assert result.code == 0
    assert result.out == ""
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert message["To"] == "Maria Rossi <maria.rossi@acme.example>"
    assert message["From"] == "Alex Rivera <alex.rivera@example.com>"


def test_quick_mode_needs_no_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = write(
        capsys,
        tmp_path,
        *QUICK,
        "--name",
        "Alex Rivera",
        "--honorific",
        "Ms.",
        "--met",
        "Luca Bianchi",
        "--linkedin",
        "https://linkedin.com/in/alex",
    )
    assert result.code == 0
    assert "Dear Maria," in result.out
    assert "meeting Luca" in result.out  # a warm letter names people met by first name
    assert "https://linkedin.com/in/alex" in result.out
    assert "Acme" in result.out
    assert "Acme Inc" not in result.out  # the legal form stays out of the prose


def test_settings_give_defaults_and_options_win(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = '[defaults]\ntone = "brief"\nchannel = "linkedin"\nlang = "it"\n'
    from_settings = write(
        capsys, tmp_path, *QUICK, "--name", "Alex", "--format", "json", config=config
    )
    data = json.loads(from_settings.out)
    assert (data["tone"], data["channel"], data["lang"]) == ("brief", "linkedin", "it")
    chosen = write(
        capsys,
        tmp_path,
        *QUICK,
        "--name",
        "Alex",
        "--format",
        "json",
        "--tone",
        "formal",
        "--channel",
        "email",
        "--lang",
        "en",
        config=config,
    )
    data = json.loads(chosen.out)
    assert (data["tone"], data["channel"], data["lang"]) == ("formal", "email", "en")


def test_the_offer_file_language_beats_the_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = '[defaults]\nlang = "it"\n'
    result = write(
        capsys,
        tmp_path,
        str(example_offers()),
        "--offer",
        "acme",
        "--format",
        "json",
        config=config,
    )
    assert json.loads(result.out)["lang"] == "en"  # the example's candidate writes in English


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--offer", "nope"], "ids: acme, beta, gamma"),
        (["--offer", "acme", "--reason", "money"], "choose one of other_offer, career_path"),
        (["--offer", "acme", "--tone", "loud"], "choose one of warm, formal, brief"),
        (["--offer", "acme", "--channel", "fax"], "choose one of email, letter, linkedin, phone"),
        (["--offer", "acme", "--lang", "fr"], "choose one of en, it"),
        (["--offer", "acme", "--format", "pdf"], "choose one of text, json, eml"),
        (["--offer", "acme", "--channel", "linkedin", "--format", "eml"], "--format eml is for"),
        (["--offer", "acme", "--date", "tomorrow"], "--date: expected a date"),
        (["--offer", "acme", "--variant", "-1"], "--variant: expected a whole number"),
        (["--offer", "acme", "--company", "Acme"], "either an offer file or the quick-mode"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    result = write(capsys, tmp_path, str(example_offers()), *args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert message in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "Engineer", "--name", "Alex"], "quick mode needs --company"),
        (["--company", "Acme", "--role", "Engineer"], "quick mode needs --name"),
        (["--company", "Acme", "--name", "Alex"], "quick mode needs --role"),
    ],
)
def test_quick_mode_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    result = write(capsys, tmp_path, *args)
    assert result.code == 2
    assert message in result.err


def test_without_a_contact_a_note_says_a_name_is_better(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = write(capsys, tmp_path, "--company", "Acme", "--role", "Engineer", "--name", "Alex")
    assert result.code == 0
    assert result.out.startswith("Subject: ")
    assert "note: No contact person is known" in result.err


def test_register_tu_writes_italian_in_the_tu_form(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = write(capsys, tmp_path, *QUICK, "--name", "Alex Rivera", "--lang", "it",
                   "--register", "tu")  # fmt: skip
    assert result.code == 0
    assert "Ciao Maria," in result.out
    assert "ringraziarLa" not in result.out
    refused = write(capsys, tmp_path, *QUICK, "--name", "Alex Rivera", "--register", "tu")
    assert refused.code == 2
    assert "English has no register 'tu'" in refused.err
