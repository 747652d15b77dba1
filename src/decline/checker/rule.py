"""The record every rule exports, its examples, and the findings rules produce."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from decline.cache import compile as compile_pattern


class Severity(StrEnum):
    """How much a finding matters; `error` makes a letter ungraceful (P2–P7)."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        """Return 3 for an error, 2 for a warning, 1 for a suggestion."""
        return {"error": 3, "warning": 2, "suggestion": 1}[self.value]


# A rule reports at most this many findings of one severity: a real letter never comes
# close (the corpora's most is 17), and a text of 50,000 emoji gets 50 findings rather than
# a report too long to read or render. Keeping each severity keeps score and verdicts exact.
MAX_FINDINGS_PER_GRADE = 50

_MARK = compile_pattern(r"\[\[(.*?)\]\](?!\])", re.DOTALL)


@dataclass(frozen=True)
class Example:
    """A letter (or part of one) that a rule must flag (bad) or leave alone (good).

    In a bad example `[[…]]` marks each span the rule must report; `[[]]` marks where a
    missing move belongs. Dates give the context a timing rule needs.
    """

    marked: str
    lang: str = "en"
    received: date | None = None
    deadline: date | None = None
    today: date | None = None

    def text_and_spans(self) -> tuple[str, list[tuple[int, int]]]:
        """Return the plain text and the (offset, length) of each marked span."""
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        position = 0
        cursor = 0
        for match in _MARK.finditer(self.marked):
            before = self.marked[cursor : match.start()]
            pieces.append(before)
            position += len(before)
            spans.append((position, len(match.group(1))))
            pieces.append(match.group(1))
            position += len(match.group(1))
            cursor = match.end()
        pieces.append(self.marked[cursor:])
        return "".join(pieces), spans


@dataclass(frozen=True)
class Rule:
    """A review rule's stable identity, grades and examples; its doc is the module docstring."""

    code: str
    name: str
    principle: str | None
    severity: Severity
    grades: tuple[tuple[Severity, str], ...] = ()
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    doc: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"D[2-79]\d\d", self.code):
            raise ValueError(f"rule code {self.code!r} is not D + principle digit + two digits")


class Finding(NamedTuple):
    """One problem in a letter, at a span of the decoded text (code points).

    A named tuple rather than a dataclass: reviews make many, and it is immutable too.
    """

    rule: str
    name: str
    principle: str | None
    severity: Severity
    message: str
    offset: int
    length: int
    suggestion: str
    replacements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return the finding as the JSON report shows it."""
        return {
            "rule": self.rule,
            "name": self.name,
            "principle": self.principle,
            "severity": self.severity.value,
            "message": self.message,
            "offset": self.offset,
            "length": self.length,
            "suggestion": self.suggestion,
        }
