"""The review report: signals, findings, score and verdicts (docs/design.md's JSON contract)."""

from __future__ import annotations

from dataclasses import dataclass

from decline.checker.rule import Finding, Severity

SCHEMA = 1
SIGNALS = (
    "gratitude",
    "clear_decision",
    "addressed_by_name",
    "brief_reason",
    "regret",
    "stay_connected",
    "door_open",
    "oversharing",
    "negative_about_company",
    "professional_tone",
)
_PENALTY = {Severity.ERROR: 25, Severity.WARNING: 8, Severity.SUGGESTION: 2}


@dataclass(frozen=True)
class Report:
    """What the checker says of one letter."""

    lang: str
    words: int
    signals: dict[str, bool]
    findings: tuple[Finding, ...]
    text: str = ""

    @property
    def graceful(self) -> bool:
        """Say whether no P2–P7 finding is an error (content, not readiness)."""
        return not any(
            f.severity is Severity.ERROR and f.principle is not None for f in self.findings
        )

    @property
    def ready_to_send(self) -> bool:
        """Say whether the letter is graceful and no readiness (D9xx) finding remains."""
        return self.graceful and not any(f.principle is None for f in self.findings)

    @property
    def score(self) -> int:
        """Return 100 less 25 an error, 8 a warning, 2 a suggestion, each rule counted once."""
        worst: dict[str, Severity] = {}
        for finding in self.findings:
            current = worst.get(finding.rule)
            if current is None or finding.severity.rank > current.rank:
                worst[finding.rule] = finding.severity
        return max(0, 100 - sum(_PENALTY[severity] for severity in worst.values()))

    def to_dict(self) -> dict[str, object]:
        """Return the report as docs/design.md's JSON contract (schema 1)."""
        return {
            "schema": SCHEMA,
            "lang": self.lang,
            "words": self.words,
            "score": self.score,
            "graceful": self.graceful,
            "ready_to_send": self.ready_to_send,
            "signals": {name: self.signals[name] for name in SIGNALS},
            "findings": [finding.to_dict() for finding in self.findings],
        }
