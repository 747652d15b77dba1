"""`decline compare` and `decline init` as a user runs them: output, files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from decline.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "offers.toml")


def decline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a new process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "decline", "--no-color", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "DECLINE_CONFIG": "/nonexistent/config.toml"},
        check=False,
    )


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--no-color", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_table_for_the_example() -> None:
    out = decline("compare", EXAMPLE)
    assert out.returncode == 0, out.stderr
    assert "Recommendation: accept Beta Robotics" in out.stdout
    assert "€63,220" in out.stdout
    assert "Score (0–100)" in out.stdout
    assert "comes first in" in out.stdout
    assert f"decline write {EXAMPLE} --offer gamma" in out.stdout
    assert "\x1b[" not in out.stdout  # --no-color


def test_table_in_italian_uses_italian_number_format() -> None:
    out = invoke("compare", EXAMPLE, "--lang", "it")
    assert "Consiglio: accetta Beta Robotics" in out
    assert "63.220\u00a0€" in out
    assert "88,6" in out


def test_json_and_markdown() -> None:
    data = json.loads(invoke("compare", EXAMPLE, "--format", "json"))
    assert data["recommendation"]["accept"] == "beta"
    markdown = invoke("compare", EXAMPLE, "--format", "markdown")
    assert markdown.startswith("# Your offers")
    assert "| Score (0–100) | 88.6 | 77.0 | 70.9 |" in markdown


def test_out_file_and_charts(tmp_path: Path) -> None:
    out = tmp_path / "comparison.md"
    svg, png = tmp_path / "c.svg", tmp_path / "c.png"
    assert (
        invoke("compare", EXAMPLE, "--format", "markdown", "-o", str(out), "--chart", str(svg))
        == ""
    )
    assert out.read_text(encoding="utf-8").startswith("# Your offers")
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert "Beta Robotics" in svg.read_text()
    invoke("compare", EXAMPLE, "--format", "json", "--chart", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_seed_and_samples_change_only_the_sensitivity() -> None:
    first = json.loads(invoke("compare", EXAMPLE, "--format", "json", "--seed", "1"))
    second = json.loads(invoke("compare", EXAMPLE, "--format", "json", "--samples", "0"))
    assert first["offers"] == second["offers"]
    assert second["sensitivity"]["win_probability"] == {"acme": 0, "beta": 1, "gamma": 0}


BAD_FILE = """[[offer]]
id = "acme"
company = "Acme"
role = "Engineer"
base_salery = 62000
bonus_target_pct = 120
"""


def test_bad_file_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    path = tmp_path / "offers.toml"
    path.write_text(BAD_FILE, encoding="utf-8")
    out = decline("compare", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert lines == [
        f"decline: {path}:5: offer 'acme': unknown key 'base_salery' — did you mean 'base_salary'?",
        f"{path}:6: offer 'acme': bonus_target_pct: expected a percentage from 0 to 100, found 120",
    ]
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "missing.toml"], "no such offer file"),
        (["compare", EXAMPLE, "--chart", "chart.pdf"], "expected a file ending in .svg or .png"),
        (["compare", EXAMPLE, "--lang", "fr"], "expected one of en, it"),
        (["compare", EXAMPLE, "--format", "html"], "'html' is not one of"),
        (["compare", EXAMPLE, "--samples", "-5"], "--samples"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    out = decline(*args, cwd=tmp_path)
    assert out.returncode == 2, out
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_init_prints_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    printed = invoke("init")
    assert printed == (ROOT / "examples" / "offers.toml").read_text(encoding="utf-8")
    target = tmp_path / "offers.toml"
    assert decline("init", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == printed
    target.write_text("mine", encoding="utf-8")
    refused = decline("init", str(target))
    assert refused.returncode == 2
    assert "already exists" in refused.stderr
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert decline("init", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8") == printed
    # the file init writes is one compare accepts
    assert decline("compare", str(target)).returncode == 0


def test_cli_startup_does_not_import_numpy_or_matplotlib() -> None:
    code = (
        "import sys, decline, decline.cli.main, decline.offers;"
        "print('numpy' in sys.modules, 'matplotlib' in sys.modules, 'rich' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
