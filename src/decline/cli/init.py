"""`decline init`: write a commented example offer file to start from."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from decline.errors import InputError


def example_text() -> str:
    """Return the bundled, commented example offer file."""
    return (files("decline") / "data" / "example_offers.toml").read_text(encoding="utf-8")


@click.command("init")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it already exists.")
def command(file: Path | None, force: bool) -> None:
    """Write a commented example offer file to FILE (or print it) to start from.

    Edit the candidate, priorities and offers, then run `decline compare FILE`.
    """
    text = example_text()
    if file is None:
        click.echo(text, nl=False)
        return
    if file.exists() and not force:
        raise InputError(f"{file}: already exists; choose another name or add --force")
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{file}: cannot write it ({error.strerror})") from None
    click.echo(f"Wrote {file}. Edit it, then run: decline compare {file}", err=True)
