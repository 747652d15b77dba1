"""`decline forget ID`: remove an offer and everything tied to it, after confirmation."""

from __future__ import annotations

import sys

import click

from decline.cli.workspace_options import open_workspace
from decline.errors import InputError
from decline.exitcodes import ExitCode
from decline.workspace.catalog import forget, forget_counts, get_offer

_NOUNS = {
    "contacts": ("contact", "contacts"),
    "decisions": ("decision", "decisions"),
    "letters": ("letter", "letters"),
    "followups": ("follow-up", "follow-ups"),
}


@click.command(name="forget")
@click.argument("offer_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@click.pass_context
def command(ctx: click.Context, offer_id: str, yes: bool) -> None:
    """Remove offer ID with its contacts, decision, letters and follow-ups.

    Asks first; answering no changes nothing and exits with 1. Without a terminal to ask
    in, pass --yes.
    """
    with open_workspace(ctx) as workspace:
        with workspace.transaction() as connection:
            offer = get_offer(connection, offer_id)
            counts = forget_counts(connection, offer_id)
        tied = ", ".join(
            f"{count} {_NOUNS[table][count != 1]}" for table, count in counts.items() if count
        )
        what = f"{offer.company} ({offer_id})" + (f" and {tied}" if tied else "")
        if not yes:
            if not sys.stdin.isatty():
                raise InputError(f"forgetting {what} needs confirmation: pass --yes")
            # Asked with no lock held: the web app and other commands go on meanwhile.
            if not click.confirm(f"Forget {what}? This cannot be undone"):
                click.echo(f"Nothing changed: {offer_id} is kept.", err=True)
                ctx.exit(ExitCode.NEGATIVE)
        with workspace.transaction() as connection:
            if forget_counts(connection, offer_id) != counts:
                raise InputError(
                    f"{offer_id} changed while you were asked; nothing was forgotten, "
                    "run the command again"
                )
            forget(connection, offer_id)
    click.echo(f"forgot {what}")
