"""`decline add OFFERS.toml`: copy the offers into the workspace, updating by id."""

from __future__ import annotations

import sys

import click

from decline.cli.workspace_options import open_workspace
from decline.exitcodes import ExitCode
from decline.workspace.store import utc_now


@click.command(name="add")
@click.argument("offers_file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--yes", is_flag=True, help="Replace stored offers whose terms changed, unasked.")
@click.pass_context
def command(ctx: click.Context, offers_file: str, yes: bool) -> None:
    """Import offers and contacts; importing twice changes nothing, other offers are kept.

    An offer already stored under the same id with other terms is replaced only after you
    confirm (or with --yes); its recorded decision is kept, and said so. Answering no
    changes nothing and exits with 1. OFFERS_FILE may be - to read standard input.
    """
    from decline.cli.io import label, read_offers
    from decline.service.offers import ReplaceNeeded, add_offers, replace_message

    offers = read_offers(offers_file)
    with open_workspace(ctx) as workspace:
        with workspace.transaction() as connection:
            try:
                result = add_offers(connection, offers, utc_now(), replace=yes)
                replaced: dict[str, str | None] = {}
            except ReplaceNeeded as question:
                replaced = question.offers
        if replaced:
            if offers_file == "-" or not sys.stdin.isatty():
                raise ReplaceNeeded(f"{replace_message(replaced)}; pass --yes to replace", replaced)
            if not click.confirm(f"decline: {replace_message(replaced)}. Replace?"):
                click.echo(f"Nothing changed: {workspace.path} is kept as it was.", err=True)
                ctx.exit(ExitCode.NEGATIVE)
            with workspace.transaction() as connection:
                result = add_offers(connection, offers, utc_now(), replace=True)
    summary = result.summary
    parts = [
        f"{len(ids)} {label} ({', '.join(ids)})"
        for label, ids in (
            ("added", summary.added),
            ("updated", summary.updated),
            ("unchanged", summary.unchanged),
        )
        if ids
    ]
    click.echo(
        f"{label(offers_file)}: " + ("; ".join(parts) or "no offers") + f" — in {workspace.path}"
    )
    for offer_id, decision in result.kept_decisions.items():
        click.echo(
            f"decline: {offer_id} was replaced and keeps its recorded decision ({decision}); "
            f"record it again if the new terms change it: `decline decide {offer_id} …`",
            err=True,
        )
