"""`decline review` end to end: formats, golden outputs, exit codes, bad input."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from decline import review
from decline.checker.formats.text import render

GOLDEN = Path(__file__).parent / "golden" / "review"
LETTERS = sorted(GOLDEN.glob("*.txt"))
Run = Callable[..., CompletedProcess[str]]


@pytest.mark.parametrize("letter", LETTERS, ids=[p.stem for p in LETTERS])
def test_golden_json_and_text(letter: Path) -> None:
    text = letter.read_text(encoding="utf-8")
    report = review(text)
    outputs = {
        letter.with_suffix(".json"): json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
        + "\n",
        letter.with_suffix(".out"): render(report),
    }
    for path, produced in outputs.items():
        if os.environ.get("UPDATE_GOLDEN"):
            path.write_text(produced, encoding="utf-8")
        assert produced == path.read_text(encoding="utf-8"), f"{path.name} changed"


def test_golden_verdicts_are_what_a_coach_would_say() -> None:
    verdicts = {p.stem: review(p.read_text(encoding="utf-8")) for p in LETTERS}
    assert verdicts["en_graceful"].ready_to_send
    assert verdicts["it_graceful"].ready_to_send
    assert verdicts["it_graceful"].lang == "it"
    assert not verdicts["en_flawed"].graceful
    assert not verdicts["it_flawed"].graceful
    assert verdicts["en_linkedin"].graceful


def test_exit_zero_when_ready_one_when_not(decline_cli: Run) -> None:
    good = decline_cli("review", str(GOLDEN / "en_graceful.txt"))
    assert good.returncode == 0, good.stderr
    assert "ready to send" in good.stdout
    bad = decline_cli("review", str(GOLDEN / "en_flawed.txt"))
    assert bad.returncode == 1
    assert "D501" in bad.stdout


def test_stdin_and_json(decline_cli: Run) -> None:
    text = (GOLDEN / "it_graceful.txt").read_text(encoding="utf-8")
    result = decline_cli("review", "-", "--format", "json", stdin=text)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["lang"] == "it"
    assert set(data["signals"]) == {
        "gratitude", "clear_decision", "addressed_by_name", "brief_reason", "regret",
        "stay_connected", "door_open", "oversharing", "negative_about_company",
        "professional_tone",
    }  # fmt: skip


def test_several_files_give_a_summary_and_a_json_list(decline_cli: Run) -> None:
    files = [str(GOLDEN / "en_graceful.txt"), str(GOLDEN / "en_flawed.txt")]
    text = decline_cli("review", *files)
    assert text.returncode == 1
    assert "Summary" in text.stdout
    assert "en_flawed.txt" in text.stdout.split("Summary")[1]
    listing = json.loads(decline_cli("review", *files, "--format", "json").stdout)
    assert [item["file"] for item in listing] == files
    assert listing[0]["report"]["ready_to_send"] is True


def test_ignore_removes_findings_but_not_signals(decline_cli: Run) -> None:
    path = str(GOLDEN / "en_linkedin.txt")
    before = json.loads(decline_cli("review", path, "--format", "json").stdout)
    after = json.loads(decline_cli("review", path, "--format", "json", "--ignore", "d402").stdout)
    assert any(f["rule"] == "D402" for f in before["findings"])
    assert not any(f["rule"] == "D402" for f in after["findings"])
    assert before["signals"] == after["signals"]
    assert after["score"] > before["score"]


def test_settings_file_ignore_applies(decline_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[review]\nignore = ["D402"]\n', encoding="utf-8")
    result = decline_cli("review", str(GOLDEN / "en_linkedin.txt"), "--format", "json")
    assert not any(f["rule"] == "D402" for f in json.loads(result.stdout)["findings"])


def test_timing_options(decline_cli: Run) -> None:
    result = decline_cli(
        "review",
        str(GOLDEN / "en_graceful.txt"),
        "--format",
        "json",
        "--received",
        "2026-11-01",
        "--deadline",
        "2026-11-10",
        "--today",
        "2026-11-12",
    )
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("D303", "warning")]
    assert result.returncode == 0  # a warning still leaves it ready to send


def test_utf16_and_bom_inputs(decline_cli: Run, tmp_path: Path) -> None:
    text = (GOLDEN / "en_graceful.txt").read_text(encoding="utf-8")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for path in (utf16, bom):
        result = decline_cli("review", str(path), "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == review(text).to_dict()


def test_eml_input_reviews_the_text_part(decline_cli: Run, tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Senior Data Engineer offer"
    message["To"] = "Maria Rossi <maria@acme.example>"
    message["From"] = "Alex Rivera <alex@example.com>"
    body = (GOLDEN / "en_graceful.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    message.set_content(body)
    message.add_alternative("<p>html</p>", subtype="html")
    path = tmp_path / "letter.eml"
    path.write_bytes(bytes(message))
    result = decline_cli("review", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["words"] == review(body).words


@pytest.mark.parametrize(
    ("setup", "args", "needle"),
    [
        (None, ["missing.txt"], "missing.txt: no such file"),
        (b"\xff\xfe\x00", None, "not valid"),  # UTF-16 BOM then an odd byte
        (b"Dear Tom, \xe9t\xe9 thank you", ["draft.txt"], "not valid UTF-8"),
        (b"   \n\n", ["draft.txt"], "empty"),
        (b"a" * 1_000_001, ["draft.txt"], "1 MB"),
        (
            "Je vous remercie pour votre offre, mais je dois la décliner.".encode(),
            ["draft.txt"],
            "not English or Italian;",
        ),
        (b"Dear Tom, thanks. I decline.", ["draft.txt", "--today", "tomorrow"], "--today"),
        (b"Dear Tom, thanks. I decline.", ["draft.txt", "--ignore", "D999"], "D999"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_two(
    decline_cli: Run, tmp_path: Path, setup: bytes | None, args: list[str] | None, needle: str
) -> None:
    if setup is not None:
        (tmp_path / "draft.txt").write_bytes(setup)
    result = decline_cli("review", *(args or ["draft.txt"]))
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_rules_lists_and_documents(decline_cli: Run) -> None:
    listing = decline_cli("rules")
    assert listing.returncode == 0
    assert "D201" in listing.stdout
    assert "D901" in listing.stdout
    one = decline_cli("rules", "d503")
    assert "## Why it matters" in one.stdout
    unknown = decline_cli("rules", "D50")
    assert unknown.returncode == 2
    assert "did you mean" in unknown.stderr


def test_docs_rules_md_is_current() -> None:
    from decline.checker.docs import render as render_docs

    path = Path(__file__).parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == render_docs(), "run `make docs`"


def test_eml_offsets_point_into_the_decoded_text_part(decline_cli: Run, tmp_path: Path) -> None:
    from email.message import EmailMessage

    body = "Dear Tom,\n\nThanks for the offer. No offence, I decline.\n\nBest,\nSam\n"
    message = EmailMessage()
    message["Subject"] = "Offer – la mia decisione"  # non-ASCII: an encoded header
    message.set_content(body, cte="quoted-printable")
    path = tmp_path / "letter.eml"
    path.write_bytes(bytes(message))
    result = decline_cli("review", str(path), "--format", "json")
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "D503")
    assert body[finding["offset"] : finding["offset"] + finding["length"]] == "No offence"
