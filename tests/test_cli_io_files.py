"""Naming files on the command line: `-` everywhere, outputs that never destroy inputs.

Every test runs the real command in a subprocess, as a user would.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from cli_support import example_offers

Run = Callable[..., CompletedProcess[str]]
GOLDEN = Path(__file__).parent / "golden" / "review"
GOOD = (GOLDEN / "en_graceful.txt").read_text(encoding="utf-8")


@pytest.fixture
def offers(tmp_path: Path) -> Path:
    path = tmp_path / "offers.toml"
    path.write_text(example_offers().read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _refused(result: CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# 1. An output never overwrites an input; an existing output needs --force.


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "offers.toml", "-o", "{out}"],
        ["compare", "offers.toml", "--chart", "{out}"],
        ["write", "offers.toml", "--offer", "acme", "-o", "{out}"],
        ["review", "draft.txt", "-o", "{out}"],
    ],
)
@pytest.mark.parametrize("alias", ["same", "hard link", "symlink", "other spelling"])
def test_an_output_that_is_an_input_is_refused_even_with_force(
    decline_cli: Run, tmp_path: Path, offers: Path, draft: Path, command: list[str], alias: str
) -> None:
    source = draft if "review" in command else offers
    before = source.read_bytes()
    out = {
        "same": source.name,
        "hard link": "link",
        "symlink": "symlink",
        "other spelling": f"./sub/../{source.name}",
    }[alias]
    (tmp_path / "sub").mkdir()
    os.link(source, tmp_path / "link")
    (tmp_path / "symlink").symlink_to(source)
    args = [arg.replace("{out}", out) for arg in command]
    result = decline_cli(*args, "--force")
    _refused(result, "is also an input")
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "offers.toml", "-o", "out.txt"],
        ["compare", "offers.toml", "--chart", "out.svg"],
        ["write", "offers.toml", "--offer", "acme", "-o", "out.txt"],
        ["review", "draft.txt", "-o", "out.txt"],
        ["calendar", "-o", "out.ics"],
        ["export", "-o", "out.json"],
        ["init", "out.toml"],
    ],
)
def test_an_existing_output_needs_force_and_is_replaced_whole(
    decline_cli: Run, tmp_path: Path, offers: Path, draft: Path, command: list[str]
) -> None:
    target = tmp_path / next(arg for arg in command if arg.startswith("out."))
    target.write_text("precious\n", encoding="utf-8")
    os.chmod(target, 0o640)
    _refused(decline_cli(*command), "already exists")
    assert target.read_text(encoding="utf-8") == "precious\n"
    done = decline_cli(*command, "--force")
    assert done.returncode in (0, 1), done.stderr
    assert target.read_text(encoding="utf-8") != "precious\n"
    assert target.stat().st_mode & 0o777 == 0o640  # replaced, with its permissions
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_write_leaves_no_file_and_no_temporary(
    decline_cli: Run, tmp_path: Path, offers: Path
) -> None:
    result = decline_cli("compare", "offers.toml", "--chart", "chart.pdf")
    _refused(result, "--chart")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offers.toml"]


def test_an_output_in_a_missing_folder_is_one_clear_line(decline_cli: Run, offers: Path) -> None:
    _refused(decline_cli("compare", "offers.toml", "-o", "nowhere/out.txt"), "no folder")


# 2. `-` is standard input for every input, standard output for every output.


def test_compare_reads_the_offer_file_from_standard_input(decline_cli: Run, offers: Path) -> None:
    piped = decline_cli("compare", "-", "--format", "json", stdin=offers.read_bytes())
    named = decline_cli("compare", "offers.toml", "--format", "json")
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout) == json.loads(named.stdout)


def test_a_bad_offer_file_on_standard_input_names_stdin(decline_cli: Run) -> None:
    _refused(decline_cli("compare", "-", stdin=b"[candidate\n"), "<stdin>:1")


def test_write_reads_the_offer_file_from_standard_input_and_saves(
    decline_cli: Run, offers: Path
) -> None:
    piped = decline_cli("write", "-", "--offer", "acme", "--save", stdin=offers.read_bytes())
    named = decline_cli("write", "offers.toml", "--offer", "acme")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == named.stdout
    assert "saved as the draft for acme" in piped.stderr


def test_add_reads_the_offer_file_from_standard_input(decline_cli: Run, offers: Path) -> None:
    added = decline_cli("add", "-", stdin=offers.read_bytes())
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("<stdin>: 3 added (acme, beta, gamma)")


def test_init_dash_prints_the_example_and_creates_no_file(decline_cli: Run, tmp_path: Path) -> None:
    printed = decline_cli("init", "-")
    assert printed.returncode == 0, printed.stderr
    assert "[[offer]]" in printed.stdout
    assert not (tmp_path / "-").exists()
    compared = decline_cli("compare", "-", "--format", "json", stdin=printed.stdout)
    assert compared.returncode == 0, compared.stderr  # what init suggests works


@pytest.mark.parametrize(
    ("command", "stdin", "needle"),
    [
        (["compare", "offers.toml", "-o", "-"], None, "Recommendation"),
        (["write", "offers.toml", "--offer", "acme", "-o", "-"], None, "Dear"),
        (["review", "-", "-o", "-"], GOOD, "ready to send"),
        (["calendar", "-o", "-"], None, "BEGIN:VCALENDAR"),
        (["export", "-o", "-"], None, '"tables"'),
        (["export", "--format", "toml", "-o", "-"], None, "schema = 1"),
    ],
)
def test_dash_out_is_standard_output_and_creates_no_file(
    decline_cli: Run,
    tmp_path: Path,
    offers: Path,
    command: list[str],
    stdin: str | None,
    needle: str,
) -> None:
    result = decline_cli(*command, stdin=stdin)
    assert result.returncode in (0, 1), result.stderr
    assert needle in result.stdout
    assert not (tmp_path / "-").exists()


def test_a_file_really_named_dash_is_dot_slash_dash(
    decline_cli: Run, tmp_path: Path, offers: Path
) -> None:
    result = decline_cli("compare", "offers.toml", "--format", "json", "-o", "./-")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "-").read_text(encoding="utf-8"))["offers"]


# 4. One bad file does not stop a batch.


def _batch(tmp_path: Path) -> list[str]:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "b.txt").write_text(
        (GOLDEN / "en_flawed.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return ["a.txt", "empty.txt", "missing.txt", "b.txt"]


def test_a_batch_reports_every_readable_file_and_names_each_bad_one(
    decline_cli: Run, tmp_path: Path
) -> None:
    result = decline_cli("review", *_batch(tmp_path))
    assert result.returncode == 2
    summary = result.stdout.split("Summary")[1]
    assert "a.txt" in summary
    assert "b.txt" in summary
    assert "empty.txt" not in result.stdout
    assert result.stderr.splitlines() == [
        "decline: empty.txt: the letter is empty",
        "decline: missing.txt: no such file",
    ]


def test_a_json_batch_lists_the_good_reports_and_names_bad_files_on_stderr(
    decline_cli: Run, tmp_path: Path
) -> None:
    result = decline_cli("review", "--format", "json", *_batch(tmp_path))
    assert result.returncode == 2
    listing = json.loads(result.stdout)
    assert [item["file"] for item in listing] == ["a.txt", "b.txt"]
    assert listing[0]["report"]["ready_to_send"] is True
    assert len(result.stderr.splitlines()) == 2


def test_a_batch_of_good_files_keeps_its_exit_codes(decline_cli: Run, tmp_path: Path) -> None:
    names = _batch(tmp_path)
    assert decline_cli("review", names[0], names[0]).returncode == 0
    assert decline_cli("review", names[0], names[3]).returncode == 1


def test_an_unknown_rule_code_is_still_a_usage_error_for_the_batch(
    decline_cli: Run, tmp_path: Path
) -> None:
    names = _batch(tmp_path)
    result = decline_cli("review", names[0], names[3], "--ignore", "D999")
    _refused(result, "D999")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("command", "needle"),
    [
        (["compare", "offers.toml", "--chart", "-"], "--chart: standard output holds"),
        (["export", "--format", "csv", "-o", "-"], "csv is a folder"),
    ],
)
def test_dash_where_standard_output_cannot_hold_it_is_one_clear_line(
    decline_cli: Run, tmp_path: Path, offers: Path, command: list[str], needle: str
) -> None:
    _refused(decline_cli(*command), needle)
    assert not (tmp_path / "-").exists()
