"""What the workspace commands share: opening the database the global `--db` names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from decline.dates import parse_date
from decline.workspace.store import Workspace

# Commands that only read: they take no write lock, so they run while another process writes.
READING_COMMANDS = frozenset({"status", "calendar", "export"})


def open_workspace(ctx: click.Context) -> Workspace:
    """Open the workspace named by `--db`/`DECLINE_DB`, else the default one."""
    state = ctx.find_root().obj
    path: Path | None = getattr(state, "db", None)
    workspace = Workspace.open(path, reading=ctx.info_name in READING_COMMANDS)
    if workspace.backup is not None:
        click.echo(
            f"decline: upgraded the workspace; the previous version is kept at {workspace.backup}",
            err=True,
        )
    return workspace


def parse_day(value: str | None, option: str) -> date:
    """Return the date an option names (YYYY-MM-DD), or today's local date."""
    if value is None:
        return date.today()
    return parse_date(value, field=option)


def human_day(day: date) -> str:
    """Return a date as `Fri 27 Nov 2026`, the same in every locale."""
    return f"{day:%a} {day.day} {day:%b %Y}"
