"""`decline review --fix / --diff`: the repaired letter out, the account on stderr, exit codes.

In process through the real entry point, and as the installed console script where a
process matters (standard input, the exit code a shell sees).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.cli_support import decline, example_offers, start

GENERIC = (
    "Dear Hiring Manager,\n\nI have decided not to accept the offer for the analyst role. "
    "I took a position closer to home.\n\nPat Lee\n"
)
ITALIAN = (
    "Gentile Dott.ssa Bianchi,\n\nho deciso di non accettare l'offerta per la posizione di "
    "analista. Ho accettato un'altra proposta più vicina a casa.\n\nCordiali saluti,\n"
    "Luca Neri\n"
)
FINE = (
    "Hi Sam,\n\nThanks so much for the offer. I have decided not to accept it. I am staying "
    "in my current job for now. Sorry to say no.\n\nLet's stay in touch. I hope our paths "
    "cross again.\n\nBest,\nKit\n"
)


def draft(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_fix_prints_the_repaired_letter_and_says_what_is_still_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix")
    assert done.code == 1  # only the person knows whom to greet
    assert done.out.startswith(
        "Dear Hiring Manager,\n\nThank you for the offer and for your time. I have decided"
    )
    assert done.out.endswith("Best regards,\nPat Lee\n")
    assert "Still yours to supply:" in done.err
    assert "the name of the person to write to (--to NAME)" in done.err
    assert "D201  adds thanks" in done.err
    assert path.read_text("utf-8") == GENERIC  # the input is never touched


def test_fix_with_the_name_is_ready_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "--to", "Maria Rossi")
    assert done.code == 0
    assert done.out.startswith("Dear Maria,\n\n")
    assert "Ready to send (score 100)." in done.err
    checked = draft(tmp_path, done.out, "fixed.txt")
    assert decline(capsys, tmp_path / "w.db", "review", str(checked)).code == 0


def test_diff_is_a_unified_diff_of_the_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, ITALIAN)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--diff")
    assert done.code == 0
    lines = done.out.splitlines()
    assert lines[:2] == [f"--- {path}", f"+++ {path} (fixed)"]
    removed = [line for line in lines if line.startswith("-") and not line.startswith("---")]
    assert removed == [
        "-ho deciso di non accettare l'offerta per la posizione di analista. Ho accettato "
        "un'altra proposta più vicina a casa."
    ]
    added = [line for line in lines if line.startswith("+") and not line.startswith("+++")]
    assert added[0].startswith("+desidero ringraziarLa per l'offerta")
    assert " Cordiali saluti," in lines  # context: kept as it was


def test_a_letter_that_is_fine_comes_back_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, FINE)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix")
    assert (done.code, done.out) == (0, FINE)
    assert "nothing to change" in done.err
    assert decline(capsys, tmp_path / "w.db", "review", str(path), "--diff").out == ""


def test_out_never_overwrites_the_input_and_needs_force_to_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    refused = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "-o", str(path))
    assert refused.code == 2
    assert "also an input" in refused.err
    assert path.read_text("utf-8") == GENERIC
    out = tmp_path / "fixed.txt"
    first = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "-o", str(out))
    assert (first.code, first.out) == (1, "")
    assert out.read_text("utf-8").startswith("Dear Hiring Manager,\n\nThank you")
    again = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "-o", str(out))
    assert again.code == 2
    assert "already exists" in again.err
    forced = decline(
        capsys, tmp_path / "w.db", "review", str(path), "--fix", "--to", "Ann Lo", "-o",
        str(out), "--force",
    )  # fmt: skip
    assert forced.code == 0
    assert out.read_text("utf-8").startswith("Dear Ann,\n\nThank you")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".fixed")]


def test_json_is_the_repair_with_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "--format", "json")
    data = json.loads(done.out)
    assert set(data) == {"text", "lang", "ready", "changes", "needs", "report"}
    assert data["ready"] is False
    assert data["lang"] == "en"
    assert data["report"]["graceful"] is True
    assert [change["rule"] for change in data["changes"]] == ["D201", "D402", "D601", None]
    rebuilt = GENERIC  # the changes are edits of the draft's own spans
    for change in reversed(data["changes"]):
        start, end = change["offset"], change["offset"] + change["length"]
        rebuilt = rebuilt[:start] + change["replacement"] + rebuilt[end:]
    assert rebuilt == data["text"]


def test_offer_takes_whom_to_greet_and_your_name_from_the_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.db"
    assert decline(capsys, db, "add", str(example_offers())).code == 0
    path = draft(tmp_path, "Dear Sir or Madam,\n\nI have decided not to accept the offer.\n")
    done = decline(capsys, db, "review", str(path), "--fix", "--offer", "acme")
    assert done.code == 0, done.err
    assert done.out.startswith("Dear Maria,\n\n")
    assert done.out.rstrip().endswith("Alex Rivera")
    unknown = decline(capsys, db, "review", str(path), "--fix", "--offer", "nope")
    assert unknown.code == 2
    assert "no offer 'nope'" in unknown.err


def test_decided_says_the_no_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, "Hi Sam,\n\nThanks so much for the offer.\n\nBest,\nKit\n")
    undecided = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix")
    assert undecided.code == 1
    assert "a clear decision" in undecided.err
    assert "decided" not in undecided.out
    decided = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "--decided")
    assert decided.code == 0
    assert decided.out.startswith("Hi Sam,\n\nThanks so much for the offer. ")
    assert "decided" in decided.out
    assert decided.out.count("sorry") == 1  # the decision's own regret is not said twice


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "Ann"], "--to only works with --fix or --diff"),
        (["--decided"], "--decided only works with --fix or --diff"),
        (["--fix", "other.txt"], "one draft at a time"),
        (["--fix", "--format", "languagetool"], "not languagetool"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = draft(tmp_path, GENERIC)
    draft(tmp_path, FINE, "other.txt")
    done = decline(capsys, tmp_path / "w.db", "review", str(path), *args)
    assert done.code == 2
    assert message in done.err
    assert "Traceback" not in done.err


def test_bad_drafts_and_values_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = draft(tmp_path, "  \n", "empty.txt")
    done = decline(capsys, tmp_path / "w.db", "review", str(empty), "--fix")
    assert done.code == 2
    assert "empty" in done.err
    blank_name = decline(
        capsys, tmp_path / "w.db", "review", str(draft(tmp_path, GENERIC)), "--fix", "--to", " "
    )
    assert blank_name.code == 2
    assert "to: expected a non-empty text" in blank_name.err
    missing = decline(capsys, tmp_path / "w.db", "review", str(tmp_path / "nope.txt"), "--fix")
    assert missing.code == 2
    assert "Traceback" not in missing.err


def test_languagetool_matches_carry_the_text_to_insert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    done = decline(capsys, tmp_path / "w.db", "review", str(path), "--format", "languagetool")
    matches = {match["rule"]["id"]: match for match in json.loads(done.out)["matches"]}
    thanks = matches["D201"]
    assert thanks["length"] == 0
    assert thanks["replacements"] == [{"value": "Thank you for the offer and for your time. "}]
    ending = matches["D601"]["replacements"][0]["value"]
    assert ending == "\n\nI would be glad to stay in touch. I hope our paths cross again."
    # applied at the match, the replacement gives the repaired letter's text there
    at = matches["D601"]["offset"]
    assert GENERIC[:at] + ending + GENERIC[at:] != GENERIC
    assert matches["D401"]["replacements"] == []  # whom to greet: only the person knows


def test_standard_input_and_the_exit_code_a_shell_sees(tmp_path: Path) -> None:
    process = start(tmp_path, "review", "-", "--fix", "--to", "Maria Rossi", "--name", "Pat")
    out, err = process.communicate(GENERIC.encode("utf-8"), timeout=60)
    assert process.returncode == 0, err
    assert out.decode("utf-8").startswith("Dear Maria,\n\nThank you")
    assert b"Ready to send" in err
    diff = start(tmp_path, "review", "-", "--diff")
    out, err = diff.communicate(ITALIAN.encode("utf-8"), timeout=60)
    assert diff.returncode == 0, err
    assert out.decode("utf-8").startswith("--- <stdin>\n+++ <stdin> (fixed)\n")
    assert subprocess.TimeoutExpired  # every wait above is bounded


def test_ignored_rules_are_not_acted_on_from_the_option_or_the_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path, GENERIC)
    optioned = decline(capsys, tmp_path / "w.db", "review", str(path), "--fix", "--ignore", "D402")
    assert "adds regret" not in optioned.err
    assert "I am sorry" not in optioned.out
    config = tmp_path / "config.toml"
    config.write_text('[review]\nignore = ["D601"]\n', "utf-8")
    configured = decline(
        capsys, tmp_path / "w.db", "--config", str(config), "review", str(path), "--fix"
    )
    err = configured.err
    assert "adds stay connected" not in err
    assert "adds regret" in err
