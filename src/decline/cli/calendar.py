"""`decline calendar`: deadlines and follow-ups as an .ics file for any calendar app."""

from __future__ import annotations

from datetime import date

import click

from decline.cli.workspace_options import open_workspace


@click.command(name="calendar")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write the calendar here (default, or -: standard output).",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.pass_context
def command(ctx: click.Context, out: str | None, force: bool) -> None:
    """Export offer deadlines (all-day) and follow-ups (09:00 local) as RFC 5545."""
    from decline.cli.io import check_output, is_stdio, write_output
    from decline.workspace.calendar_export import build_calendar

    if out is not None:
        check_output(out, force=force)

    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        calendar = build_calendar(connection, date.today())
    data = calendar.to_ical()
    events = len(calendar.walk("VEVENT"))
    write_output(out, data, force=force)
    if out is None or is_stdio(out):
        return
    click.echo(f"{out}: {events} event{'s' if events != 1 else ''}; import it into your calendar")
