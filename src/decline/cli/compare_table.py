"""Draw a comparison in the terminal as plain text that fits the terminal's width.

No Rich: a table of a few short cells needs only box-drawing characters, and importing
Rich cost `decline compare` more than the comparison itself. The table keeps the offers
across (as in the Markdown form); when they do not fit the width (80 columns when the
output is not a terminal), long names and roles wrap inside their column, and when that
is still too wide the offers are split into several tables of the same rows, each
repeating the row labels.
"""

from __future__ import annotations

import os
import sys
import textwrap
import unicodedata
from collections.abc import Callable

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

DEFAULT_WIDTH = 80
MAX_WIDTH = 100  # wider tables and sentences are harder to read, even in a wide terminal
LABEL_WIDTH = 24  # row labels wrap past this
NAME_WIDTH = 12  # a company or role narrower than its text wraps, down to this


def terminal_width() -> int:
    """Return the width to draw in: the terminal's (COLUMNS first), at most `MAX_WIDTH`.

    `shutil.get_terminal_size` says the same, but importing `shutil` costs `compare` more
    than drawing the table does.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal, or no real file
            columns = 0
    return min(MAX_WIDTH, columns or DEFAULT_WIDTH)


def _width(text: str) -> int:
    """Return how many terminal columns `text` takes (East Asian wide characters take 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _wrap(text: str, width: int) -> list[str]:
    if _width(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


class _Column:
    """One column: its cells (header first), whether they may wrap, and its widths."""

    def __init__(self, cells: list[str], wrapping: set[int], label: bool) -> None:
        self.cells = cells
        self.label = label
        self.natural = max(_width(c) for c in cells)
        fixed = [_width(c) for i, c in enumerate(cells) if i not in wrapping]
        words = [_width(w) for i, c in enumerate(cells) if i in wrapping for w in c.split()]
        floor = LABEL_WIDTH if label else NAME_WIDTH
        self.least = min(self.natural, max([*fixed, *words, min(floor, self.natural)]))
        self.width = self.natural


def _blocks(label: _Column, offers: list[_Column], width: int) -> list[list[_Column]]:
    """Split the offer columns into runs that fit `width` beside the label column."""

    def total(columns: list[_Column]) -> int:
        return 1 + sum(c.width + 3 for c in [label, *columns])

    label.width = min(label.natural, max(label.least, LABEL_WIDTH))
    blocks: list[list[_Column]] = [[]]
    for column in offers:
        column.width = column.natural
        candidate = [*blocks[-1], column]
        if total(candidate) > width:
            _shrink(candidate, width - 1 - (label.width + 3))
        if total(candidate) <= width or not blocks[-1]:
            blocks[-1] = candidate
        else:
            for previous in blocks[-1]:  # the full block keeps what it had to give up
                previous.width = max(previous.width, previous.least)
            column.width = column.natural
            if total([column]) > width:
                _shrink([column], width - 1 - (label.width + 3))
            blocks.append([column])
    return blocks


def _shrink(columns: list[_Column], room: int) -> None:
    """Narrow the widest wrappable column, a column at a time, until they fit `room`."""
    while sum(c.width + 3 for c in columns) > room:
        narrowable = [c for c in columns if c.width > c.least]
        if not narrowable:
            return
        max(narrowable, key=lambda c: c.width).width -= 1


def _rule(widths: list[int], left: str, middle: str, right: str) -> str:
    return left + middle.join("─" * (w + 2) for w in widths) + right


def _table(
    label: _Column, columns: list[_Column], sections: list[tuple[int, int, str | None]],
    style: Callable[..., str],
) -> list[str]:  # fmt: skip
    widths = [label.width, *(c.width for c in columns)]
    everything = [label, *columns]
    lines = [_rule(widths, "┌", "┬", "┐")]
    for number, (start, stop, emphasis) in enumerate(sections):
        if number == 1:
            lines.append(_rule(widths, "╞", "╪", "╡"))
        elif number > 1:
            lines.append(_rule(widths, "├", "┼", "┤"))
        for row in range(start, stop):
            wrapped = [_wrap(c.cells[row], c.width) for c in everything]
            for depth in range(max(len(w) for w in wrapped)):
                parts = [
                    _pad(w[depth] if depth < len(w) else "", c.width, not c.label)
                    for w, c in zip(wrapped, everything, strict=True)
                ]
                text = "│ " + " │ ".join(parts) + " │"
                if emphasis == "header":
                    text = "│ " + " │ ".join(style(p, bold=True) for p in parts) + " │"
                elif emphasis:
                    text = style(text, **{emphasis: True})
                lines.append(text)
    lines.append(_rule(widths, "└", "┴", "┘"))
    return lines


def _plain(text: str, **_: object) -> str:
    return text


def render_table(
    comparison: Comparison,
    words: Words,
    offers_path: str,
    *,
    color: bool,
    width: int | None = None,
) -> str:
    """Return the table, the recommendation, the sensitivity and the next command as text."""
    import click

    style: Callable[..., str] = click.style if color else _plain
    width = width or terminal_width()
    cells = grid(comparison, words)
    rows = [cells.header, *cells.facts, *cells.points, *cells.totals]
    label = _Column([r[0] for r in rows], wrapping=set(range(len(rows))), label=True)
    offers = [
        _Column([r[j] for r in rows], wrapping={0, 1}, label=False)
        for j in range(1, len(cells.header))
    ]
    facts_end = 1 + len(cells.facts)
    points_end = facts_end + len(cells.points)
    sections: list[tuple[int, int, str | None]] = [
        (0, 1, "header"),
        (1, facts_end, None),
        (facts_end, points_end, "dim"),
        (points_end, len(rows), "bold"),
    ]
    out = [style(words.text("title"), bold=True)]
    for number, block in enumerate(_blocks(label, offers, width)):
        out += [""] * (number > 0) + _table(label, block, sections, style)
    out += textwrap.wrap(weights_line(comparison, words), width)
    warning = ahp_warning(comparison, words)
    if warning:
        out += [style(line, fg="yellow") for line in textwrap.wrap(warning, width)]
    out.append("")
    for index, line in enumerate(recommendation_lines(comparison, words)):
        wrapped = textwrap.wrap(line, width)
        out += [style(w, fg="green", bold=True) for w in wrapped] if index == 0 else wrapped
    for heading, lines in (
        (words.text("sensitivity"), sensitivity_lines(comparison, words)),
        (words.text("estimates"), estimate_lines(comparison, words)),
    ):
        if lines:
            out += ["", style(f"{heading}:", bold=True)]
            for line in lines:
                out += textwrap.wrap(line, width, initial_indent="  • ", subsequent_indent="    ")
    commands = next_commands(comparison, offers_path)
    if commands:
        out += ["", *textwrap.wrap(words.text("next"), width)]
        out += [style(f"  {command}", fg="cyan") for command in commands]
    return "\n".join(out) + "\n"
