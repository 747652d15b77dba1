"""`decline init`: write a commented example offer file to start from."""

from __future__ import annotations

import re
from datetime import date
from importlib.resources import files

import click

# The example's offers are dated as if today were this day; `init` moves them to today.
EXAMPLE_DAY = date(2026, 11, 20)
_DATED = re.compile(r"(?m)^(received|deadline) = (\d{4}-\d{2}-\d{2})")


def example_text(today: date | None = None) -> str:
    """Return the bundled, commented example offer file; with `today`, its offers' received
    and deadline dates move by the same number of days, so that they are as recent."""
    text = (files("decline") / "data" / "example_offers.toml").read_text(encoding="utf-8")
    if today is None:
        return text
    shift = today - EXAMPLE_DAY
    return _DATED.sub(lambda m: f"{m[1]} = {date.fromisoformat(m[2]) + shift}", text)


@click.command("init")
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--force", is_flag=True, help="Overwrite FILE if it already exists.")
def command(file: str | None, force: bool) -> None:
    """Write a commented example offer file to FILE (or print it; - is standard output).

    Edit the candidate, priorities and offers, then run `decline compare FILE`.
    """
    from decline.cli.io import is_stdio, write_output

    text = example_text(date.today())
    if file is None or is_stdio(file):
        click.echo(text, nl=False)
        return
    write_output(file, text, force=force, option="FILE")
    click.echo(f"Wrote {file}. Edit it, then run: decline compare {file}", err=True)
