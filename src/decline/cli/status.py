"""`decline status`: each open offer, most urgent first, and what to do next (P3)."""

from __future__ import annotations

import json

import click

from decline.cli.workspace_options import human_day, open_workspace, parse_day
from decline.workspace.followups import list_followups
from decline.workspace.status import OfferStatus, offer_statuses


def _line(status: OfferStatus) -> str:
    facts = []
    if status.received and status.days_since_received is not None:
        facts.append(f"received {human_day(status.received)} ({status.days_since_received} d ago)")
    if status.deadline and status.days_to_deadline is not None:
        days = status.days_to_deadline
        left = f"in {days} d" if days >= 0 else f"{-days} d late"
        facts.append(f"deadline {human_day(status.deadline)} ({left})")
    facts.append(f"decision: {status.decision or 'none'}")
    facts.append(f"letter: {status.letter or 'none'}")
    mark = "LATE " if status.late else ""
    return (
        f"{mark}{status.company} — {status.role} [{status.offer_id}]\n"
        f"  {' · '.join(facts)}\n"
        f"  → {status.next_step}"
    )


@click.command(name="status")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("--today", metavar="DATE", help="Count days from this date (YYYY-MM-DD).")
@click.option("--all", "show_all", is_flag=True, help="Include offers with nothing left to do.")
@click.pass_context
def command(ctx: click.Context, output_format: str, today: str | None, show_all: bool) -> None:
    """Show each open offer, most urgent first, with the next step."""
    day = parse_day(today, "--today")
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        statuses = offer_statuses(connection, day)
        due = list_followups(connection, due_by=day)
    shown = [status for status in statuses if show_all or status.open]
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "schema": 1,
                    "today": day.isoformat(),
                    "offers": [status.to_dict() for status in shown],
                    "followups_due": len(due),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not statuses:
        click.echo("No offers yet: decline add OFFERS.toml")
        return
    for status in shown:
        click.echo(_line(status))
    closed = len(statuses) - len(shown)
    if not shown:
        click.echo("Nothing urgent: every offer is decided and answered.")
    if closed:
        click.echo(f"({closed} offer{'s' if closed != 1 else ''} done; --all shows them)")
    if due:
        plural = "s" if len(due) != 1 else ""
        click.echo(f"{len(due)} follow-up{plural} due: decline followups --due")
