"""Render a report in the response shape of LanguageTool's `/v2/check`.

LanguageTool clients and editor plugins can then show our findings. Offsets and lengths
are UTF-16 code units, as LanguageTool's own server reports them; our findings are
advice rather than literal corrections, so `replacements` is empty and the advice goes in
the message.
"""

from __future__ import annotations

from typing import Any

from decline import __version__
from decline.checker import lexicon
from decline.checker.formats.positions import Positions
from decline.checker.report import Report
from decline.checker.rule import Finding, Severity
from decline.checker.rules import BY_CODE

CONTEXT = 40
SENTENCE_REACH = 2_000  # characters of a long line kept either side of a match
_ISSUE_TYPE = {
    Severity.ERROR: "style",
    Severity.WARNING: "style",
    Severity.SUGGESTION: "style",
}


def utf16_offset(text: str, index: int) -> int:
    """Return the UTF-16 code-unit offset of code-point `index` in `text`."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def _context(text: str, offset: int, length: int) -> dict[str, Any]:
    start = max(0, offset - CONTEXT)
    end = min(len(text), offset + length + CONTEXT)
    prefix = "..." if start > 0 else ""
    suffix = "..." if end < len(text) else ""
    snippet = text[start:end].replace("\n", " ").replace("\r", " ")
    before = text[start:offset]
    return {
        "text": prefix + snippet + suffix,
        "offset": len(prefix) + utf16_offset(before, len(before)),
        "length": utf16_offset(text[offset : offset + length], length),
    }


def _sentence(positions: Positions, finding: Finding) -> str:
    """Return the line around the match, cut to SENTENCE_REACH either side when longer."""
    _, start, _ = positions.line(finding.offset)
    _, _, end = positions.line(finding.offset + finding.length)
    start = max(start, finding.offset - SENTENCE_REACH)
    end = min(end, finding.offset + finding.length + SENTENCE_REACH)
    return positions.text[start:end].strip()


def _match(positions: Positions, finding: Finding) -> dict[str, Any]:
    text = positions.text
    rule = BY_CODE[finding.rule]
    principle = finding.principle or "READINESS"
    return {
        "message": f"{finding.message} {finding.suggestion}",
        "shortMessage": rule.name.replace("-", " "),
        "replacements": [{"value": value} for value in finding.replacements],
        "offset": positions.utf16(finding.offset),
        "length": positions.utf16(finding.offset + finding.length)
        - positions.utf16(finding.offset),
        "context": _context(text, finding.offset, finding.length),
        "sentence": _sentence(positions, finding),
        "type": {"typeName": "Other"},
        "rule": {
            "id": finding.rule,
            "subId": "1",
            "description": f"{rule.doc.strip().splitlines()[0]} ({principle})",
            "issueType": _ISSUE_TYPE[finding.severity],
            "category": {"id": f"DECLINE_{principle}", "name": f"Graceful decline {principle}"},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def render(report: Report) -> dict[str, Any]:
    """Return the report as LanguageTool's `/v2/check` response object."""
    lex = lexicon.load(report.lang)
    language = {"name": lex.name, "code": lex.languagetool_code}
    positions = Positions(report.text)
    return {
        "software": {
            "name": "decline",
            "version": __version__,
            "buildDate": None,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {**language, "detectedLanguage": {**language, "confidence": 1.0}},
        "matches": [_match(positions, finding) for finding in report.findings],
    }
