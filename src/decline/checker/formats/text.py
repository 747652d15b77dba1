"""Render a report as text for a person: a P2–P7 checklist, then each finding in context."""

from __future__ import annotations

from collections.abc import Callable

from decline.checker import lexicon
from decline.checker.formats.positions import Positions
from decline.checker.report import Report
from decline.checker.rule import Finding, Severity

PRINCIPLES = ("P2", "P3", "P4", "P5", "P6", "P7")
Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _excerpt(positions: Positions, finding: Finding, style: Style, color: bool) -> list[str]:
    text = positions.text
    _, line_start, line_end = positions.line(finding.offset)
    end = min(finding.offset + finding.length, line_end)
    window_start = max(line_start, finding.offset - 60)
    window_end = min(line_end, max(end, finding.offset) + 60)
    before = text[window_start : finding.offset].replace("\t", " ")
    marked = text[finding.offset : end].replace("\t", " ")
    after = text[end:window_end].replace("\t", " ")
    lead = "…" if window_start > line_start else ""
    tail = "…" if window_end < line_end else ""
    if color:
        shown = (
            style(marked, fg="red", bold=True, underline=True) if marked else style("▌", fg="red")
        )
        return [f"    │ {lead}{before}{shown}{after}{tail}"]
    caret = "^" * max(1, len(marked))
    return [
        f"    │ {lead}{before}{marked}{after}{tail}",
        f"    │ {' ' * (len(lead) + len(before))}{caret}",
    ]


def render(report: Report, *, name: str = "", color: bool = False, style: Style = _plain) -> str:
    """Return the report as text; `style` colours spans (click.style) when `color` is set."""
    lex = lexicon.load(report.lang)
    labels = lex.labels
    positions = Positions(report.text)
    verdict_graceful = labels["graceful"] if report.graceful else labels["not_graceful"]
    verdict_ready = labels["ready"] if report.ready_to_send else labels["not_ready"]
    good = report.ready_to_send
    head = f"{name} — " if name else ""
    lines = [
        style(
            f"{head}{lex.name}, {report.words} {labels['words']} · {labels['score']} "
            f"{report.score} · {verdict_graceful} · {verdict_ready}",
            fg="green" if good else "red",
            bold=True,
        ),
        "",
        style(labels["checklist"], bold=True),
    ]
    for principle in PRINCIPLES:
        problems = [
            f
            for f in report.findings
            if f.principle == principle and f.severity is not Severity.SUGGESTION
        ]
        mark = style("✗", fg="red", bold=True) if problems else style("✓", fg="green", bold=True)
        # the worst problem of the principle, the rules' own before the learned layer's
        first = min(problems, key=lambda f: (-f.severity.rank, f.rule)) if problems else None
        detail = f" — {first.message}" if first else ""
        lines.append(f"  {mark} {principle}  {lex.checklist[principle]}{detail}")
    lines.append("")
    if not report.findings:
        lines.append(labels["no_findings"])
        return "\n".join(lines) + "\n"
    lines.append(style(labels["findings"], bold=True))
    colours = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
    for finding in report.findings:
        line_no, line_start, _ = positions.line(finding.offset)
        column = finding.offset - line_start + 1
        principle = f" ({finding.principle})" if finding.principle else ""
        key = finding.severity.value
        word = labels["suggestion_severity" if key == "suggestion" else key]
        severity = style(word, fg=colours[finding.severity], bold=True)
        lines.append(
            f"  {finding.rule} {severity}{principle} {line_no}:{column}  {finding.message}"
        )
        lines.extend(_excerpt(positions, finding, style, color))
        lines.append(f"    {labels['suggestion']}: {finding.suggestion}")
    return "\n".join(lines) + "\n"
