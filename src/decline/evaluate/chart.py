"""A chart of the comparison: each offer's score as stacked bars of criterion points.

SVG is written directly (no dependency): small, deterministic, with a title and a
description for screen readers and a tooltip on every bar segment. PNG needs matplotlib,
the optional extra `decline[chart]`, imported only when a PNG is asked for.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from decline.errors import InputError
from decline.evaluate.explain import Words
from decline.evaluate.results import Comparison

FORMATS = (".svg", ".png")
PNG_EXTRA = "pip install 'decline[chart]'"
# matplotlib's tab10: distinct hues that stay apart for the common colour-vision deficiencies
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")  # fmt: skip

WIDTH = 760
NARROW = 360  # a phone's width in CSS pixels, less the page's margins: drawn 1:1, never shrunk
FONT = 13
CHAR = 7.2  # a sans-serif character at 13 px, on average: enough to lay out labels
ROW = 34
BAR = 22
LABEL_CHARS = 34  # a longer offer label is shortened with "…" (the full one is its tooltip)


def save_chart(comparison: Comparison, path: Path, words: Words, width: int = WIDTH) -> None:
    """Draw the stacked-bar chart to an SVG or PNG file, chosen by the file's extension."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"--chart: expected a file ending in .svg or .png, found {path.name!r}")
    try:
        if suffix == ".svg":
            path.write_text(chart_svg(comparison, words, width), encoding="utf-8")
        else:
            _save_png(comparison, path, words)
    except OSError as error:
        raise InputError(f"--chart: cannot write {path} ({error.strerror})") from None


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chart_svg(comparison: Comparison, words: Words, width: int = WIDTH) -> str:
    """Return the chart as an SVG document: offers down, points across, best at the top.

    A narrow chart (`width` below 500, for a phone) puts each offer's label above its bar,
    so the bars keep the whole width and the text stays at its size (13 px) when shown
    1:1; a wide one puts the labels left of the bars.
    """
    results = comparison.offers
    labels = [f"{r.offer.company} ({words.number(r.score)})" for r in results]
    narrow = width < 500
    label_chars = int((width - 24) / CHAR) if narrow else LABEL_CHARS
    left = 16.0 if narrow else 16 + CHAR * min(LABEL_CHARS, max(len(label) for label in labels))
    right = width - 24
    scale = (right - left) / 100
    title = words.text("chart_title")
    row_height = ROW + (FONT + 6 if narrow else 0)
    top = 48 + (FONT + 6 if narrow else 0)
    axis_y = top + row_height * len(results) + 6
    axis_title_y = axis_y + 38
    legend = [f"{words.criterion(c)} ({words.share(w)})" for c, w in comparison.weights.items()]
    # The legend sits below the axis title, in as many rows as its entries need.
    legend_rows: list[list[tuple[int, float]]] = [[]]
    x = left
    for index, text in enumerate(legend):
        entry_width = 22 + CHAR * len(text) + 18
        if legend_rows[-1] and x + entry_width > right:
            legend_rows.append([])
            x = left
        legend_rows[-1].append((index, x))
        x += entry_width
    legend_y = axis_title_y + 28
    height = int(legend_y + 22 * len(legend_rows) + 8)
    summary = "; ".join(f"{r.rank}. {r.offer.company}: {words.number(r.score)}" for r in results)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{FONT}">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(words.text("chart_axis"))}. {escape(summary)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2:g}" y="28" text-anchor="middle" font-size="16" '
        f'font-weight="bold" fill="#222222">{escape(title)}</text>',
    ]
    for tick in range(0, 101, 20):
        x = left + tick * scale
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{axis_y}" stroke="#dddddd"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" fill="#444444">{tick}</text>'
        )
    out.append(
        f'<line x1="{left:.1f}" y1="{axis_y}" x2="{right:.1f}" y2="{axis_y}" stroke="#444444"/>'
    )
    for row, (result, label) in enumerate(zip(results, labels, strict=True)):
        y = top + row_height * row
        middle = y + BAR / 2 + FONT / 2 - 2
        shown = _shorten(label, label_chars)
        out.append(f'<g aria-label="{escape(label)}">')
        if shown != label:  # the whole label as the row's tooltip
            out.append(f"<title>{escape(label)}</title>")
        if narrow:  # above the bar, from its start
            out.append(
                f'<text x="{left:.1f}" y="{y - 6:.1f}" fill="#222222">{escape(shown)}</text>'
            )
        else:
            out.append(
                f'<text x="{left - 8:.1f}" y="{middle:.1f}" text-anchor="end" fill="#222222">'
                f"{escape(shown)}</text>"
            )
        x = left
        for index, criterion in enumerate(comparison.weights):
            points = result.contributions[criterion]
            length = points * scale
            if length <= 0:
                continue
            tip = f"{words.criterion(criterion)}: {words.number(points)}"
            out.append(
                f'<rect x="{x:.2f}" y="{y}" width="{length:.2f}" height="{BAR}" '
                f'fill="{PALETTE[index % len(PALETTE)]}"><title>{escape(tip)}</title></rect>'
            )
            x += length
        out.append("</g>")
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{axis_title_y}" text-anchor="middle" '
        f'fill="#222222">{escape(words.text("chart_axis"))}</text>'
    )
    for line, entries in enumerate(legend_rows):
        y = legend_y + 22 * line
        for index, x in entries:
            out.append(
                f'<rect x="{x:.1f}" y="{y - 11}" width="14" height="14" '
                f'fill="{PALETTE[index % len(PALETTE)]}"/>'
            )
            out.append(
                f'<text x="{x + 20:.1f}" y="{y}" fill="#222222">{escape(legend[index])}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _save_png(comparison: Comparison, path: Path, words: Words) -> None:
    try:
        import matplotlib
    except ImportError:
        raise InputError(
            f"--chart: a PNG chart needs matplotlib: {PNG_EXTRA}, or ask for an .svg file"
        ) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = list(reversed(comparison.offers))  # best at the top
    labels = [f"{r.offer.company} ({words.number(r.score)})" for r in results]
    figure, axes = plt.subplots(figsize=(8, 1.6 + 0.7 * len(results)))
    left = [0.0] * len(results)
    for index, criterion in enumerate(comparison.weights):
        widths = [r.contributions[criterion] for r in results]
        label = f"{words.criterion(criterion)} ({words.share(comparison.weights[criterion])})"
        colour = PALETTE[index % len(PALETTE)]
        axes.barh(labels, widths, left=left, label=label, color=colour)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 100)
    axes.set_xlabel(words.text("chart_axis"))
    axes.set_title(words.text("chart_title"))
    # below the axis title, never over it
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3, frameon=False)
    figure.tight_layout()
    try:
        figure.savefig(path, format="png")
    finally:
        plt.close(figure)
