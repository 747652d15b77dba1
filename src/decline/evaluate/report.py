"""The comparison as a grid of labelled cells and as a Markdown document.

The CLI draws the grid as a plain-text table (`cli.compare_table`); the Markdown document
is what a candidate keeps or shares.
"""

from __future__ import annotations

from collections.abc import Callable
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
from decline.offers import CRITERIA


@dataclass(frozen=True)
class Grid:
    """Offers across, rows down: facts first, then points per criterion, then the total."""

    header: list[str]
    facts: list[list[str]]
    points: list[list[str]]
    totals: list[list[str]]


Results = tuple[OfferResult, ...]


def _money(result: OfferResult, amount: float | None, words: Words) -> str:
    return words.row("unknown") if amount is None else words.money(amount, result.offer.currency)


def _pay_rows(name: str, results: Results, words: Words) -> list[list[str]]:
    return [
        [
            words.row("pay_year1"),
            *(_money(r, r.pay.years[0] if r.pay else None, words) for r in results),
        ],
        [
            words.row("pay_average"),
            *(_money(r, r.pay.average if r.pay else None, words) for r in results),
        ],
    ]


def _benefits_rows(name: str, results: Results, words: Words) -> list[list[str]]:
    return [[words.row(name), *(_money(r, r.offer.benefits_value, words) for r in results)]]


def _days_rows(name: str, results: Results, words: Words) -> list[list[str]]:
    days = [r.offer.pto_days for r in results]
    cells = [words.row("unknown") if d is None else words.number(d, 0) for d in days]
    return [[words.row(name), *cells]]


def _commute_rows(name: str, results: Results, words: Words) -> list[list[str]]:
    cells = []
    for r in results:
        if r.commute is None:
            cells.append(words.row("unknown"))
        elif r.commute.remote:
            cells.append(words.row("remote"))
        else:
            hours = words.number(r.commute.hours, 0)
            cost = _money(r, r.commute.cost, words)
            cells.append(words.row("commute_value", hours=hours, cost=cost))
    return [[words.row(name), *cells]]


def _rating_rows(name: str, results: Results, words: Words) -> list[list[str]]:
    label = words.row("rating", criterion=words.criterion(name))
    cells = [
        words.number(r.offer.ratings[name], 0) if name in r.offer.ratings else words.row("unknown")
        for r in results
    ]
    return [[label, *cells]]


FACTS: dict[str, Callable[[str, Results, Words], list[list[str]]]] = {
    "pay": _pay_rows,
    "benefits_value": _benefits_rows,
    "pto_days": _days_rows,
    "commute": _commute_rows,
    "rating": _rating_rows,
}
"""The facts rows of each measure a criterion of the registry names."""


def _facts(results: Results, words: Words, criteria: list[str]) -> list[list[str]]:
    """Return the role, each built-in figure, then each weighed rated criterion's rating."""
    rows = [[words.row("role"), *(r.offer.role for r in results)]]
    for name, entry in CRITERIA.items():
        if not entry.rated:
            rows.extend(FACTS[entry.measure](name, results, words))
    for name in criteria:
        if name not in CRITERIA or CRITERIA[name].rated:
            rows.extend(_rating_rows(name, results, words))
    return rows


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
