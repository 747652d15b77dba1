"""Draw a comparison in the terminal with Rich (imported only by `decline compare`)."""

from __future__ import annotations

import io

from decline.evaluate.explain import (
    Words,
    ahp_warning,
    estimate_lines,
    next_commands,
    recommendation_lines,
    sensitivity_lines,
    weights_line,
)
from decline.evaluate.report import grid
from decline.evaluate.results import Comparison


def render_table(comparison: Comparison, words: Words, offers_path: str, *, color: bool) -> str:
    """Return the table, the recommendation, the sensitivity and the next command as text."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=100, force_terminal=color, no_color=not color, highlight=False
    )
    cells = grid(comparison, words)
    table = Table(
        title=words.text("title"),
        title_style="bold",
        caption=escape(weights_line(comparison, words)),
    )
    for index, heading in enumerate(cells.header):
        table.add_column(
            escape(heading), justify="left" if index == 0 else "right", no_wrap=index > 0
        )
    for row in cells.facts:
        table.add_row(*map(escape, row))
    table.add_section()
    for row in cells.points:
        table.add_row(*map(escape, row), style="dim")
    table.add_section()
    for row in cells.totals:
        table.add_row(*map(escape, row), style="bold")
    console.print(table)
    warning = ahp_warning(comparison, words)
    if warning:
        console.print(warning, style="yellow", markup=False, soft_wrap=True)
    console.print()
    for index, line in enumerate(recommendation_lines(comparison, words)):
        console.print(
            line, style="bold green" if index == 0 else None, markup=False, soft_wrap=True
        )
    sensitivity = sensitivity_lines(comparison, words)
    if sensitivity:
        console.print(f"\n{words.text('sensitivity')}:", style="bold")
        for line in sensitivity:
            console.print(f"  • {line}", markup=False, soft_wrap=True)
    estimates = estimate_lines(comparison, words)
    if estimates:
        console.print(f"\n{words.text('estimates')}:", style="bold")
        for line in estimates:
            console.print(f"  • {line}", markup=False, soft_wrap=True)
    commands = next_commands(comparison, offers_path)
    if commands:
        console.print(f"\n{words.text('next')}", markup=False, soft_wrap=True)
        for command in commands:
            console.print(f"  {command}", style="cyan", markup=False, soft_wrap=True)
    return buffer.getvalue()
