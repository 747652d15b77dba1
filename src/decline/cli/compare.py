"""`decline compare`: weigh the offers against your priorities (P1)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from decline.cli.main import State

HELP = """Weigh the offers in OFFERS against your priorities and recommend one (P1).

\b
Each criterion scores 0–100: the best offer gets 100 and the others lose the gap to
it as a share of the largest figure (money compared in one currency, commute: less is
better, ratings 1–5 alike). An offer's score is the weighted sum of its criteria, in
points: weights from [priorities], or AHP from [priorities.pairwise]. The sensitivity
samples 10,000 plausible weightings around yours (Dirichlet, a typical weight ±25%),
and says which figure or weight would change the winner. See docs/compare.md.
"""


@click.command("compare", help=HELP)
@click.argument("offers", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="How to print the comparison.",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw a stacked-bar chart to this .svg or .png file.",
)
@click.option(
    "--samples",
    type=click.IntRange(0, 1_000_000),
    default=10_000,
    show_default=True,
    help="Weightings sampled for the sensitivity (0: none).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the sampling.")
@click.option("--lang", help="Language of the output: en or it (default: the offer file's).")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the comparison to this file instead of standard output.",
)
@click.pass_obj
def command(
    state: State,
    offers: Path,
    output_format: str,
    chart: Path | None,
    samples: int,
    seed: int,
    lang: str | None,
    out: Path | None,
) -> None:
    """Weigh the offers against your priorities and recommend one (P1)."""
    from decline.evaluate.compare import compare
    from decline.evaluate.explain import Words, languages
    from decline.offers import load_offers

    if lang is not None and lang not in languages():
        raise click.BadParameter(f"expected one of {', '.join(languages())}", param_hint="--lang")
    offer_set = load_offers(offers)
    if lang is None:
        file_lang = offer_set.candidate.lang
        settings_lang = state.settings().lang if file_lang not in languages() else None
        lang = file_lang if file_lang in languages() else settings_lang or "en"
    words = Words(lang if lang in languages() else "en")
    comparison = compare(offer_set, samples=samples, seed=seed)
    if chart is not None:
        from decline.evaluate.chart import save_chart

        save_chart(comparison, chart, words)
    if output_format == "json":
        _emit(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n", out)
    elif output_format == "markdown":
        from decline.evaluate.report import markdown

        _emit(markdown(comparison, words, str(offers)), out)
    else:
        from decline.cli.compare_table import render_table

        _emit(render_table(comparison, words, str(offers), color=state.color and out is None), out)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    from decline.errors import InputError

    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"-o/--out: cannot write {out} ({error.strerror})") from None
