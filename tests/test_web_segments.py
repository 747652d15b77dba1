"""The editor's highlights: one mark per stretch of text, the most severe finding drawn
where findings overlap, nothing lost (the live app.js paints the same way)."""

from __future__ import annotations

from decline.checker.report import Report
from decline.checker.rule import Finding, Severity
from decline.web.service import segments

TEXT = "Dear Tom,\nThanks. Your management is a disorganised mess. Best,\nAnn"


def _finding(rule: str, text: str, severity: Severity) -> Finding:
    start = TEXT.index(text)
    return Finding(rule, rule.lower(), "P5", severity, "m", start, len(text), "s")


def _report(*findings: Finding) -> Report:
    return Report(lang="en", words=10, signals={}, findings=findings, text=TEXT)


def test_an_error_inside_a_longer_warning_keeps_its_own_mark() -> None:
    sentence = "Your management is a disorganised mess."
    warning = _finding("D703", sentence, Severity.WARNING)
    error = _finding("D503", "disorganised", Severity.ERROR)
    pieces = segments(_report(warning, error))
    assert "".join(piece.text for piece in pieces) == TEXT
    marked = [(piece.text, piece.severity) for piece in pieces if piece.finding is not None]
    assert marked == [
        ("Your management is a ", "warning"),
        ("disorganised", "error"),
        (" mess.", "warning"),
    ]


def test_a_finding_wholly_under_a_stronger_one_is_a_point_at_its_start() -> None:
    error = _finding("D503", "disorganised mess", Severity.ERROR)
    warning = _finding("D304", "mess", Severity.WARNING)
    pieces = segments(_report(error, warning))
    assert "".join(piece.text for piece in pieces) == TEXT
    assert [(p.text, p.finding) for p in pieces if p.finding is not None] == [
        ("disorganised ", 0),
        ("", 1),
        ("mess", 0),
    ]


def test_equal_findings_that_overlap_keep_the_earlier_then_the_rest_of_the_later() -> None:
    first = _finding("D304", "Your management", Severity.WARNING)
    second = _finding("D501", "management is a", Severity.WARNING)
    pieces = segments(_report(first, second))
    assert [(p.text, p.finding) for p in pieces if p.finding is not None] == [
        ("Your management", 0),
        (" is a", 1),
    ]


def test_an_empty_finding_is_a_point_and_the_rest_is_plain() -> None:
    point = Finding("D402", "no-regret", "P4", Severity.SUGGESTION, "m", 17, 0, "s")
    pieces = segments(_report(point))
    assert [(p.text, p.finding) for p in pieces] == [(TEXT[:17], None), ("", 0), (TEXT[17:], None)]
