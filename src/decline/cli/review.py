"""`decline review`: check drafts against the principles of a graceful decline."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from decline import languages
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
    from decline.cli.io import STDIN_LABEL, is_stdio
    from decline.reading import MAX_BYTES, decode, read_draft

    if is_stdio(source):
        from decline.cli.io import read_stdin

        return STDIN_LABEL, decode(read_stdin(MAX_BYTES, "one letter"), STDIN_LABEL)
    return source, read_draft(Path(source))


@click.command("review")
@click.argument("files", nargs=-1, metavar="[FILE…|-]")
@click.option(
    "--lang",
    type=click.Choice(["auto", *languages.available()]),
    default="auto",
    show_default=True,
    help="The letter's language; auto tells them apart by their common words.",
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
    "-o",
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write the reports here, not to standard output (- is standard output).",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
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
    out: str | None,
    force: bool,
) -> None:
    """Check drafts (.txt in UTF-8 or UTF-16 with a BOM, .eml, or - for stdin).

    Exit 0 when every letter is ready to send, 1 when one is not graceful or not ready.
    With several files, one that cannot be read is named on standard error and the others
    are still reviewed; the exit is then 2.
    """
    from decline.checker.engine import _normalise_ignore, review
    from decline.cli.io import check_output, is_stdio, label, write_output

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
    _normalise_ignore(codes)  # an unknown code is a usage error, not one bad file
    if out is not None:
        check_output(out, inputs=sources, force=force)
    reports: list[tuple[str, Report]] = []
    bad = 0
    for source in sources:
        try:
            name, text = _read(source)
            reports.append((name, review(text, lang, ignore=codes, **dates)))
        except InputError as error:
            if len(sources) == 1:
                raise
            message = str(error)
            where = label(source)
            click.echo(
                f"decline: {message if message.startswith(where) else f'{where}: {message}'}",
                err=True,
            )
            bad += 1
    to_stdout = out is None or is_stdio(out)
    color = state.color and to_stdout and sys.stdout.isatty()
    output = _render(reports, output_format, color, several=len(sources) > 1)
    if to_stdout:
        click.echo(output, nl=False, color=color)
    else:
        write_output(out, output, inputs=sources, force=force)
    ready = all(report.ready_to_send for _, report in reports)
    verdict = ExitCode.DONE if ready else ExitCode.NEGATIVE
    click.get_current_context().exit(ExitCode.BAD_INPUT if bad else verdict)


def _render(
    typed: list[tuple[str, Report]], output_format: str, color: bool, *, several: bool
) -> str:
    """Render the reports; with several inputs, the list and summary shapes (even of one)."""
    if output_format == "json":
        if not several:
            data: object = typed[0][1].to_dict()
        else:
            data = [{"file": name, "report": report.to_dict()} for name, report in typed]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output_format == "languagetool":
        from decline.checker.formats.languagetool import render as render_lt

        if not several:
            data = render_lt(typed[0][1])
        else:
            data = [{"file": name, "report": render_lt(report)} for name, report in typed]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from decline.checker.formats.text import render as render_text

    style = click.style if color else _no_style
    parts = [
        render_text(report, name=name if several else "", color=color, style=style)
        for name, report in typed
    ]
    if several and typed:
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
