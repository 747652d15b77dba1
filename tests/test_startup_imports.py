"""Each command imports only what its path needs (docs/design.md "Budgets": start-up ≤ 8×
`python -c pass`). Nothing here is timed: a real `decline` process runs with
`python -X importtime`, and the modules it loaded are read from standard error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DECLINE = str(Path(sys.executable).with_name("decline"))
EXAMPLE = str(ROOT / "examples" / "offers.toml")
DRAFT = str(ROOT / "src" / "decline" / "data" / "drafts" / "graceful.txt")

# What only some paths need: the web stack, mail delivery, calendars, locale formats.
WEB = ("starlette", "uvicorn", "jinja2", "decline.web")
MAIL = ("smtplib", "ssl", "email.message")  # decline.send.smtp itself is light
CALENDAR = ("icalendar", "dateutil", "zoneinfo")
LOCALE = ("babel",)
WORKSPACE = ("sqlite3", "decline.workspace")
COMPOSER = ("decline.writer.composer",)


def imported(tmp_path: Path, *args: str) -> set[str]:
    """Run `decline ARGS` on a scratch workspace; return every module the process imported."""
    env = {
        **os.environ,
        "DECLINE_CONFIG": str(tmp_path / "no-config.toml"),
        "DECLINE_DB": str(tmp_path / "decline.db"),
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", DECLINE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert lines, "python -X importtime printed nothing"
    return {line.rsplit("|", 1)[1].strip() for line in lines[1:]}


def loaded(modules: set[str], families: tuple[str, ...]) -> list[str]:
    """Return the modules of `modules` that belong to one of `families` (a package or it)."""
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in families))


def test_the_check_sees_what_a_path_imports(tmp_path: Path) -> None:
    # The probe itself can fail: `review` does load the checker, `compare` the evaluation.
    assert loaded(imported(tmp_path, "review", DRAFT), ("decline.checker",))
    assert loaded(imported(tmp_path, "compare", EXAMPLE), ("decline.evaluate",))


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (("--help",), WEB + MAIL + CALENDAR + LOCALE + WORKSPACE + ("decline.checker",)),
        (("review", DRAFT), WEB + MAIL + CALENDAR + LOCALE + WORKSPACE + ("decline.writer",)),
        # the packaged languages' locales are copied from Babel (decline.languages.formats)
        (("compare", EXAMPLE), WEB + MAIL + CALENDAR + LOCALE + WORKSPACE + ("decline.checker",)),
        (
            ("write", EXAMPLE, "--offer", "acme", "--date", "2026-11-20"),
            WEB + MAIL + CALENDAR + LOCALE,
        ),
        (("send", "--help"), WEB + MAIL + CALENDAR + COMPOSER + ("decline.checker",)),
        (("rules",), WEB + MAIL + CALENDAR + LOCALE + WORKSPACE),
    ],
    ids=["help", "review", "compare", "write", "send-help", "rules"],
)
def test_a_command_imports_only_what_its_path_needs(
    tmp_path: Path, args: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    assert loaded(imported(tmp_path, *args), absent) == []


def test_workspace_commands_skip_the_checker_mail_and_calendar(tmp_path: Path) -> None:
    imported(tmp_path, "add", EXAMPLE)
    for args in (("status", "--today", "2026-11-20"), ("followups",), ("export", "-o", "-")):
        modules = imported(tmp_path, *args)
        assert loaded(modules, WEB + MAIL + CALENDAR + ("decline.checker",)) == [], args
    # the .ics file is written without the icalendar package (the tests read it with it)
    modules = imported(tmp_path, "calendar", "-o", "-")
    assert loaded(modules, ("decline.workspace.calendar_export",))
    assert loaded(modules, WEB + MAIL + CALENDAR + LOCALE + ("decline.checker",)) == []
