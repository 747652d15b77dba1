"""The comparison as a grid of labelled cells and as a Markdown document.

The CLI draws the grid as a plain-text table (`cli.compare_table`); the Markdown document
is what a candidate keeps or shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from decline.evaluate.explain import (
    Words,
    ahp_warning,
    estimate_lines,
    next_commands,
    recommendation_lines,
    sensitivity_lines,
    weights_line,
)
from decline.evaluate.results import Comparison, OfferResult

RATED = ("culture", "growth")


@dataclass(frozen=True)
class Grid:
    """Offers across, rows down: facts first, then points per criterion, then the total."""

    header: list[str]
    facts: list[list[str]]
    points: list[list[str]]
    totals: list[list[str]]


def _facts(results: tuple[OfferResult, ...], words: Words, criteria: list[str]) -> list[list[str]]:
    unknown = words.row("unknown")

    def money(result: OfferResult, amount: float | None) -> str:
        return unknown if amount is None else words.money(amount, result.offer.currency)

    rows = [
        [words.row("role"), *(r.offer.role for r in results)],
        [words.row("pay_year1"), *(money(r, r.pay.years[0] if r.pay else None) for r in results)],
        [words.row("pay_average"), *(money(r, r.pay.average if r.pay else None) for r in results)],
        [words.row("benefits"), *(money(r, r.offer.benefits_value) for r in results)],
        [
            words.row("time_off"),
            *(
                unknown if r.offer.pto_days is None else words.number(r.offer.pto_days, 0)
                for r in results
            ),
        ],
    ]
    commute = [words.row("commute")]
    for r in results:
        if r.commute is None:
            commute.append(unknown)
        elif r.commute.remote:
            commute.append(words.row("remote"))
        else:
            hours = words.number(r.commute.hours, 0)
            commute.append(words.row("commute_value", hours=hours, cost=money(r, r.commute.cost)))
    rows.append(commute)
    rated = [c for c in criteria if c in RATED or c not in _COMPUTED]
    for name in rated:
        label = words.row("rating", criterion=words.criterion(name))
        cells = [
            words.number(r.offer.ratings[name], 0) if name in r.offer.ratings else unknown
            for r in results
        ]
        rows.append([label, *cells])
    return rows


_COMPUTED = ("compensation", "benefits", "time_off", "commute")


def grid(comparison: Comparison, words: Words) -> Grid:
    """Return the comparison as labelled rows of text cells."""
    results = comparison.offers
    criteria = list(comparison.weights)
    points = [
        [
            words.row("points", criterion=words.criterion(c), weight=words.share(w)),
            *(words.number(r.contributions[c]) for r in results),
        ]
        for c, w in comparison.weights.items()
    ]
    totals = [
        [words.row("score"), *(words.number(r.score) for r in results)],
        [words.row("rank"), *(str(r.rank) for r in results)],
    ]
    header = ["", *(r.offer.company for r in results)]
    return Grid(header=header, facts=_facts(results, words, criteria), points=points, totals=totals)


def _markdown_table(rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return [line(rows[0]), "|" + "|".join(["---"] + ["--:"] * (len(rows[0]) - 1)) + "|"] + [
        line(row) for row in rows[1:]
    ]


def markdown(comparison: Comparison, words: Words, offers_path: str) -> str:
    """Return the comparison as a Markdown document."""
    table = grid(comparison, words)
    rows = [table.header, *table.facts, *table.points, *table.totals]
    lines = [f"# {words.text('title')}", "", weights_line(comparison, words), ""]
    warning = ahp_warning(comparison, words)
    if warning:
        lines += [warning, ""]
    lines += _markdown_table(rows)
    lines += ["", *recommendation_lines(comparison, words)]
    sensitivity = sensitivity_lines(comparison, words)
    if sensitivity:
        lines += ["", f"## {words.text('sensitivity')}", "", *(f"- {s}" for s in sensitivity)]
    estimates = estimate_lines(comparison, words)
    if estimates:
        lines += ["", f"## {words.text('estimates')}", "", *(f"- {s}" for s in estimates)]
    lines += ["", words.text("method")]
    commands = next_commands(comparison, offers_path)
    if commands:
        lines += ["", words.text("next"), "", "```sh", *commands, "```"]
    return "\n".join(lines) + "\n"
