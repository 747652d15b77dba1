"""Run the real `decline` entry point, in process or as the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from decline.cli.main import run


@dataclass(frozen=True)
class Outcome:
    """What one command did."""

    code: int
    out: str
    err: str


def example_offers() -> Path:
    """Return the bundled example offer file."""
    return Path(str(resources.files("decline") / "data" / "example_offers.toml"))


def decline(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Outcome:
    """Run `decline --db DB ARGS…` as a user would, returning its exit code and output."""
    with pytest.raises(SystemExit) as done:
        run(["--db", str(db), *args])
    captured = capsys.readouterr()
    code = done.value.code
    return Outcome(code if isinstance(code, int) else 0, captured.out, captured.err)


DECLINE = Path(sys.executable).with_name("decline")
"""The installed `decline` console script, exactly what a user runs."""


def start(
    tmp_path: Path,
    *args: str,
    stdin: int | None = subprocess.PIPE,
    env: dict[str, str] | None = None,
    **options: Any,
) -> subprocess.Popen[bytes]:
    """Start the real `decline` console script with an isolated config and workspace."""
    env = {
        **os.environ,
        "DECLINE_CONFIG": str(tmp_path / "config.toml"),
        "DECLINE_DB": str(tmp_path / "decline.db"),
        "NO_COLOR": "1",
        **(env or {}),
    }
    env.pop("DECLINE_DEBUG", None)
    return subprocess.Popen(
        [str(DECLINE), *args],
        stdin=stdin,
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=options.pop("stderr", subprocess.PIPE),
        env=env,
        cwd=tmp_path,
        **options,
    )
