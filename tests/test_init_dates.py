"""`decline init` dates the example's offers from today, so a new user's are never late."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from decline.cli.init import EXAMPLE_DAY, example_text

ROOT = Path(__file__).resolve().parent.parent


def dates(text: str) -> dict[str, tuple[date, date]]:
    data = tomllib.loads(text)
    return {o["id"]: (o["received"], o["deadline"]) for o in data["offer"]}


def test_bundled_example_and_examples_folder_are_the_same_file() -> None:
    assert example_text() == (ROOT / "examples" / "offers.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("today", [date(2027, 3, 1), date(2026, 1, 31), EXAMPLE_DAY])
def test_dates_move_with_today_and_nothing_else_changes(today: date) -> None:
    shifted = example_text(today)
    original = example_text()
    shift = today - EXAMPLE_DAY
    assert dates(shifted) == {k: (r + shift, d + shift) for k, (r, d) in dates(original).items()}
    assert max(r for r, _ in dates(shifted).values()) == today  # the newest came today
    assert all(d > today for _, d in dates(shifted).values())  # no deadline has passed
    pattern = re.compile(r"(?m)^(received|deadline) = .*$")
    assert pattern.sub("", shifted) == pattern.sub("", original)  # comments and all kept


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decline", "--no-color", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "DECLINE_CONFIG": "/nonexistent/config.toml"},
        check=False,
    )


def test_letters_from_a_new_file_are_not_late(tmp_path: Path) -> None:
    assert run("init", "offers.toml", cwd=tmp_path).returncode == 0
    text = (tmp_path / "offers.toml").read_text(encoding="utf-8")
    today = date.today()
    if max(r for r, _ in dates(text).values()) != today:  # midnight passed meanwhile
        today -= timedelta(days=1)
    assert max(r for r, _ in dates(text).values()) == today
    for offer in ("acme", "beta"):
        out = run("write", "offers.toml", "--offer", offer, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert "D303" not in out.stderr
        assert "score 100 · graceful · ready to send" in out.stderr


def test_the_demo_runs_on_the_examples_own_day(tmp_path: Path) -> None:
    out = run("demo", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "D303" not in out.stdout
    written = [line for line in out.stdout.splitlines() if line.startswith(("checker: ", "also "))]
    assert len(written) == 4, out.stdout
    assert not any("not ready" in line or "non pronta" in line for line in written), written
