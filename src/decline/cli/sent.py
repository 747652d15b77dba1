"""`decline sent ID`: confirm that you sent the decline yourself; follow-ups start."""

from __future__ import annotations

from datetime import date

import click

from decline.cli.workspace_options import open_workspace
from decline.workspace.confirm import record_sent


@click.command(name="sent")
@click.argument("offer_id")
@click.pass_context
def command(ctx: click.Context, offer_id: str) -> None:
    """Confirm that the decline for offer ID went out (you sent it yourself)."""
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        count = record_sent(connection, offer_id, date.today())
    click.echo(
        f"{offer_id}: recorded as sent; {count} follow-up{'s' if count != 1 else ''} "
        "planned: decline followups"
    )
