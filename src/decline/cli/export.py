"""`decline export`: write the whole workspace out as JSON, TOML or CSV files."""

from __future__ import annotations

from pathlib import Path

import click

from decline.cli.workspace_options import open_workspace
from decline.workspace.exchange import FORMATS, snapshot, write_export


@click.command(name="export")
@click.option(
    "--format", "export_format", type=click.Choice(FORMATS), default="json", show_default=True
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The file to write (for csv: a folder, one file per table).",
)
@click.pass_context
def command(ctx: click.Context, export_format: str, out: Path) -> None:
    """Write everything in the workspace to PATH (`decline import` restores json and toml)."""
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        data = snapshot(connection, workspace.applied_migrations())
    written = write_export(data, out, export_format)
    rows = sum(len(table) for table in data["tables"].values())
    where = out if export_format != "csv" else f"{out}/ ({len(written)} files)"
    click.echo(f"{where}: {rows} rows exported")
