"""`decline calendar`: deadlines and follow-ups as an .ics file for any calendar app."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from decline.cli.workspace_options import open_workspace


@click.command(name="calendar")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the calendar here (default: standard output).",
)
@click.pass_context
def command(ctx: click.Context, out: Path | None) -> None:
    """Export offer deadlines (all-day) and follow-ups (09:00 local) as RFC 5545."""
    from decline.workspace.calendar_export import build_calendar

    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        calendar = build_calendar(connection, date.today())
    data = calendar.to_ical()
    events = len(calendar.walk("VEVENT"))
    if out is None:
        sys.stdout.buffer.write(data)
        return
    out.write_bytes(data)
    click.echo(f"{out}: {events} event{'s' if events != 1 else ''}; import it into your calendar")
