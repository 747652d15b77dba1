"""LanguageTool's `data` parameter: text with markup, checked as text, reported on the whole.

A client sends `{"annotation": [{"text": "Dear "}, {"markup": "<b>"}, {"text": "Tom"},
{"markup": "<p>", "interpretAs": "\\n\\n"}, …]}`. The checker reads only the text parts
(markup counts as its `interpretAs`, or as nothing), and every match is reported at its
place in the whole document (text and markup together), as LanguageTool's server does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any


class AnnotationError(ValueError):
    """The `data` parameter is not an annotation LanguageTool would accept."""


@dataclass(frozen=True)
class Annotated:
    """The plain text to check, the whole document, and the map between them."""

    plain: str
    document: str
    # Per part with plain text: where it starts in `plain`, where it ends, its start and end
    # in `document`, and whether it is text (mapped character by character) or markup.
    parts: tuple[tuple[int, int, int, int, bool], ...]

    def to_document(self, start: int, length: int) -> tuple[int, int]:
        """Return the document span (start, length) of a plain-text span."""
        begin = self._place(start, end=False)
        finish = self._place(start + length, end=True) if length else begin
        return begin, max(0, finish - begin)

    def _place(self, position: int, *, end: bool) -> int:
        """Map a plain-text position; an end maps to the end of markup, a start to its start.

        Checked parts tile the plain text without gaps, so the part holding a position is
        the last one starting at or before it (strictly before, for an end).
        """
        starts = [part[0] for part in self.parts]
        if end:
            index = bisect.bisect_left(starts, position) - 1
        else:
            index = bisect.bisect_right(starts, position) - 1
        if index < 0:
            return 0
        plain_start, plain_end, doc_start, doc_end, is_text = self.parts[index]
        if position > plain_end or (position == plain_end and not end):
            return doc_end  # past the last checked part
        if is_text:
            return doc_start + (position - plain_start)
        return doc_end if end else doc_start


def parse(data: Any) -> Annotated:
    """Return the annotation of a parsed `data` value (AnnotationError when it is not one)."""
    if not isinstance(data, dict) or not isinstance(data.get("annotation"), list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    document: list[str] = []
    parts: list[tuple[int, int, int, int, bool]] = []
    plain_size = document_size = 0
    for number, item in enumerate(data["annotation"]):
        if not isinstance(item, dict) or not item.keys() <= {"text", "markup", "interpretAs"}:
            raise AnnotationError(
                f"annotation[{number}]: expected an object with 'text', or 'markup' "
                "and an optional 'interpretAs'"
            )
        text, markup, meaning = item.get("text"), item.get("markup"), item.get("interpretAs")
        if (text is None) == (markup is None) or (text is not None and meaning is not None):
            raise AnnotationError(
                f"annotation[{number}]: give either 'text' or 'markup' (with 'interpretAs')"
            )
        shown = text if text is not None else markup
        checked = text if text is not None else (meaning or "")
        if not isinstance(shown, str) or not isinstance(checked, str):
            raise AnnotationError(
                f"annotation[{number}]: 'text', 'markup' and 'interpretAs' are texts"
            )
        if checked:
            parts.append(
                (
                    plain_size,
                    plain_size + len(checked),
                    document_size,
                    document_size + len(shown),
                    text is not None,
                )
            )
        plain.append(checked)
        document.append(shown)
        plain_size += len(checked)
        document_size += len(shown)
    return Annotated("".join(plain), "".join(document), tuple(parts))
