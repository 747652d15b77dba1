"""`decline export`: write the whole workspace out as JSON, TOML or CSV files."""

from __future__ import annotations

from pathlib import Path

import click

from decline.cli.workspace_options import open_workspace
from decline.errors import InputError
from decline.workspace.exchange import FORMATS, snapshot, write_export


@click.command(name="export")
@click.option(
    "--format", "export_format", type=click.Choice(FORMATS), default="json", show_default=True
)
@click.option(
    "-o",
    "--out",
    type=click.Path(allow_dash=True),
    required=True,
    help="The file to write, - for standard output (for csv: a folder, one file per table).",
)
@click.option("--force", is_flag=True, help="Replace the -o file (or csv folder) if it exists.")
@click.pass_context
def command(ctx: click.Context, export_format: str, out: str, force: bool) -> None:
    """Write everything in the workspace to PATH (`decline import` restores json and toml)."""
    from decline.cli.io import check_output, is_stdio, output_path

    folder = export_format == "csv"
    if folder and is_stdio(out):
        raise InputError("-o/--out: csv is a folder of files; name a folder, not -")
    if folder and Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"-o/--out: {out} is a file; csv needs a folder")
    if folder and Path(out).is_dir() and any(Path(out).iterdir()) and not force:
        raise InputError(f"-o/--out: {out} already holds files; choose another or add --force")
    if not folder:
        check_output(out, force=force)
    with open_workspace(ctx) as workspace, workspace.transaction() as connection:
        data = snapshot(connection, workspace.applied_migrations())
    if folder:
        written = write_export(data, Path(out), export_format)
    else:
        with output_path(out, force=force) as temporary:
            written = write_export(data, temporary, export_format)
    if is_stdio(out):
        return
    rows = sum(len(table) for table in data["tables"].values())
    where = out if export_format != "csv" else f"{out}/ ({len(written)} files)"
    click.echo(f"{where}: {rows} rows exported")
