"""Find the line of a key in raw TOML text, so an error can point at it.

`tomllib` returns plain values without positions, so the loader scans the text once and
records where each table header and key starts. The scan is one left-to-right pass over
tokens (strings, comments, brackets, bare words), so its time is linear in the text
whatever the text holds: no pattern here can backtrack over a run of spaces or quotes.
It knows the shapes an offer file uses (tables, arrays of tables, dotted and quoted keys,
values spread over lines); a key inside a value (an inline table) falls back to the line of
the key that holds the value.

The same pass measures how deeply values nest (`[[[…]]]`, `{ a = { b = … } }`), so the
loader can refuse a file nested too deeply before `tomllib` recurses into it.
"""

from __future__ import annotations

import re
import tomllib

from decline.cache import compile as compile_pattern

Path = tuple[str | int, ...]

MAX_NESTING = 16
"""The deepest nesting of arrays and inline tables the loader accepts; an offer file needs 2."""

# Every alternative either matches at once or consumes up to a fixed delimiter; an
# unterminated string runs to the end of its line (or of the text) and is never rescanned.
_TOKEN = compile_pattern(
    r'(?P<string>"""(?:[^\\]|\\.)*?(?:"""(?!")|\Z)'
    r"|'''.*?(?:'''(?!')|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"?'
    r"|'[^'\n]*'?)"
    r"|(?P<comment>\#[^\n]*)"
    r"|(?P<newline>\n)"
    r"|(?P<space>[^\S\n]+)"
    r"|(?P<mark>[\[\]{}=,.])"
    r"|(?P<word>[^\s\[\]{}=,.\#\"']+)",
    re.DOTALL,
)
_OPEN = "[{"
_CLOSE = "]}"


def _unquote(token: str) -> str:
    """Return a key as TOML reads it: quotes removed, escapes of a basic string applied."""
    if token.startswith('"') and "\\" in token:
        try:
            value = tomllib.loads(f"k = {token}")["k"]
        except tomllib.TOMLDecodeError:
            return token.strip('"')
        return str(value)
    if token[:1] in "\"'":
        return token[1:-1] if len(token) > 1 and token[-1] == token[0] else token[1:]
    return token


class KeyLines:
    """Where each key and table of a TOML document starts (1-based line numbers).

    `too_deep` is the line where values first nest deeper than `MAX_NESTING`, else None.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._arrays: dict[Path, int] = {}
        self.too_deep: int | None = None
        self.longest_word = 0
        self.longest_word_line: int | None = None
        current: Path = ()
        line = 1
        depth = 0  # open brackets and braces inside the current value
        state = "start"  # start of a line | header | key | value | rest (ignored to the line end)
        parts: list[str] = []
        is_array = False
        began = 1
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            token = match.group()
            if kind == "newline":
                line += 1
                if depth == 0:
                    state = "start"
                continue
            if kind in ("space", "comment"):
                continue
            if kind == "word" and len(token) > self.longest_word:
                self.longest_word, self.longest_word_line = len(token), line
            if state == "value" or depth:
                if token in _OPEN and kind == "mark":
                    depth += 1
                    if depth > MAX_NESTING and self.too_deep is None:
                        self.too_deep = line
                elif token in _CLOSE and kind == "mark" and depth:
                    depth -= 1
            elif state == "start":
                parts, began = [], line
                if token == "[":
                    state, is_array = "header", False
                elif kind in ("string", "word"):
                    state = "key"
                    parts.append(_unquote(token))
                else:
                    state = "rest"
            elif state == "header":
                if token == "[" and not parts:
                    is_array = True
                elif kind in ("string", "word"):
                    parts.append(_unquote(token))
                elif token == "]":
                    current = self._enter(is_array, parts)
                    self._lines.setdefault(current, began)
                    state = "rest"
            elif state == "key":
                if kind in ("string", "word"):
                    parts.append(_unquote(token))
                elif token == "=":
                    self._lines.setdefault(current + tuple(parts), began)
                    state = "value"
            if kind == "string":
                line += token.count("\n")

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
