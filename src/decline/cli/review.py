"""`decline review`: check drafts against the principles of a graceful decline."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from decline.cli.main import State
from decline.errors import InputError
from decline.exitcodes import ExitCode

if TYPE_CHECKING:
    from decline.checker.report import Report


def parse_date(option: str, value: str | None) -> date | None:
    """Parse an ISO date option; InputError naming the option on a bad value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option}: expected a date like 2026-11-25, found {value!r}") from None


def _read(source: str) -> tuple[str, str]:
    from decline.reading import decode, read_draft

    if source == "-":
        return "<stdin>", decode(sys.stdin.buffer.read(), "<stdin>")
    return source, read_draft(Path(source))


@click.command("review")
@click.argument("files", nargs=-1, metavar="[FILE…|-]")
@click.option(
    "--lang",
    type=click.Choice(["auto", "en", "it"]),
    default="auto",
    show_default=True,
    help="The letter's language; auto tells English from Italian.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "languagetool"]),
    default="text",
    show_default=True,
    help="text for people; json (the report); languagetool (its /v2/check shape).",
)
@click.option("--ignore", default="", metavar="CODE,…", help="Rule codes to ignore, e.g. D402.")
@click.option("--received", metavar="DATE", help="When the offer arrived (for timing, P3).")
@click.option("--deadline", metavar="DATE", help="The offer's deadline (for timing, P3).")
@click.option("--today", metavar="DATE", help="The day the letter goes out (default: today).")
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)
@click.pass_obj
def command(
    state: State,
    files: tuple[str, ...],
    lang: str,
    output_format: str,
    ignore: str,
    received: str | None,
    deadline: str | None,
    today: str | None,
    out: Path | None,
) -> None:
    """Check drafts (.txt in UTF-8 or UTF-16 with a BOM, .eml, or - for stdin).

    Exit 0 when every letter is ready to send, 1 when one is not graceful or not ready.
    """
    from decline.checker.engine import review

    dates = {
        "received": parse_date("--received", received),
        "deadline": parse_date("--deadline", deadline),
        "today": parse_date("--today", today),
    }
    codes = [code for code in ignore.split(",") if code.strip()]
    codes += list(state.settings().review_ignore)
    sources = files or ("-",)
    if sources == ("-",) and sys.stdin.isatty():
        raise click.UsageError("give a draft file, or pipe one in with -")
    inputs = [_read(source) for source in sources]
    reports = [(name, review(text, lang, ignore=codes, **dates)) for name, text in inputs]
    color = state.color and out is None and sys.stdout.isatty()
    output = _render(reports, output_format, color)
    if out:
        out.write_text(output, encoding="utf-8")
    else:
        click.echo(output, nl=False, color=color)
    ready = all(report.ready_to_send for _, report in reports)
    click.get_current_context().exit(ExitCode.DONE if ready else ExitCode.NEGATIVE)


def _render(typed: list[tuple[str, Report]], output_format: str, color: bool) -> str:
    if output_format == "json":
        if len(typed) == 1:
            data: object = typed[0][1].to_dict()
        else:
            data = [{"file": name, "report": report.to_dict()} for name, report in typed]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output_format == "languagetool":
        from decline.checker.formats.languagetool import render as render_lt

        if len(typed) == 1:
            data = render_lt(typed[0][1])
        else:
            data = [{"file": name, "report": render_lt(report)} for name, report in typed]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from decline.checker.formats.text import render as render_text

    style = click.style if color else _no_style
    parts = [
        render_text(report, name=name if len(typed) > 1 else "", color=color, style=style)
        for name, report in typed
    ]
    if len(typed) > 1:
        parts.append(_summary(typed))
    return "\n".join(parts)


def _no_style(text: str, **_: object) -> str:
    return text


def _summary(reports: list[tuple[str, Report]]) -> str:
    rows = [("file", "score", "graceful", "ready", "top problem")]
    for name, report in reports:
        top = max(report.findings, key=lambda f: f.severity.rank, default=None)
        problem = f"{top.rule} {top.message}" if top else "—"
        if len(problem) > 60:
            problem = problem[:59] + "…"
        rows.append(
            (
                name,
                str(report.score),
                "yes" if report.graceful else "no",
                "yes" if report.ready_to_send else "no",
                problem,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["Summary"]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        lines.append("  " + "  ".join(cells) + "  " + row[4])
    return "\n".join(lines) + "\n"
