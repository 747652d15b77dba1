"""Shared fixtures: run the real `decline` command in a subprocess."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# decline keeps what it derives from its own files in a cache (decline.cache): the tests,
# and every command they start, keep theirs in a folder of their own, never the user's.
os.environ["DECLINE_CACHE"] = tempfile.mkdtemp(prefix="decline-test-cache-")
atexit.register(shutil.rmtree, os.environ["DECLINE_CACHE"], ignore_errors=True)


@pytest.fixture
def decline_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Return a runner of `python -m decline …` with an isolated config and workspace."""

    def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "DECLINE_CONFIG": str(tmp_path / "config.toml"),
            "DECLINE_DB": str(tmp_path / "decline.db"),
            "NO_COLOR": "1",
        }
        data = stdin.encode() if isinstance(stdin, str) else stdin
        result = subprocess.run(
            [sys.executable, "-m", "decline", *args],
            input=data,
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )
        return subprocess.CompletedProcess(
            result.args,
            result.returncode,
            result.stdout.decode("utf-8"),
            result.stderr.decode("utf-8"),
        )

    return run
