"""Find a finding's line and its UTF-16 offset in time independent of the text's length.

A report may hold many findings in a long text; scanning the text from its start for each
of them (counting newlines, or characters outside the Basic Multilingual Plane) would make
rendering quadratic. The text is read once here, and each look-up is a binary search or an
index.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_NEWLINE = re.compile("\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Positions:
    """Line starts and UTF-16 offsets of one text, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]
        self._utf16: list[int] | None = None
        if _ASTRAL.search(text):  # otherwise code points and UTF-16 units coincide
            self._utf16 = [0, *accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]

    def line(self, offset: int) -> tuple[int, int, int]:
        """Return (1-based line number, line start, line end) of the line holding `offset`."""
        index = bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[index]
        if index + 1 < len(self._line_starts):
            end = self._line_starts[index + 1] - 1
        else:
            end = len(self.text)
        return index + 1, start, end

    def utf16(self, index: int) -> int:
        """Return the UTF-16 code-unit offset of code-point `index`."""
        if self._utf16 is None:
            return index
        return self._utf16[max(0, min(index, len(self.text)))]
