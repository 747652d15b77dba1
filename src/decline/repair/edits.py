"""The edits a repair makes: each an edit of the draft's own span, and the result."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Change:
    """One edit of the original draft: replace `length` characters at `offset`.

    `rule` is the code of the finding the edit answers, or "" for one no rule asks for
    (a closing added to a draft that ends without one).
    """

    offset: int
    length: int
    replacement: str
    rule: str
    description: str

    def to_dict(self) -> dict[str, object]:
        """Return the change as the JSON faces show it."""
        return {
            "rule": self.rule or None,
            "offset": self.offset,
            "length": self.length,
            "replacement": self.replacement,
            "description": self.description,
        }


@dataclass(frozen=True)
class Repair:
    """The repaired letter, the changes made, and what only the person can supply."""

    original: str
    text: str
    lang: str
    changes: tuple[Change, ...]
    needs: tuple[str, ...]
    report: Any  # the checker's Report on the repaired text

    @property
    def ready(self) -> bool:
        """Say whether the repaired letter is ready to send with nothing left to supply."""
        return not self.needs and bool(self.report.ready_to_send)

    def apply(self, accepted: Iterable[int]) -> str:
        """Return the draft with only the accepted changes (their indices) made.

        Each change is an edit of the draft's own span, so any subset applies cleanly: the
        person may take the thanks and leave the closing.
        """
        chosen = set(accepted)
        return edited(self.original, [c for i, c in enumerate(self.changes) if i in chosen])

    def diff(self, name: str = "draft") -> str:
        """Return a unified diff from the draft to the repaired letter."""
        return "".join(
            difflib.unified_diff(
                ends_with_newline(self.original).splitlines(keepends=True),
                ends_with_newline(self.text).splitlines(keepends=True),
                fromfile=name,
                tofile=f"{name} (fixed)",
            )
        )

    def to_dict(self) -> dict[str, object]:
        """Return the repair as the JSON faces show it."""
        return {
            "text": self.text,
            "lang": self.lang,
            "ready": self.ready,
            "changes": [change.to_dict() for change in self.changes],
            "needs": list(self.needs),
            "report": self.report.to_dict(),
        }


@dataclass
class Plan:
    """Edits on the original text; insertions at one place keep the order they were made in.

    `inline` adds a sentence inside a paragraph (one space either side), `paragraph` adds a
    paragraph (a blank line either side), `replace` swaps a span as it is.
    """

    edits: list[tuple[int, int, str, str, str, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str, rule: str, why: str) -> None:
        self.edits.append((start, end, text, "replace", rule, why))

    def inline(self, at: int, text: str, rule: str, why: str) -> None:
        self.edits.append((at, at, text, "inline", rule, why))

    def paragraph(self, at: int, text: str, rule: str, why: str) -> None:
        self.edits.append((at, at, text, "paragraph", rule, why))

    def touches(self, at: int) -> bool:
        """Say whether an edit already replaces text at `at`."""
        return any(start <= at < end for start, end, *_ in self.edits)

    def apply(self, original: str) -> tuple[str, tuple[Change, ...]]:
        """Return the edited text and each edit as a change of the original's span."""
        ordered = sorted(enumerate(self.edits), key=lambda item: (item[1][0], item[0]))
        out: list[str] = []
        changes: list[Change] = []
        cursor = 0
        for _, (start, end, text, kind, rule, why) in ordered:
            start = max(start, cursor)  # an insertion inside a removed span goes after it
            end = max(end, start)
            chunk = original[cursor:start]
            if kind == "inline":
                last = (chunk or "".join(out[-2:]))[-1:]
                before = "" if not last or last.isspace() else " "
                after = "" if end >= len(original) or original[end].isspace() else " "
                text = before + text + after
            elif kind == "paragraph":
                if not chunk.strip() and changes and out:  # right after another edit
                    out[-1] = out[-1].rstrip(" \t\r\n")
                    changes[-1] = replace(changes[-1], replacement=out[-1])
                kept = chunk.rstrip(" \t\r\n")
                start -= len(chunk) - len(kept)
                chunk = kept
                rest = original[end:]
                end += len(rest) - len(rest.lstrip(" \t\r\n"))
                lead = "\n\n" if (chunk or out) else ""
                text = lead + text + ("\n\n" if end < len(original) else "\n")
            elif not text and original[end : end + 1] in ("\n", "\r", ""):
                kept = chunk.rstrip(" \t")  # a removal leaves no space before a line break
                start -= len(chunk) - len(kept)
                chunk = kept
            out += [chunk, text]
            changes.append(Change(start, end - start, text, rule, why))
            cursor = end
        out.append(original[cursor:])
        return "".join(out), tuple(changes)


def edited(original: str, changes: Iterable[Change]) -> str:
    """Return the original with the changes made: edits of its own disjoint spans, in the
    order of the text (two insertions at one place keep their order)."""
    text = original
    for change in reversed(list(changes)):
        end = change.offset + change.length
        text = text[: change.offset] + change.replacement + text[end:]
    return text


def ends_with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
