"""docs/design.md states contracts; these tests keep the ones a program can check true."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import decline
from decline.checker.rules import RULES
from decline.cli.main import cli
from decline.exitcodes import ExitCode

ROOT = Path(__file__).resolve().parents[1]
DESIGN = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")


def block(marker: str) -> str:
    """Return the text between `<!-- marker -->` and `<!-- /marker -->`."""
    found = re.search(rf"<!-- {marker} -->\n(.*?)<!-- /{marker} -->", DESIGN, re.S)
    assert found, f"docs/design.md has no {marker} block"
    return found.group(1)


def fenced(after: str, language: str) -> str:
    """Return the first fenced block of `language` after the heading `after`."""
    start = DESIGN.index(after)
    found = re.search(rf"```{language}\n(.*?)```", DESIGN[start:], re.S)
    assert found, f"no {language} block after {after!r}"
    return found.group(1)


def test_the_exit_code_table_is_the_enum() -> None:
    rows = re.findall(r"^\| (\d) \| (.+?) \|$", block("exit-codes"), re.M)
    assert [int(code) for code, _ in rows] == [int(code) for code in ExitCode]
    meanings = dict(rows)
    assert "Ctrl-C" in meanings[str(int(ExitCode.INTERRUPTED))]
    assert "outside service" in meanings[str(int(ExitCode.SERVICE_FAILED))]


def test_the_command_table_lists_every_command_and_no_other() -> None:
    documented = re.findall(r"^\| `decline ([a-z]+)` \|", block("commands"), re.M)
    assert sorted(documented) == sorted(cli.list_commands(None))  # type: ignore[arg-type]
    assert len(documented) == len(set(documented))


def test_the_offer_file_example_loads_as_written(tmp_path: Path) -> None:
    example = fenced("### The offer file (TOML)", "toml")
    path = tmp_path / "offers.toml"
    path.write_text(example, encoding="utf-8")
    offers = decline.load_offers(path)
    assert [offer.id for offer in offers.offers] == ["acme"]
    assert offers.candidate.name == "Alex Rivera"


def test_a_misspelt_key_in_the_example_is_refused(tmp_path: Path) -> None:
    example = fenced("### The offer file (TOML)", "toml").replace("pto_days", "pto_dayz", 1)
    path = tmp_path / "offers.toml"
    path.write_text(example, encoding="utf-8")
    with pytest.raises(decline.InputError, match="pto_dayz"):
        decline.load_offers(path)


def test_the_report_example_has_the_real_report_keys() -> None:
    example = json.loads(fenced("### The review report", "json").replace("…", "x"))
    real: dict[str, Any] = decline.review(
        "Dear Maria,\n\nThank you for the offer. I have decided to decline it.\n\n"
        "Best regards,\nAlex"
    ).to_dict()
    assert set(example) == set(real)
    assert set(example["signals"]) == set(real["signals"])
    assert set(example["findings"][0]) <= set(real["findings"][0])
    assert len(real["signals"]) == 10


def test_every_rule_code_has_the_documented_shape() -> None:
    assert RULES
    for rule in RULES:
        assert re.fullmatch(r"D[2-79]\d\d", rule.code), rule.code
        if not rule.code.startswith("D9"):
            assert rule.principle == f"P{rule.code[1]}", rule.code
    assert len({rule.code for rule in RULES}) == len(RULES)


def test_every_budget_bench_checks_is_the_one_documented() -> None:
    table = DESIGN[DESIGN.index("## Budgets") :]
    numbers = {float(n.replace(",", "")) for n in re.findall(r"(\d[\d,]*(?:\.\d+)?)", table)}
    checked = set()
    for path in (ROOT / "benchmarks").glob("bench*.py"):
        source = path.read_text(encoding="utf-8")
        for budget in re.findall(r",\s*([\d_.]+|BUDGET_MS),\s*\"[≥≤]\"\)", source):
            if budget == "BUDGET_MS":
                budget = re.search(r"BUDGET_MS\s*=\s*([\d_.]+)", source).group(1)  # type: ignore[union-attr]
            checked.add(float(budget.replace("_", "")))
    checked.discard(0.0)  # "no errors"
    assert checked, "found no budgets in benchmarks/"
    ms = {value * 1000 for value in numbers}  # "0.5 s" is checked in milliseconds
    assert checked <= numbers | ms, checked - (numbers | ms)


def test_the_offer_file_example_is_valid_toml() -> None:
    tomllib.loads(fenced("### The offer file (TOML)", "toml"))


def test_the_code_cites_the_design_in_the_repository() -> None:
    stale = [
        str(path.relative_to(ROOT))
        for folder in ("src", "tests", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"(?<![\w/])DESIGN\.md", path.read_text(encoding="utf-8"))
    ]
    assert not stale, f"cite docs/design.md, the copy in the repository: {stale}"
