"""A language's words for the checker, loaded from `languages/<lang>/lexicon.toml`.

Each category is a list of `[pattern, example]` pairs: the pattern is a regular expression
(case-insensitive) and the example a phrase it must match, so every entry is tested. An
entry may carry a third item, a near miss it must NOT match (`[pattern, example, near_miss]`),
which pins down how far the entry reaches; tests/test_rules_lexicon.py runs both. A
category compiles into one alternation, so the engine makes one pass per category.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import import_module
from pathlib import Path
from typing import Any

from decline import languages
from decline.cache import Patterns
from decline.errors import InputError

# The standard library's regular-expression parser, used read-only to find the literals a
# pattern needs (it has no public API or type stubs).
sre_parser: Any = import_module("re._parser")
sre_constants: Any = import_module("re._constants")

# Categories that shape the parse (matched where the parser looks), not scanned for hits.
STRUCTURAL = frozenset(
    {"salutation", "generic_addressee", "title_only", "closing", "subject", "placeholder"}
)

# The categories every lexicon defines; the engine and rules read them by these names.
CATEGORIES = (
    "salutation",
    "generic_addressee",
    "title_only",
    "closing",
    "subject",
    "gratitude",
    "not_gratitude",
    "decision",
    "hedge",
    "offer_terms",
    "deliberation",
    "reason",
    "regret",
    "stay_connected",
    "door_open",
    "negative",
    "grievance",
    "burn",
    "overshare",
    "money",
    "profanity",
    "slang",
    "placeholder",
    "grovel",
)


MIN_TRIGGER = 3
_POSSESSIVE_REPEAT = sre_constants.POSSESSIVE_REPEAT  # a*+ : repeated like a*, never given back


def triggers(pattern: str) -> frozenset[str] | None:
    """Return literal strings one of which every match of `pattern` must contain (lower case).

    The engine skips a pattern whose triggers are all absent from the letter, so most of
    the lexicon costs one substring test instead of a regular-expression scan. None means
    no such set was found and the pattern is always scanned.
    """
    try:
        parsed = list(sre_parser.parse(pattern, re.IGNORECASE))
    except re.error:
        return None
    leading = _leading_literal(parsed)
    if len(leading) >= MIN_TRIGGER:  # then it is matched where it occurs: fastest of all
        return frozenset({leading})
    return _requirement(parsed)


def _leading_literal(sequence: list[tuple[Any, Any]]) -> str:
    """Return the literal text a pattern starts with, after a leading word boundary."""
    run: list[str] = []
    for position, (op, argument) in enumerate(sequence):
        if op is sre_constants.AT and position == 0:
            continue
        if op is not sre_constants.LITERAL:
            break
        run.append(chr(argument).lower())  # a quantified character is its own node: not here
    return "".join(run)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _rank(a) >= _rank(b) else b


def _rank(triggers: frozenset[str]) -> tuple[int, int]:
    """Rank a trigger set: longer shortest literal first, then fewer literals."""
    shortest = min(map(len, triggers))
    return (shortest if shortest >= MIN_TRIGGER else 0, -len(triggers))


def _requirement(sequence: list[tuple[Any, Any]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best, run
        if len(run) >= MIN_TRIGGER:
            best = _better(best, frozenset({"".join(run)}))
        run = []

    for op, argument in sequence:
        if op is sre_constants.LITERAL:
            run.append(chr(argument).lower())
            continue
        if op is sre_constants.AT:
            continue
        flush()
        if op is sre_constants.SUBPATTERN:
            best = _better(best, _requirement(list(argument[-1])))
        elif op is sre_constants.BRANCH:
            branches = [_requirement(list(branch)) for branch in argument[1]]
            if all(branch is not None for branch in branches):
                union = frozenset().union(*(b for b in branches if b is not None))
                best = _better(best, union)
        elif op is sre_constants.IN:
            best = _better(best, _characters(argument))
        elif op is sre_constants.ATOMIC_GROUP:  # (?>…): what it holds is required
            best = _better(best, _requirement(list(argument)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, _POSSESSIVE_REPEAT):
            low, _, item = argument
            if low >= 1:
                best = _better(best, _requirement(list(item)))
    flush()
    if best is not None and min(map(len, best)) < MIN_TRIGGER and len(best) > 16:
        return None  # e.g. all letters: no better than scanning everything
    return best


_DIGITS = frozenset("0123456789")


def _characters(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Return the characters a small character class matches, lower-cased (or None)."""
    found: set[str] = set()
    for op, argument in items:
        if op is sre_constants.LITERAL:
            found.add(chr(argument).lower())
        elif op is sre_constants.RANGE:
            low, high = argument
            if high - low > 12:
                return None
            found.update(chr(code).lower() for code in range(low, high + 1))
        elif op is sre_constants.CATEGORY and argument is sre_constants.CATEGORY_DIGIT:
            found.update(_DIGITS)
        else:
            return None
    # Letters, apostrophes and spaces occur in every letter: as triggers they'd filter nothing.
    if any(char.isalpha() or char in " '’" for char in found):
        return None
    return frozenset(found) or None


@dataclass(frozen=True, eq=False)
class Alternative:
    """One top-level alternative of a lexicon entry, and the literals it needs to match.

    It is scanned on its own, without a leading `\\b`, so that the regular-expression engine
    can search for its literal prefix quickly; the word boundary is checked after a match.
    """

    pattern: str
    triggers: frozenset[str] | None

    @property
    def scan(self) -> str:
        """Return the pattern to scan with (its leading word boundary removed)."""
        return self.pattern[2:] if self.boundary else self.pattern

    @property
    def boundary(self) -> bool:
        """Say whether the pattern starts at a word boundary (checked after matching)."""
        return self.pattern.startswith("\\b")

    @cached_property
    def prefix(self) -> str | None:
        """Return the trigger the pattern starts with, if any: it can then be matched right
        where that literal occurs instead of scanning for it."""
        if self.triggers is None or len(self.triggers) != 1:
            return None
        (trigger,) = self.triggers
        scan = self.scan
        literal = all(char.isalnum() or char in " '’-" for char in trigger)
        following = scan[len(trigger) : len(trigger) + 1]
        if literal and scan.startswith(trigger) and following not in ("?", "*", "{"):
            return trigger
        return None


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Yield (index, character, group depth before it) for each character of a pattern
    that is neither escaped nor inside a character class."""
    depth = 0
    in_class = False
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        else:
            yield index, char, depth
            depth += (char == "(") - (char == ")")
        index += 1


def _closing_paren(pattern: str, opening: int) -> int | None:
    """Return the index of the `)` that closes the group opened at `opening`."""
    for index, char, depth in _structure(pattern, opening):
        if char == ")" and depth == 1:
            return index
    return None


def distribute(pattern: str, depth: int = 2) -> list[str]:
    """Expand a leading group of alternatives: `\\b(?:a|b)c` becomes `\\bac` and `\\bbc`.

    Each result starts with a literal, which the regular-expression engine searches for
    quickly, and has triggers of its own; together they match exactly what the pattern did.
    """
    boundary = "\\b" if pattern.startswith("\\b") else ""
    body = pattern[len(boundary) :]
    if depth == 0 or not body.startswith("(?:"):
        return [pattern]
    close = _closing_paren(body, 0)
    if close is None or body[close + 1 : close + 2] in ("?", "*", "+", "{"):
        return [pattern]
    inner, rest = body[3:close], body[close + 1 :]
    expanded: list[str] = []
    for alternative in split_alternatives(inner):
        expanded.extend(distribute(boundary + alternative + rest, depth - 1))
    return expanded


def split_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside groups or character classes)."""
    cuts = [index for index, char, depth in _structure(pattern) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[bounds[i] + 1 : bounds[i + 1]] for i in range(len(bounds) - 1)]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's compiled patterns, messages and detection words."""

    code: str
    name: str
    languagetool_code: str
    detect_words: frozenset[str]
    abbreviations: frozenset[str]
    acronyms: frozenset[str]
    entries: dict[str, tuple[tuple[str, str], ...]]
    messages: dict[str, dict[str, str]]
    checklist: dict[str, str]
    labels: dict[str, str]
    alternatives: dict[str, tuple[Alternative, ...]] = field(default_factory=dict)
    all_triggers: tuple[str, ...] = ()
    near_misses: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # words after which a name is written in capitals in formal letters ("il sottoscritto
    # MARIO ROSSI"): such capitals are a convention, not shouting
    caps_name_cues: tuple[str, ...] = ()

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        return {}

    def pattern(self, category: str) -> re.Pattern[str]:
        """Return the compiled, case-insensitive alternation of a category (compiled once)."""
        compiled = self._patterns.get(category)
        if compiled is None:
            compiled = _compile(self._compiler, self.entries[category])
            self._patterns[category] = compiled
        return compiled

    @cached_property
    def _automaton(self) -> Any:
        """Return an Aho–Corasick automaton of the triggers (None without pyahocorasick)."""
        try:
            import ahocorasick  # type: ignore[import-not-found]
        except ImportError:  # pragma: no cover - the package is a dependency; slower fallback
            return None
        automaton = ahocorasick.Automaton()
        for trigger in self.all_triggers:
            automaton.add_word(trigger, trigger)
        automaton.make_automaton()
        return automaton

    @cached_property
    def _entries_by_trigger(self) -> dict[str, tuple[tuple[str, tuple[int, ...]], ...]]:
        """Return, per trigger, the scanned categories and alternatives it activates."""
        found: dict[str, dict[str, list[int]]] = {}
        for category, alternatives in self.alternatives.items():
            if category in STRUCTURAL:
                continue
            for index, alternative in enumerate(alternatives):
                for trigger in alternative.triggers or ():
                    found.setdefault(trigger, {}).setdefault(category, []).append(index)
        return {
            trigger: tuple((category, tuple(indexes)) for category, indexes in by_category.items())
            for trigger, by_category in found.items()
        }

    @cached_property
    def untriggered(self) -> dict[str, tuple[int, ...]]:
        """Return, per category, the alternatives that have no trigger (always scanned)."""
        return {
            category: tuple(i for i, a in enumerate(alternatives) if a.triggers is None)
            for category, alternatives in self.alternatives.items()
        }

    @cached_property
    def _compiler(self) -> Patterns:
        """Compiles this lexicon's patterns, from decline's cache when it has them."""
        return Patterns(f"lexicon-{self.code}", source_path(self.code))

    @cached_property
    def _scanners(self) -> dict[tuple[str, int], re.Pattern[str]]:
        return {}

    def plans(self, category: str) -> list[tuple[re.Pattern[str], bool, str | None] | None]:
        """Return the category's slots for `plan()`: filled as alternatives are first used."""
        slots = self._plans.get(category)
        if slots is None:
            slots = [None] * len(self.alternatives[category])
            self._plans[category] = slots
        return slots

    def plan(self, category: str, index: int) -> tuple[re.Pattern[str], bool, str | None]:
        """Return one alternative's compiled scan pattern, whether a word boundary must
        precede it, and its leading literal (None if it has none); compiled on first use."""
        slots = self.plans(category)
        found = slots[index]
        if found is None:
            alternative = self.alternatives[category][index]
            found = (self.scanner(category, index), alternative.boundary, alternative.prefix)
            slots[index] = found
        return found

    @cached_property
    def _plans(self) -> dict[str, list[tuple[re.Pattern[str], bool, str | None] | None]]:
        return {}

    def scanner(self, category: str, index: int) -> re.Pattern[str]:
        """Return the compiled scan pattern of one alternative (for lower-cased text)."""
        key = (category, index)
        compiled = self._scanners.get(key)
        if compiled is None:
            compiled = self._compiler.compile(self.alternatives[category][index].scan)
            self._scanners[key] = compiled
        return compiled

    def occurrences(self, lowered: str, offset: int = 0) -> dict[str, list[int]]:
        """Return where each trigger literal starts in a lower-cased text (plus `offset`)."""
        found: dict[str, list[int]] = {}
        automaton = self._automaton
        if automaton is not None:
            for end, trigger in automaton.iter(lowered):
                found.setdefault(trigger, []).append(offset + end - len(trigger) + 1)
            return found
        for trigger in self.all_triggers:
            position = lowered.find(trigger)
            while position != -1:
                found.setdefault(trigger, []).append(offset + position)
                position = lowered.find(trigger, position + 1)
        return found

    def active(self, present: set[str]) -> dict[str, set[int]]:
        """Return, per category, the alternatives whose triggers are present."""
        active: dict[str, set[int]] = {}
        entries = self._entries_by_trigger
        for trigger in present:
            for category, indexes in entries[trigger]:
                found = active.get(category)
                if found is None:
                    active[category] = set(indexes)
                else:
                    found.update(indexes)
        return active

    def message(self, code: str, key: str = "message", **values: object) -> str:
        """Return a rule's message (or suggestion, or a graded variant) in this language."""
        table = self.messages[code]
        template = table.get(key) or table["message"]
        return template.format(**values)


def available() -> tuple[str, ...]:
    """Return the language codes the checker reads (every language has a lexicon)."""
    return languages.available()


def _compile(compiler: Patterns, entries: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!x)x")  # matches nothing
    alternation = "|".join(f"(?:{pattern})" for pattern, _ in entries)
    return compiler.compile(alternation, re.IGNORECASE)


def build(source: str, code: str) -> dict[str, Any]:
    """Parse a lexicon's TOML and find each entry's triggers: the compiled form on disk.

    A lexicon that is not TOML, lacks a category or has a malformed entry is an InputError
    naming the file: a language added as data is input like any other.
    """
    import tomllib

    where = f"{source_path(code)}"
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{where}: not valid TOML: {error}") from None
    patterns = data.get("patterns", {})
    missing = [category for category in CATEGORIES if category not in patterns]
    if missing:
        raise InputError(f"{where}: [patterns] lacks categories: {', '.join(missing)}")
    for category, entries in patterns.items():
        for entry in entries:
            if len(entry) not in (2, 3) or not all(isinstance(item, str) for item in entry):
                raise InputError(
                    f"{where}: {category}: {entry!r} is not [pattern, example]"
                    " or [pattern, example, near_miss]"
                )
    data["alternatives"] = {
        category: [
            [alternative, sorted(found) if (found := triggers(alternative)) is not None else None]
            for pattern, *_ in entries
            for top in split_alternatives(pattern)
            for alternative in distribute(top)
        ]
        for category, entries in patterns.items()
    }
    data["source_crc32"] = _stamp(source)
    return data


def _stamp(source: str) -> str:
    """Return what ties a compiled lexicon to its TOML: a checksum, to notice an edit."""
    return f"{zlib.crc32(source.encode('utf-8')):08x}:{len(source)}"


def compiled_path(code: str) -> Path:
    """Return where the compiled form of a lexicon is kept (`make docs` writes it)."""
    return languages.data_file(code, "lexicon.compiled.json")


def source_path(code: str) -> Path:
    """Return a language's lexicon file."""
    return languages.data_file(code, "lexicon.toml")


def _data(code: str) -> dict[str, Any]:
    """Return the lexicon's data: the compiled file when it matches the TOML, else built now.

    Finding triggers means parsing every pattern, which costs more than a whole review; the
    compiled file spares the CLI that cost, and a stale or missing one is only slower.
    """
    path = source_path(code)  # InputError for a language that is not there
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read the lexicon: {error.strerror}") from None
    digest = _stamp(source)
    try:
        compiled: dict[str, Any] = json.loads(compiled_path(code).read_text(encoding="utf-8"))
        if compiled.get("source_crc32") == digest:
            return compiled
    except (OSError, ValueError):
        pass
    return build(source, code)


@cache
def load(code: str) -> Lexicon:
    """Load a language's lexicon; InputError when there is none. Patterns compile on use."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        choices = ", ".join(available())
        raise InputError(f"unsupported language {code!r}; expected one of {choices}")
    data = _data(code)
    if code != languages.REFERENCE:  # its messages, checklist and labels: all or an error now
        reference = _data(languages.REFERENCE)
        tables = ("meta", "messages", "checklist", "labels")
        languages.require_keys(
            code,
            "lexicon.toml",
            {key: data.get(key, {}) for key in tables},
            {key: reference.get(key, {}) for key in tables},
        )
    meta = data["meta"]
    patterns = data["patterns"]
    alternatives = {
        category: tuple(
            Alternative(pattern, frozenset(found) if found is not None else None)
            for pattern, found in data["alternatives"][category]
        )
        for category in patterns
    }
    return Lexicon(
        code=code,
        name=meta["name"],
        languagetool_code=meta["languagetool_code"],
        detect_words=frozenset(word.lower() for word in meta["detect_words"]),
        abbreviations=frozenset(word.lower() for word in meta["abbreviations"]),
        acronyms=frozenset(meta.get("acronyms", [])),
        caps_name_cues=tuple(cue.lower() for cue in meta.get("caps_name_cues", [])),
        entries={
            category: tuple((entry[0], entry[1]) for entry in patterns[category])
            for category in CATEGORIES
        },
        near_misses={
            category: tuple((entry[0], entry[2]) for entry in entries if len(entry) == 3)
            for category, entries in patterns.items()
        },
        messages=data["messages"],
        checklist=data["checklist"],
        labels=data.get("labels", {}),
        alternatives=alternatives,
        all_triggers=tuple(
            sorted(
                {
                    trigger
                    for category, entries in alternatives.items()
                    if category not in STRUCTURAL
                    for alternative in entries
                    for trigger in alternative.triggers or ()
                }
            )
        ),
    )


def write_compiled() -> list[Path]:
    """Write every language's compiled lexicon (`make docs`); return the files written."""
    written = []
    for code in available():
        source = source_path(code).read_text(encoding="utf-8")
        path = compiled_path(code)
        path.write_text(
            json.dumps(build(source, code), ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_compiled():
        print(written_path)
