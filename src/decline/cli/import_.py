"""`decline import PATH`: restore a JSON or TOML export into the workspace."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from decline.cli.workspace_options import open_workspace
from decline.errors import InputError
from decline.exitcodes import ExitCode
from decline.workspace.catalog import offer_ids
from decline.workspace.exchange import read_export, restore


@click.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace a non-empty workspace without asking.")
@click.pass_context
def command(ctx: click.Context, path: Path, yes: bool) -> None:
    """Replace the workspace's contents with an export made by `decline export`.

    The whole export is checked first; when anything in it is wrong, nothing changes and
    each problem is listed (exit 2). A workspace that holds offers is replaced only after
    you confirm; answering no changes nothing and exits with 1.
    """
    data = read_export(path)
    with open_workspace(ctx) as workspace:
        with workspace.transaction() as connection:
            existing = offer_ids(connection)
        if existing and not yes:
            if not sys.stdin.isatty():
                raise InputError(
                    f"the workspace already holds {len(existing)} offer(s); "
                    "pass --yes to replace them with the export"
                )
            if not click.confirm(
                f"Replace the {len(existing)} offer(s) in {workspace.path} with {path}?"
            ):
                click.echo(f"Nothing changed: {workspace.path} is kept as it was.", err=True)
                ctx.exit(ExitCode.NEGATIVE)
        with workspace.transaction() as connection:
            counts = restore(connection, data, source=str(path))
    click.echo(f"{path}: restored {counts.get('offers', 0)} offers, {sum(counts.values())} rows")
