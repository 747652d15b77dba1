"""A chart of the comparison: each offer's score as stacked bars of criterion points."""

from __future__ import annotations

from pathlib import Path

from decline.errors import InputError
from decline.evaluate.explain import Words
from decline.evaluate.results import Comparison

FORMATS = (".svg", ".png")


def save_chart(comparison: Comparison, path: Path, words: Words) -> None:
    """Draw the stacked-bar chart to an SVG or PNG file, chosen by the file's extension."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"--chart: expected a file ending in .svg or .png, found {path.name!r}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = list(reversed(comparison.offers))  # best at the top
    labels = [f"{r.offer.company} ({words.number(r.score)})" for r in results]
    figure, axes = plt.subplots(figsize=(8, 1.2 + 0.7 * len(results)))
    left = [0.0] * len(results)
    colours = plt.get_cmap("tab10")
    for index, criterion in enumerate(comparison.weights):
        widths = [r.contributions[criterion] for r in results]
        label = f"{words.criterion(criterion)} ({words.share(comparison.weights[criterion])})"
        axes.barh(labels, widths, left=left, label=label, color=colours(index % 10))
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 100)
    axes.set_xlabel(words.text("chart_axis"))
    axes.set_title(words.text("title"))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False)
    figure.tight_layout()
    try:
        figure.savefig(path, format=suffix[1:], metadata=_metadata(suffix))
    except OSError as error:
        raise InputError(f"--chart: cannot write {path} ({error.strerror})") from None
    finally:
        plt.close(figure)


def _metadata(suffix: str) -> dict[str, str | None]:
    # a fixed date keeps SVG output reproducible
    return {"Date": None} if suffix == ".svg" else {}
