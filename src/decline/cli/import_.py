"""`decline import PATH`: restore a JSON or TOML export into the workspace."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from decline.cli.workspace_options import open_workspace
from decline.errors import InputError
from decline.workspace.catalog import offer_ids
from decline.workspace.exchange import read_export, restore


@click.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace a non-empty workspace without asking.")
@click.pass_context
def command(ctx: click.Context, path: Path, yes: bool) -> None:
    """Replace the workspace's contents with an export made by `decline export`."""
    data = read_export(path)
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        existing = offer_ids(connection)
        if existing and not yes:
            if not sys.stdin.isatty():
                raise InputError(
                    f"the workspace already holds {len(existing)} offer(s); "
                    "pass --yes to replace them with the export"
                )
            click.confirm(
                f"Replace the {len(existing)} offer(s) in {workspace.path} with {path}?",
                abort=True,
            )
        counts = restore(connection, data)
    click.echo(f"{path}: restored {counts.get('offers', 0)} offers, {sum(counts.values())} rows")
