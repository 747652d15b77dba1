"""LanguageTool replacements: a finding's concrete text, where one edit of its span answers it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from decline.errors import InputError
from decline.repair.edits import Change

REPLACEMENTS_UP_TO = 20_000  # characters: LanguageTool replacements cost a repair (reviews)


def with_replacements(report: Any, **facts: Any) -> Any:
    """Return the report with each finding's `replacements` holding the repair's concrete
    text, where the repair answers it with one edit of the finding's own span.

    A missing move (a finding of length 0) gets the text to insert at its position; a
    finding whose repair reaches beyond its span (a whole sentence removed for a phrase
    flagged in it) keeps no replacement, as LanguageTool replaces only the match.
    """
    from decline.repair import fix  # the package's own entry point: imported when used

    text = report.text
    if len(text) > REPLACEMENTS_UP_TO:
        return report  # a paste this long is not a letter: review it quickly, as it is
    try:
        repair = fix(text, report.lang, **facts)
    except InputError:
        return report
    findings = []
    for finding in report.findings:
        value = _replacement(text, finding, [c for c in repair.changes if c.rule == finding.rule])
        findings.append(finding if value is None else finding._replace(replacements=(value,)))
    return replace(report, findings=tuple(findings))


def _replacement(text: str, finding: Any, changes: list[Change]) -> str | None:
    """Return what replaces the finding's span, when exactly one change covers just that."""
    if len(changes) != 1:
        return None
    change = changes[0]
    start, end = finding.offset, finding.offset + finding.length
    change_end = change.offset + change.length
    if not change.offset <= start <= end <= change_end:
        return None
    before, after = text[change.offset : start], text[end:change_end]
    new = change.replacement
    if finding.length == 0 and not before and after.isspace() and new.endswith(after):
        return new[: len(new) - len(after)]  # a paragraph added where the body ends
    if new.startswith(before) and new.endswith(after) and len(before) + len(after) <= len(new):
        return new[len(before) : len(new) - len(after)]
    return None
