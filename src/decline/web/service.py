"""What both web faces (pages and API) ask of the core and the workspace, said once.

Thin on purpose: every decision is made by the core (`review`, `compose`, `compare`) or the
workspace; this module only gathers their inputs from one request and shapes their output
for display (checklist rows, highlighted segments).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from decline.checker.report import Report
from decline.checker.rule import Severity
from decline.offers import Offer, OfferSet
from decline.workspace.store import Workspace

PRINCIPLES = ("P2", "P3", "P4", "P5", "P6", "P7")


@contextmanager
def workspace(db_path: Path) -> Iterator[Workspace]:
    """Open the workspace for one request."""
    opened = Workspace.open(db_path)
    try:
        yield opened
    finally:
        opened.close()


def offer_set(db_path: Path) -> OfferSet:
    """Return the whole workspace as the value the core takes."""
    from decline.workspace.catalog import offer_set as read

    with workspace(db_path) as opened, opened.transaction() as connection:
        return read(connection)


def offer(db_path: Path, offer_id: str) -> Offer:
    """Return one stored offer (InputError naming the known ids when missing)."""
    from decline.workspace.catalog import get_offer

    with workspace(db_path) as opened, opened.transaction() as connection:
        return get_offer(connection, offer_id)


def review(
    text: str,
    lang: str = "auto",
    *,
    offer: Offer | None = None,
    today: date | None = None,
    ignore: tuple[str, ...] = (),
) -> Report:
    """Review a draft, with the offer's dates for the timing rules when known.

    The letters service's review, taking plain values so a worker process can run it.
    """
    from decline.service.letters import review_draft

    return review_draft(text, lang, offer=offer, today=today, ignore=ignore)


@dataclass(frozen=True)
class ChecklistRow:
    """One principle's line: done or not, and the first problem when not."""

    principle: str
    label: str
    ok: bool | None  # None: nothing reviewed yet
    problem: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the row as JSON-ready values."""
        return dataclasses.asdict(self)


def checklist(report: Report | None, labels: dict[str, str]) -> list[ChecklistRow]:
    """Return P2–P7 as the text report says them: an error or warning leaves one open."""
    if report is None:
        return [ChecklistRow(p, labels.get(p, p), None, None) for p in PRINCIPLES]
    rows = []
    for principle in PRINCIPLES:
        problems = [
            f
            for f in report.findings
            if f.principle == principle and f.severity is not Severity.SUGGESTION
        ]
        rows.append(
            ChecklistRow(
                principle=principle,
                label=labels.get(principle, principle),
                ok=not problems,
                problem=problems[0].message if problems else None,
            )
        )
    return rows


def checklist_labels(lang: str) -> dict[str, str]:
    """Return the P2–P7 labels in a language that has a lexicon (English otherwise)."""
    from decline.checker import lexicon

    code = lang if lang in lexicon.available() else "en"
    return dict(lexicon.load(code).checklist)


@dataclass(frozen=True)
class Segment:
    """A run of the letter: plain, or a finding's span (or the point where one belongs)."""

    text: str
    finding: int | None = None  # index into report.findings
    severity: str | None = None


def segments(report: Report) -> list[Segment]:
    """Cut the letter into plain runs and marked spans, in order; overlaps are clipped."""
    text = report.text
    pieces: list[Segment] = []
    cursor = 0
    for index, finding in enumerate(report.findings):
        start = max(finding.offset, cursor)
        end = max(start, finding.offset + finding.length)
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        pieces.append(Segment(text[start:end], index, finding.severity.value))
        cursor = end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces


def with_weights(offers: OfferSet, weights: dict[str, float]) -> OfferSet:
    """Return the offers with these direct weights instead of the stored priorities."""
    from decline.service.offers import with_weights as weighed

    return weighed(offers, weights)


def criteria(offers: OfferSet) -> list[str]:
    """Return the criteria one can weigh: built-ins, then every rated custom criterion."""
    from decline.service.offers import criteria_of

    return criteria_of(offers)
