"""`decline followups`: list, complete and snooze the follow-ups (P6, P7)."""

from __future__ import annotations

import click

from decline.cli.workspace_options import human_day, open_workspace, parse_day
from decline.service import letters


@click.command(name="followups")
@click.option("--due", is_flag=True, help="Only the follow-ups due by today.")
@click.option("--done", "done_id", type=int, metavar="N", help="Mark follow-up N as done.")
@click.option(
    "--snooze",
    "snooze_args",
    type=(int, int),
    metavar="N DAYS",
    help="Move follow-up N later by DAYS days.",
)
@click.option("--all", "show_all", is_flag=True, help="Include the ones already done.")
@click.option("--today", metavar="DATE", help="Count due dates from this date (YYYY-MM-DD).")
@click.pass_context
def command(
    ctx: click.Context,
    due: bool,
    done_id: int | None,
    snooze_args: tuple[int, int] | None,
    show_all: bool,
    today: str | None,
) -> None:
    """List follow-ups with a short message to send; mark them done or snooze them."""
    day = parse_day(today, "--today")
    with open_workspace(ctx) as workspace:
        if done_id is not None:
            letters.followup_done(workspace, done_id)
            click.echo(f"follow-up {done_id}: done")
            return
        if snooze_args is not None:
            number, days = snooze_args
            new_day = letters.followup_snooze(workspace, number, days)
            click.echo(f"follow-up {number}: moved to {human_day(new_day)}")
            return
        followups = letters.followups(workspace, due_by=day if due else None, include_done=show_all)
    if not followups:
        click.echo(
            "No follow-ups due." if due else "No follow-ups yet: they start when a decline is sent."
        )
        return
    for followup in followups:
        when = (followup.due - day).days
        timing = "due today" if when == 0 else f"in {when} d" if when > 0 else f"{-when} d overdue"
        done = " (done)" if followup.done_at else ""
        click.echo(
            f"#{followup.id} {human_day(followup.due)} ({timing}){done} — {followup.title}\n"
            f"   {followup.message}"
        )
