"""Build worst-case inputs for the checker from its own patterns (tests and `make bench`).

A regular expression backtracks badly on a long run of what it can almost match: its
literal pieces repeated, a long run of one of its character classes that ends in a
character the class refuses, its example phrase over and over. This module reads every
lexicon alternative and every module-level regular expression of the checker and builds
such runs, plus generic ones (digits, dots, emoji, brackets, newlines, mixed scripts), each
cut to one size. The checker must review every one of them in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import import_module
from typing import Any

from decline.checker import lexicon

sre_parser: Any = import_module("re._parser")
sre_constants: Any = import_module("re._constants")

SIZE = 100_000  # characters: the largest input the budget covers
# Characters tried as the one that ends a run: the first a class refuses is used.
_ENDINGS = ("x", "!", " ", "\n", "#", "1", "é", "🙂", ".")
_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "7",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": " ",
}
GENERIC = (
    "1",
    ".",
    "🙂 ",
    "a",
    "A",
    "AB ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    "-",
    "_",
    "'",
    "’",
    '"',
    "“",
    "[",
    "(",
    "<",
    "{",
    "]",
    ")",
    "!",
    "?!",
    "…",
    ":)",
    "1.",
    "1,",
    "$1",
    "a'",
    "a-",
    "a.",
    "a ",
    "a\n",
    "Aa ",
    "Aa\n",
    "Dear ",
    "Thanks,\n",
    "- a\n",
    "1) a\n",
    "ab;",
    "a:",
    "à",
    "Привет ",
    "日本語",
    "İ",
    "ß",
    "\u200b",
    "a\u0301",
    "__",
    "XXX ",
    "[x] ",
    "(name) ",
    "Dear Tom,\n",
    "Sam <sam@example.com>\n",
)


def _module_patterns() -> Iterator[re.Pattern[str]]:
    """Yield every compiled regular expression at the top level of the checker's modules."""
    from decline.checker import analysis, document, language, rule
    from decline.checker.rules import MODULES

    for module in (analysis, document, language, rule, *MODULES):
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield value


def _class_sample(items: list[tuple[Any, Any]]) -> tuple[str, str] | None:
    """Return a character a class matches and one it refuses (None when unsure)."""
    members: list[str] = []
    negated = False
    for op, argument in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            members.append(chr(argument))
        elif name == "RANGE":
            members.append(chr(argument[0]))
        elif name == "CATEGORY" and str(argument) in _CATEGORY_SAMPLES:
            members.append(_CATEGORY_SAMPLES[str(argument)])
    return _sample_pair(members, negated, items)


def _sample_pair(
    members: list[str], negated: bool, items: list[tuple[Any, Any]]
) -> tuple[str, str] | None:
    try:
        matcher = re.compile(_class_source(items))
    except (re.error, ValueError):
        return None
    candidates = list(_ENDINGS) + members if negated else members + list(_ENDINGS)
    inside = next((char for char in candidates if matcher.fullmatch(char)), None)
    outside = next((char for char in _ENDINGS if not matcher.fullmatch(char)), None)
    if inside is None or outside is None:
        return None
    return inside, outside


def _class_source(items: list[tuple[Any, Any]]) -> str:
    """Rebuild a character class's source from its parsed items."""
    parts: list[str] = []
    negate = ""
    for op, argument in items:
        name = str(op)
        if name == "NEGATE":
            negate = "^"
        elif name == "LITERAL":
            parts.append(re.escape(chr(argument)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(argument[0]))}-{re.escape(chr(argument[1]))}")
        elif name == "CATEGORY":
            code = {
                "CATEGORY_DIGIT": r"\d",
                "CATEGORY_NOT_DIGIT": r"\D",
                "CATEGORY_SPACE": r"\s",
                "CATEGORY_NOT_SPACE": r"\S",
                "CATEGORY_WORD": r"\w",
                "CATEGORY_NOT_WORD": r"\W",
            }.get(str(argument))
            if code is None:
                raise ValueError(argument)
            parts.append(code)
        else:
            raise ValueError(op)
    return f"[{negate}{''.join(parts)}]"


def pieces(pattern: str, flags: int = 0, *, thorough: bool = True) -> set[str]:
    """Return the short strings whose long runs stress `pattern`: its literal runs (each
    alone only when `thorough`, else all of them in one run), and a character of each of
    its character classes."""
    try:
        parsed = sre_parser.parse(pattern, flags)
    except re.error:
        return set()
    found: set[str] = set()
    literals: list[str] = []

    def walk(sequence: Any) -> None:
        run: list[str] = []
        for op, argument in sequence:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(argument))
                continue
            if run:
                literals.append("".join(run))
                run = []
            if name == "IN":
                pair = _class_sample(argument)
                if pair:
                    found.add(pair[0])
            elif name == "ANY":
                found.add("a")
            elif name == "SUBPATTERN":
                walk(argument[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(argument[2])
            elif name == "ATOMIC_GROUP":
                walk(argument)
            elif name == "BRANCH":
                for branch in argument[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(argument[1])
            elif name == "GROUPREF_EXISTS":
                walk(argument[1])
                if argument[2] is not None:
                    walk(argument[2])
        if run:
            literals.append("".join(run))

    walk(parsed)
    for literal in literals if thorough else ():
        found.add(literal)
        found.add(literal + " ")
    if literals:
        found.add(" ".join(literals) + " ")
        found.add("".join(literals))
    return found


def fill(unit: str, size: int) -> str:
    """Repeat `unit` to `size` characters and end on a character that breaks the run."""
    body = (unit * (size // max(1, len(unit)) + 1))[: size - 1]
    ending = next(char for char in _ENDINGS if char not in unit)
    return body + ending


def units(*, thorough: bool = True) -> dict[str, str]:
    """Return the run units to stress the checker with, each named by where it came from.

    The thorough set (for `make bench`) also repeats each literal of each pattern on its
    own; the quick one (for the test suite) keeps each pattern's literals together.
    """
    found: dict[str, str] = {}

    def add(origin: str, unit: str) -> None:
        if unit and unit.strip(" ") and unit not in found.values():
            found[f"{origin} {unit!r}"] = unit

    for unit in GENERIC:
        add("generic", unit)
    for code in lexicon.available():
        lex = lexicon.load(code)
        for category, entries in lex.entries.items():
            for pattern, example in entries:
                add(f"{code}.{category} example", example + " ")
                if thorough:
                    add(f"{code}.{category} example", example[:-1])
                for piece in sorted(pieces(pattern, re.IGNORECASE, thorough=thorough)):
                    add(f"{code}.{category}", piece)
    for compiled in _module_patterns():
        for piece in sorted(pieces(compiled.pattern, compiled.flags, thorough=thorough)):
            add(f"regex {compiled.pattern[:30]!r}", piece)
    return found


def inputs(size: int = SIZE) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for every worst-case input of `size` characters."""
    for name, unit in units().items():
        yield name, fill(unit, size)
        if not unit.startswith(("Dear", "Hi")):
            yield (
                f"letter + {name}",
                fill("Dear Tom,\nThank you. " + unit * 3, 64) + fill(unit, size - 64),
            )


def language_of(name: str) -> str:
    """Return the language to review a unit in: its lexicon's, else English."""
    code = name.split(".", 1)[0]
    return code if code in lexicon.available() else "en"


def review_everywhere(text: str, lang: str) -> None:
    """Review `text` and render it in every output format (text, JSON, LanguageTool)."""
    import json

    from decline.checker.engine import review
    from decline.checker.formats import languagetool
    from decline.checker.formats import text as text_format
    from decline.errors import InputError

    try:
        report = review(text, lang)
    except InputError:
        return
    json.dumps(report.to_dict())
    json.dumps(languagetool.render(report))
    text_format.render(report)


def timings(
    names: list[str], size: int = SIZE, *, thorough: bool = True
) -> Iterator[tuple[str, float]]:
    """Yield (name, seconds) to review and render each named unit's input of `size`."""
    import time

    found = units(thorough=thorough)
    for name in names:
        text = fill(found[name], size)
        start = time.perf_counter()
        review_everywhere(text, language_of(name))
        yield name, time.perf_counter() - start
