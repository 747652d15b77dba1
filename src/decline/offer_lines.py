"""Find the line of a key in raw TOML text, so an error can point at it.

`tomllib` returns plain values without positions, so the loader scans the text once and
records where each table header and key starts. It is a best effort for the shapes an offer
file uses (tables, arrays of tables, dotted and quoted keys, inline tables on one line);
a key it cannot place falls back to the nearest enclosing table's line.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_BARE_OR_QUOTED = r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_PART = re.compile(_BARE_OR_QUOTED)


def _parts(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(dotted)]


class KeyLines:
    """Where each key and table of a TOML document starts (1-based line numbers)."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._arrays: dict[Path, int] = {}
        current: Path = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header:
                current = self._enter(header.group(1) == "[[", _parts(header.group(2)))
                self._lines.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self._lines.setdefault(current + tuple(_parts(key.group(1))), number)
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2 == 1:
                    in_multiline = quotes

    def _resolve(self, parts: list[str]) -> Path:
        path: Path = ()
        for part in parts:
            path += (part,)
            if path in self._arrays:
                path += (self._arrays[path] - 1,)
        return path

    def _enter(self, is_array: bool, parts: list[str]) -> Path:
        if not is_array:
            return self._resolve(parts)
        array = (*self._resolve(parts[:-1]), parts[-1])
        index = self._arrays.get(array, 0)
        self._arrays[array] = index + 1
        return (*array, index)

    def find(self, path: Path) -> int | None:
        """Return the line of `path`, else of its nearest recorded ancestor, else None."""
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None
