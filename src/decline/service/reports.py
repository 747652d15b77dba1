"""A review report in words, the same in every face.

`summary_line` is the one sentence that says how a letter fared -- its language, length,
score and the two verdicts -- in the letter's own language, from the language's labels
(`languages/<lang>/lexicon.toml`, `[labels]`), exactly as the headline of the text report
(`decline review`) reads. `decline write`, `decline send` and `decline demo` print it; a
test keeps it equal to the text report's headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decline.checker.report import Report


def verdict(report: Report) -> str:
    """Return the two verdicts, e.g. `graceful · not ready to send`, in the report's language."""
    from decline.checker import lexicon

    labels = lexicon.load(report.lang).labels
    graceful = labels["graceful"] if report.graceful else labels["not_graceful"]
    ready = labels["ready"] if report.ready_to_send else labels["not_ready"]
    return f"{graceful} · {ready}"


def summary_line(report: Report) -> str:
    """Return e.g. `English, 21 words · score 24 · not graceful · not ready to send`."""
    from decline.checker import lexicon

    lex = lexicon.load(report.lang)
    labels = lex.labels
    return (
        f"{lex.name}, {report.words} {labels['words']} · {labels['score']} {report.score} · "
        f"{verdict(report)}"
    )
