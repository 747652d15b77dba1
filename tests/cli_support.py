"""Run the real `decline` entry point in process and capture its exit code and output."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

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
