"""Review a decline letter: parse it, analyse it once, run every rule, build the report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from decline.checker import language, lexicon
from decline.checker.analysis import Analysis
from decline.checker.document import parse
from decline.checker.report import Report
from decline.checker.rule import MAX_FINDINGS_PER_GRADE, Finding, Severity
from decline.checker.rules import BY_CODE, CHECKS
from decline.errors import InputError


def normalise_ignore(ignore: Iterable[str]) -> frozenset[str]:
    """Return the rule codes to ignore, upper-cased; InputError naming an unknown one."""
    codes = set()
    for raw in ignore:
        code = raw.strip().upper()
        if not code:
            continue
        if code not in BY_CODE:
            known = ", ".join(BY_CODE)
            raise InputError(f"unknown rule code {raw!r} to ignore; the codes are {known}")
        codes.add(code)
    return frozenset(codes)


def _soften(findings: list[Finding], hard_rules: frozenset[str]) -> list[Finding]:
    """Return the findings with P2–P7 errors made warnings, when the learned layer is sure
    the letter is graceful: unless a hard rule (profanity, burnt bridges) has an error."""
    if any(f.rule in hard_rules and f.severity is Severity.ERROR for f in findings):
        return findings
    return [
        f._replace(severity=Severity.WARNING)
        if f.severity is Severity.ERROR and f.principle is not None
        else f
        for f in findings
    ]


def review(
    text: str,
    lang: str = "auto",
    *,
    received: date | None = None,
    deadline: date | None = None,
    today: date | None = None,
    ignore: Iterable[str] = (),
) -> Report:
    """Review a decline letter against P2–P7 and return the report.

    Raises `InputError` for empty text, an unsupported or undetectable language, or an
    unknown rule code in `ignore`; nothing else.
    """
    if not isinstance(text, str):
        raise InputError(f"expected the letter as text, found {type(text).__name__}")
    if not text.strip():
        raise InputError("the letter is empty")
    if not isinstance(lang, str):
        raise InputError(f"expected a language code, found {lang!r}")
    ignored = normalise_ignore(ignore)
    text = text.removeprefix("\ufeff")
    code = language.detect(text) if lang == "auto" else lang
    lex = lexicon.load(code)
    analysis = Analysis(
        parse(text, lex), lex, received=received, deadline=deadline, today=today, ignored=ignored
    )
    findings: list[Finding] = []
    for rule, check in CHECKS:
        if rule.code not in ignored:
            kept: dict[str, int] = {}
            for finding in check(analysis):
                count = kept.get(finding.severity, 0)
                if count < MAX_FINDINGS_PER_GRADE:
                    kept[finding.severity] = count + 1
                    findings.append(finding)
    verdict = analysis.learned
    if verdict is not None and verdict.graceful and verdict.combine in ("decide", "clear"):
        findings = _soften(findings, verdict.hard_rules)
    findings.sort(key=lambda f: (f.offset, f.rule))
    return Report(
        lang=code,
        words=analysis.document.words,
        signals=analysis.signals(),
        findings=tuple(findings),
        text=text,
    )
