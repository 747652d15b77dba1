"""`decline compare` and `decline init` as a user runs them: output, files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from decline.cli.init import example_text
from decline.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "offers.toml")


def decline(
    *args: str, cwd: Path | None = None, columns: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command in a new process, as a user would (COLUMNS: the terminal's width)."""
    env = {"PATH": "/usr/bin:/bin", "DECLINE_CONFIG": "/nonexistent/config.toml"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "decline", "--no-color", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
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


def six_offers(tmp_path: Path) -> Path:
    """Return an offer file with the example's three offers and three more, long names."""
    text = (ROOT / "examples" / "offers.toml").read_text(encoding="utf-8")
    head, *offers = text.split("[[offer]]\n")
    names = ["Delta Logistics International", "Epsilon", "Zeta Health & Care Holdings"]
    for number, name in enumerate(names):
        source = offers[number].splitlines()
        source[0] = f'id = "extra-{number}"'
        source[1] = f'company = "{name}"'
        offers.append("\n".join(source) + "\n")
    path = tmp_path / "six.toml"
    path.write_text(head + "".join(f"[[offer]]\n{o}" for o in offers), encoding="utf-8")
    return path


@pytest.mark.parametrize("count", [3, 6])
def test_table_fits_80_columns(tmp_path: Path, count: int) -> None:
    path = EXAMPLE if count == 3 else str(six_offers(tmp_path))
    out = decline("compare", path, cwd=tmp_path, columns=80)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(len(line) for line in lines if not line.startswith("  decline write")) <= 80
    scores = [line for line in lines if line.startswith("│ Score (0–100)")]
    assert len(scores) == (1 if count == 3 else 2)  # six offers: two tables of the same rows
    companies = "".join(lines[: lines.index("Weights: your priorities, normalised to 100%.")])
    names = ["Beta Robotics", "Acme Analytics", "Gamma Pay"]
    if count == 3:
        assert all(name in companies for name in names)
    else:  # long names wrap inside their column, never cut
        names += ["Delta Logistics International", "Epsilon", "Zeta Health & Care Holdings"]
        assert all(word in companies for name in names for word in name.split())
    assert "Recommendation: accept Beta Robotics" in out.stdout


def test_table_uses_a_wider_terminal(tmp_path: Path) -> None:
    out = decline("compare", EXAMPLE, cwd=tmp_path, columns=100)
    assert max(len(line) for line in out.stdout.splitlines()) > 80
    assert "│ Role                 │ Data Platform Engineer │" in out.stdout


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
    assert printed == example_text(date.today())  # the example, dated from today
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


@pytest.mark.parametrize(
    "word",
    ["", "offers.toml", "my offers.toml", "it's.toml", "a'b'c", "$HOME/x", "ü.toml", "-",
     "path/with:colon@x%y+z=w,v", "tab\there", "new\nline", "'", '"', "`x`", "a;b", "~/o.toml"],
)  # fmt: skip
def test_the_next_commands_quote_a_file_name_as_shlex_does(word: str) -> None:
    import shlex

    from decline.evaluate.explain import shell_quoted

    assert shell_quoted(word) == shlex.quote(word)
