"""`decline sent ID`: confirm that you sent the decline yourself; follow-ups start."""

from __future__ import annotations

from datetime import date

import click

from decline.cli.workspace_options import open_workspace


@click.command(name="sent")
@click.argument("offer_id")
@click.pass_context
def command(ctx: click.Context, offer_id: str) -> None:
    """Confirm that the decline for offer ID went out (you sent it yourself)."""
    from decline.service.letters import confirm_sent

    with open_workspace(ctx) as workspace:
        count = confirm_sent(workspace, offer_id, date.today())
    click.echo(
        f"{offer_id}: recorded as sent; {count} follow-up{'s' if count != 1 else ''} "
        "planned: decline followups"
    )
