"""`decline sent ID`: confirm that you sent the decline yourself; follow-ups start."""

from __future__ import annotations

from datetime import date

import click

from decline.cli.workspace_options import open_workspace
from decline.workspace.catalog import get_candidate, get_offer
from decline.workspace.followups import plan
from decline.workspace.letters import confirm_sent
from decline.workspace.store import utc_now


@click.command(name="sent")
@click.argument("offer_id")
@click.pass_context
def command(ctx: click.Context, offer_id: str) -> None:
    """Confirm that the decline for offer ID went out (you sent it yourself)."""
    now = utc_now()
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        offer = get_offer(connection, offer_id)
        letter_id = confirm_sent(connection, offer_id, now)
        row = connection.execute(
            "SELECT recipient_email, lang FROM letters WHERE id = ?", (letter_id,)
        ).fetchone()
        candidate = get_candidate(connection)
        lang = row["lang"] or (candidate.lang if candidate else "en")
        count = plan(
            connection,
            offer,
            candidate,
            letter_id=letter_id,
            recipient_email=row["recipient_email"],
            lang=lang,
            sent_on=date.today(),
            now=now,
        )
    click.echo(
        f"{offer_id}: recorded as sent; {count} follow-up{'s' if count != 1 else ''} "
        "planned: decline followups"
    )
