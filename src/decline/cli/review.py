"""`decline review`: check drafts against the principles of a graceful decline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from decline import languages
from decline.cli.main import State
from decline.dates import parse_optional_date
from decline.errors import InputError
from decline.exitcodes import ExitCode

if TYPE_CHECKING:
    from decline.checker.report import Report


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
@click.option("--fix", is_flag=True, help="Print the repaired letter (one draft).")
@click.option("--diff", is_flag=True, help="Print the repair as a unified diff (implies --fix).")
@click.option("--to", metavar="NAME", help="With --fix: the person to greet by name.")
@click.option("--name", metavar="NAME", help="With --fix: your name, for the signature.")
@click.option("--company", metavar="NAME", help="With --fix: the company, for blanks.")
@click.option("--role", metavar="ROLE", help="With --fix: the role, for blanks.")
@click.option("--offer", "offer_id", metavar="ID", help="With --fix: facts from a stored offer.")
@click.option("--decided", is_flag=True, help="With --fix: you have decided; say the no plainly.")
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
    fix: bool,
    diff: bool,
    to: str | None,
    name: str | None,
    company: str | None,
    role: str | None,
    offer_id: str | None,
    decided: bool,
) -> None:
    """Check drafts (.txt in UTF-8 or UTF-16 with a BOM, .eml, or - for stdin).

    Exit 0 when every letter is ready to send, 1 when one is not graceful or not ready.
    With several files, one that cannot be read is named on standard error and the others
    are still reviewed; the exit is then 2.

    With --fix (or --diff), one draft is repaired in its own words: the repaired letter
    (or the diff) goes to standard output or -o, what changed and what only you can
    supply go to standard error; exit 0 when it is ready to send, else 1.
    """
    from decline.checker.engine import normalise_ignore, review
    from decline.cli.io import check_output, is_stdio, label, write_output

    facts = {"to": to, "name": name, "company": company, "role": role}
    codes = [code for code in ignore.split(",") if code.strip()]
    codes += list(state.settings().review_ignore)
    if fix or diff:
        repairing = (facts, offer_id, decided, codes)
        _fix(files, lang, output_format, out, force, diff, *repairing)
        return
    given = [f"--{key}" for key, value in facts.items() if value is not None]
    given += ["--offer"] * (offer_id is not None) + ["--decided"] * decided
    if given:
        raise click.UsageError(f"{given[0]} only works with --fix or --diff")

    dates = {
        "received": parse_optional_date(received, field="--received"),
        "deadline": parse_optional_date(deadline, field="--deadline"),
        "today": parse_optional_date(today, field="--today"),
    }
    sources = files or ("-",)
    if sources == ("-",) and sys.stdin.isatty():
        raise click.UsageError("give a draft file, or pipe one in with -")
    normalise_ignore(codes)  # an unknown code is a usage error, not one bad file
    if out is not None:
        check_output(out, inputs=sources, force=force)
    reports: list[tuple[str, Report]] = []
    bad = 0
    for source in sources:
        try:
            shown, text = _read(source)
            reports.append((shown, review(text, lang, ignore=codes, **dates)))
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
        from decline.repair import with_replacements

        if not several:
            data = render_lt(with_replacements(typed[0][1]))
        else:
            data = [
                {"file": name, "report": render_lt(with_replacements(report))}
                for name, report in typed
            ]
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


def _fix(
    files: tuple[str, ...],
    lang: str,
    output_format: str,
    out: str | None,
    force: bool,
    diff: bool,
    facts: dict[str, str | None],
    offer_id: str | None,
    decided: bool,
    codes: list[str],
) -> None:
    """Repair one draft: the letter (or diff, or JSON) out, the changes and needs on stderr."""
    from decline.cli.io import check_output, label, write_output
    from decline.repair import fix

    sources = files or ("-",)
    if len(sources) > 1:
        raise click.UsageError("--fix repairs one draft at a time; give one file")
    if output_format == "languagetool":
        raise click.UsageError("--fix prints the letter, --diff or --format json; not languagetool")
    if sources == ("-",) and sys.stdin.isatty():
        raise click.UsageError("give a draft file, or pipe one in with -")
    if out is not None:
        check_output(out, inputs=sources, force=force)
    if offer_id is not None:
        known = _offer_facts(offer_id)
        facts = {
            key: value if value is not None else known.get(key) for key, value in facts.items()
        }
    shown, text = _read(sources[0])
    repair = fix(text, lang, decided=decided, ignore=codes, **facts)
    if output_format == "json":
        output = json.dumps(repair.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif diff:
        output = repair.diff(label(sources[0]))
    else:
        output = repair.text if repair.text.endswith("\n") else repair.text + "\n"
    write_output(out, output, inputs=sources, force=force)
    for line in _account(shown, repair):
        click.echo(line, err=True)
    click.get_current_context().exit(ExitCode.DONE if repair.ready else ExitCode.NEGATIVE)


def _account(name: str, repair: Any) -> list[str]:
    """Say what the repair changed and what only the person can supply."""
    if not repair.changes:
        lines = [f"{name}: nothing to change"]
    else:
        count = len(repair.changes)
        lines = [f"{name}: {count} change{'s' * (count != 1)}"]
        lines += [f"  {change.rule or '—':4}  {change.description}" for change in repair.changes]
    if repair.needs:
        lines.append("Still yours to supply:")
        lines += [f"  - {need}" for need in repair.needs]
    elif repair.ready:
        lines.append(f"Ready to send (score {repair.report.score}).")
    else:
        lines.append(f"Not ready yet (score {repair.report.score}): decline review it again.")
    return lines


def _offer_facts(offer_id: str) -> dict[str, str]:
    """Return what the workspace knows of an offer: whom to greet, company, role, your name."""
    from decline.cli.workspace_options import open_workspace
    from decline.repair import facts_for_offer
    from decline.workspace.catalog import get_candidate, get_offer

    with open_workspace(click.get_current_context()) as workspace, workspace.transaction() as db:
        offer = get_offer(db, offer_id)
        candidate = get_candidate(db)
    return facts_for_offer(offer, candidate)
