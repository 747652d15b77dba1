"""`decline init`: write a commented example offer file to start from."""

from __future__ import annotations

from importlib.resources import files

import click


def example_text() -> str:
    """Return the bundled, commented example offer file."""
    return (files("decline") / "data" / "example_offers.toml").read_text(encoding="utf-8")


@click.command("init")
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--force", is_flag=True, help="Overwrite FILE if it already exists.")
def command(file: str | None, force: bool) -> None:
    """Write a commented example offer file to FILE (or print it; - is standard output).

    Edit the candidate, priorities and offers, then run `decline compare FILE`.
    """
    from decline.cli.io import is_stdio, write_output

    text = example_text()
    if file is None or is_stdio(file):
        click.echo(text, nl=False)
        return
    write_output(file, text, force=force, option="FILE")
    click.echo(f"Wrote {file}. Edit it, then run: decline compare {file}", err=True)
