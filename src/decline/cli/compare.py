"""`decline compare`: weigh the offers against your priorities (P1)."""

from __future__ import annotations

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
OFFERS may be - to read the offer file from standard input; -o - is standard output.
"""


@click.command("compare", help=HELP)
@click.argument("offers", type=click.Path(dir_okay=False, allow_dash=True))
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
    type=click.Path(dir_okay=False),
    help="Also draw a stacked-bar chart to this .svg or .png file.",
)
@click.option(
    "--samples",
    type=click.IntRange(0, 1_000_000),
    default=10_000,  # decline.service.offers.SAMPLES: the web page and the API use it too
    show_default=True,
    help="Weightings sampled for the sensitivity (0: none).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the sampling.")
@click.option("--lang", help="Language of the output, e.g. en (default: the offer file's).")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write the comparison to this file instead of standard output.",
)
@click.option("--force", is_flag=True, help="Replace the -o or --chart file if it exists.")
@click.pass_obj
def command(
    state: State,
    offers: str,
    output_format: str,
    chart: str | None,
    samples: int,
    seed: int,
    lang: str | None,
    out: str | None,
    force: bool,
) -> None:
    """Weigh the offers against your priorities and recommend one (P1)."""
    from decline.cli.io import check_output, is_stdio, output_path, read_offers, write_output
    from decline.errors import InputError
    from decline.evaluate.explain import Words, languages
    from decline.service.offers import compare_with_settings

    if lang is not None and lang not in languages():
        raise click.BadParameter(f"expected one of {', '.join(languages())}", param_hint="--lang")
    if chart is not None and is_stdio(chart):
        raise InputError("--chart: standard output holds the comparison; name an .svg or .png")
    for target, option in ((out, "-o/--out"), (chart, "--chart")):
        if target is not None:
            check_output(target, inputs=[offers], force=force, option=option)
    offer_set = read_offers(offers)
    settings = state.settings() if lang is None else None
    compared = compare_with_settings(offer_set, settings, lang=lang, samples=samples, seed=seed)
    comparison, words = compared.comparison, Words(compared.lang)
    if chart is not None:
        from decline.evaluate.chart import save_chart

        with output_path(chart, inputs=[offers], force=force, option="--chart") as temporary:
            save_chart(comparison, temporary, words)
    to_stdout = out is None or is_stdio(out)
    if output_format == "json":
        import json

        text = json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif output_format == "markdown":
        from decline.evaluate.report import markdown

        text = markdown(comparison, words, offers)
    else:
        from decline.cli.compare_table import render_table

        text = render_table(comparison, words, offers, color=state.color and to_stdout)
    if to_stdout:
        click.echo(text, nl=False)
    else:
        write_output(out, text, inputs=[offers], force=force)
