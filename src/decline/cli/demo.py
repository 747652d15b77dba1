"""`decline demo`: the journey on the bundled example, in the terminal."""

from __future__ import annotations

from importlib import resources

import click

from decline.cli.main import State


def _heading(state: State, text: str) -> None:
    click.echo("")
    click.echo(
        click.style(f"── {text} ", bold=True) + "─" * max(0, 70 - len(text)), color=state.color
    )


def _review_drafts(state: State) -> None:
    from decline.checker.engine import review
    from decline.checker.formats.text import render

    style = click.style if state.color else (lambda text, **_: text)
    drafts = resources.files("decline") / "data" / "drafts"
    for name, title in (
        ("graceful.txt", "a graceful draft"),
        ("flawed.txt", "a flawed draft: generic salutation, a salary figure, a jab, a blank"),
    ):
        text = (drafts / name).read_text(encoding="utf-8")
        _heading(state, f"Review {title}")
        click.echo(text.rstrip())
        click.echo("")
        click.echo(render(review(text), color=state.color, style=style), color=state.color)


@click.command("demo")
@click.pass_obj
def command(state: State) -> None:
    """Run the whole journey on the bundled example: review two drafts, and more."""
    click.echo("decline demo — the bundled example (Alex Rivera, two offers in Milan)")
    _review_drafts(state)
