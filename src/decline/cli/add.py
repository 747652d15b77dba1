"""`decline add OFFERS.toml`: copy the offers into the workspace, updating by id."""

from __future__ import annotations

import click

from decline.cli.workspace_options import open_workspace
from decline.workspace.catalog import add_offer_set
from decline.workspace.store import utc_now


@click.command(name="add")
@click.argument("offers_file", type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_context
def command(ctx: click.Context, offers_file: str) -> None:
    """Import offers and contacts; importing twice changes nothing, other offers are kept.

    OFFERS_FILE may be - to read the offer file from standard input.
    """
    from decline.cli.io import label, read_offers

    offers = read_offers(offers_file)
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        summary = add_offer_set(connection, offers, utc_now())
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
