"""`decline decide ID accept|decline`: record the decision on an offer."""

from __future__ import annotations

import click

from decline.cli.workspace_options import open_workspace
from decline.workspace.store import utc_now


@click.command(name="decide")
@click.argument("offer_id")
@click.argument("decision", type=click.Choice(["accept", "decline"]))
@click.pass_context
def command(ctx: click.Context, offer_id: str, decision: str) -> None:
    """Record that you accept or decline offer ID.

    Accepting a second offer is recorded but warned about: `decline status` then asks you
    to keep one. A decline is sent only to an offer recorded as declined.
    """
    from decline.service.offers import decide

    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        recorded = decide(connection, offer_id, decision, utc_now())
    if not recorded.changed:
        click.echo(f"{offer_id}: already recorded as {decision}")
    elif decision == "decline":
        click.echo(
            f"{offer_id}: decline recorded — tell them today (P3): `decline send {offer_id}`"
        )
    else:
        click.echo(f"{offer_id}: accept recorded — decline the other offers promptly")
    for other_id, company in recorded.other_acceptances:
        click.echo(
            f"decline: warning — you also accepted {other_id} ({company}); keep one, and "
            f"record the other as declined: `decline decide {other_id} decline`",
            err=True,
        )
