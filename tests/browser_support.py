"""Shared by the real-browser tests: find Chromium, its flags, polled waits, screenshots.

Uses Debian's `chromium` through Playwright's `executable_path` (no browser download).
Without it a test skips and says so, except on CI (`CI=true`), where a missing browser
fails the run.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from web_support import ROOT

ARTIFACTS = ROOT / "test-artifacts"
"""Screenshots of each step of the journeys."""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    """Return the path of Chromium; skip the test without it (fail it on CI)."""
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    message = "no chromium found (apt-get install chromium); the browser test cannot run"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def until(page: Any, expression: str, timeout: float = 15.0) -> None:
    """Wait until a JS expression is true (polled: the app's CSP forbids eval-based waits)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)
