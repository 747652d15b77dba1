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
from itertools import pairwise
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


# Where findings overlap, the more severe one is drawn (then the earlier): a sentence-long
# warning never hides the error inside it. app.js paints live reviews the same way.
_RANK = {"error": 0, "warning": 1, "suggestion": 2}


def segments(report: Report) -> list[Segment]:
    """Cut the letter into plain runs and marked spans, in order. Each stretch of text is
    marked for the most severe finding covering it (the earliest among equals); a finding
    with no stretch of its own (empty, or wholly under a stronger one) is a point at its
    start."""
    text, findings = report.text, report.findings
    size = len(text)
    spans = [(min(f.offset, size), min(f.offset + f.length, size)) for f in findings]

    def priority(index: int) -> tuple[int, int]:
        return (_RANK.get(findings[index].severity.value, len(_RANK)), index)

    cuts = sorted({0, size, *(start for start, _ in spans), *(end for _, end in spans)})
    runs: list[tuple[int, int, int | None]] = []
    for start, end in pairwise(cuts):
        covering = [i for i, (s, e) in enumerate(spans) if s <= start and end <= e and s < e]
        runs.append((start, end, min(covering, key=priority) if covering else None))
    shown = {index for _, _, index in runs if index is not None}
    points = sorted((spans[i][0], i) for i in range(len(spans)) if i not in shown)
    pieces: list[Segment] = []

    def add(piece: str, index: int | None) -> None:
        if pieces and piece and pieces[-1].text and pieces[-1].finding == index:
            pieces[-1] = Segment(pieces[-1].text + piece, index, pieces[-1].severity)
        else:
            severity = None if index is None else findings[index].severity.value
            pieces.append(Segment(piece, index, severity))

    waiting = 0
    for start, end, index in runs:
        while waiting < len(points) and points[waiting][0] <= start:
            add("", points[waiting][1])
            waiting += 1
        add(text[start:end], index)
    for _, index in points[waiting:]:
        add("", index)
    return pieces


def with_weights(offers: OfferSet, weights: dict[str, float]) -> OfferSet:
    """Return the offers with these direct weights instead of the stored priorities."""
    from decline.service.offers import with_weights as weighed

    return weighed(offers, weights)


def criteria(offers: OfferSet) -> list[str]:
    """Return the criteria one can weigh: built-ins, then every rated custom criterion."""
    from decline.service.offers import criteria_of

    return criteria_of(offers)
