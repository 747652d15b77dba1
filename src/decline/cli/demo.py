"""`decline demo`: the whole journey on the bundled example, in the terminal.

compare (P1) → review two drafts → write declines in two tones and both languages →
add, decide, send to a loopback SMTP server, status, follow-ups and calendar (P3, P6, P7).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click

from decline.cli.main import State


def _heading(state: State, text: str) -> None:
    click.echo("")
    rule = "─" * max(0, 74 - len(text))
    click.echo(click.style(f"── {text} ", bold=True) + rule, color=state.color)


def _style(state: State) -> Callable[..., str]:
    if state.color:
        return click.style
    return lambda text, **_: text


def _compare(state: State, example: Path) -> Any:
    from decline.cli.compare_table import render_table
    from decline.evaluate.compare import compare
    from decline.evaluate.explain import Words
    from decline.offers.parsing import load_offers

    offers = load_offers(example)
    _heading(state, "1. Compare the offers against your priorities (P1)")
    comparison = compare(offers, samples=10_000, seed=0)
    text = render_table(comparison, Words("en"), "offers.toml", color=state.color)
    click.echo(text.rstrip(), color=state.color)
    return offers, comparison


def _review_drafts(state: State) -> None:
    from decline.checker.engine import review
    from decline.checker.formats.text import render

    drafts = resources.files("decline") / "data" / "drafts"
    for name, title in (
        ("graceful.txt", "2a. Review a graceful draft"),
        ("flawed.txt", "2b. Review a flawed draft: generic, a figure, a jab, a blank"),
    ):
        text = (drafts / name).read_text(encoding="utf-8")
        _heading(state, title)
        click.echo(text.rstrip())
        click.echo("")
        report = render(review(text), color=state.color, style=_style(state))
        click.echo(report.rstrip(), color=state.color)


def _write(state: State, offers: Any, offer_id: str, today: date) -> None:
    from decline.checker.engine import review
    from decline.service.reports import summary_line
    from decline.writer.composer import compose

    offer = offers.offer(offer_id)
    for number, (tone, lang) in enumerate((("warm", "en"), ("formal", "it")), start=1):
        _heading(state, f"3{'ab'[number - 1]}. Write the decline: {tone}, {lang}")
        letter = compose(offer, offers.candidate, tone=tone, lang=lang, date=today)
        click.echo(letter.reviewable_text().rstrip())
        report = review(letter.reviewable_text(), letter.lang)
        click.echo("")
        click.echo(
            _style(state)(
                f"checker: {summary_line(report)}",
                fg="green" if report.ready_to_send else "red",
            ),
            color=state.color,
        )
    for tone, lang in (("brief", "en"), ("brief", "it")):
        letter = compose(offer, offers.candidate, tone=tone, lang=lang, date=today)
        report = review(letter.reviewable_text(), letter.lang)
        click.echo(f"also {tone}, {lang}: {summary_line(report)}")


def _journey(state: State, offer_id: str, today: date, folder: Path) -> None:
    from decline.workspace.journey import run_journey

    _heading(state, "4. Add, decide, send, follow up (a temporary workspace)")
    artefacts = run_journey(folder, offer_id=offer_id, today=today)
    width = max(len(what) for what, _ in artefacts)
    for what, path in artefacts:
        click.echo(f"  {what:<{width}}  {path}")


@click.command("demo")
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the journey's workspace and files in this folder (default: a temporary one).",
)
@click.pass_obj
def command(state: State, keep: Path | None) -> None:
    """Run the whole journey on the bundled example: compare, review, write, send, follow up."""
    from decline.cli.init import EXAMPLE_DAY
    from decline.workspace.journey import example_path

    today = EXAMPLE_DAY  # the day the bundled example is set: no offer is late, output is stable
    click.echo("decline demo — Alex Rivera weighs three offers in Milan, then declines one")
    offers, comparison = _compare(state, example_path())
    declined = comparison.to_dict()["recommendation"]["decline"]
    offer_id = "acme" if "acme" in declined else declined[0]
    _review_drafts(state)
    _write(state, offers, offer_id, today)
    if keep is not None:
        _journey(state, offer_id, today, keep)
    else:
        with tempfile.TemporaryDirectory(prefix="decline-demo-") as folder:
            _journey(state, offer_id, today, Path(folder))
            click.echo("  (a temporary folder: run `decline demo --keep DIR` to keep them)")
    click.echo("")
    click.echo("Next: `decline init offers.toml`, edit it, then `decline compare offers.toml`.")
