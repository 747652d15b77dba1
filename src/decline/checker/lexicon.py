"""A language's words for the checker, loaded from `lexicons/<lang>.toml`.

Each category is a list of `[pattern, example]` pairs: the pattern is a regular expression
(case-insensitive) and the example a phrase it must match, so every entry is tested. A
category compiles into one alternation, so the engine makes one pass per category.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import import_module, resources
from typing import Any

from decline.errors import InputError

# The standard library's regular-expression parser, used read-only to find the literals a
# pattern needs (it has no public API or type stubs).
sre_parser: Any = import_module("re._parser")
sre_constants: Any = import_module("re._constants")


# The categories every lexicon defines; the engine and rules read them by these names.
CATEGORIES = (
    "salutation",
    "generic_addressee",
    "title_only",
    "closing",
    "subject",
    "gratitude",
    "decision",
    "hedge",
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


def triggers(pattern: str) -> frozenset[str] | None:
    """Return literal strings one of which every match of `pattern` must contain (lower case).

    The engine skips a pattern whose triggers are all absent from the letter, so most of
    the lexicon costs one substring test instead of a regular-expression scan. None means
    no such set was found and the pattern is always scanned.
    """
    try:
        parsed = sre_parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    return _requirement(list(parsed))


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
        elif op is sre_constants.MAX_REPEAT or op is sre_constants.MIN_REPEAT:
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
    return frozenset(found) or None


@dataclass(frozen=True)
class Alternative:
    """One lexicon entry: its pattern and the literals that must occur for it to match."""

    pattern: str
    triggers: frozenset[str] | None


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's compiled patterns, messages and detection words."""

    code: str
    name: str
    languagetool_code: str
    detect_words: frozenset[str]
    abbreviations: frozenset[str]
    acronyms: frozenset[str]
    patterns: dict[str, re.Pattern[str]]
    entries: dict[str, tuple[tuple[str, str], ...]]
    messages: dict[str, dict[str, str]]
    checklist: dict[str, str]
    labels: dict[str, str]
    alternatives: dict[str, tuple[Alternative, ...]] = field(default_factory=dict)
    all_triggers: tuple[str, ...] = ()

    def pattern(self, category: str) -> re.Pattern[str]:
        """Return the compiled alternation of a category."""
        return self.patterns[category]

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
    def _entries_by_trigger(self) -> dict[str, tuple[tuple[str, int], ...]]:
        found: dict[str, list[tuple[str, int]]] = {}
        for category, alternatives in self.alternatives.items():
            for index, alternative in enumerate(alternatives):
                for trigger in alternative.triggers or ():
                    found.setdefault(trigger, []).append((category, index))
        return {trigger: tuple(entries) for trigger, entries in found.items()}

    @cached_property
    def _untriggered(self) -> dict[str, re.Pattern[str] | None]:
        return {
            category: _compile_subset(
                self,
                category,
                tuple(i for i, a in enumerate(alternatives) if a.triggers is None),
            )
            for category, alternatives in self.alternatives.items()
        }

    def occurrences(self, lowered: str) -> list[tuple[int, str]]:
        """Return (start, trigger) for every trigger literal in a lower-cased text."""
        automaton = self._automaton
        if automaton is not None:
            return [(end - len(trigger) + 1, trigger) for end, trigger in automaton.iter(lowered)]
        found = []
        for trigger in self.all_triggers:
            position = lowered.find(trigger)
            while position != -1:
                found.append((position, trigger))
                position = lowered.find(trigger, position + 1)
        return found

    def active_entries(
        self, present: frozenset[str]
    ) -> tuple[dict[str, set[int]], dict[str, set[str]]]:
        """Return, per category, the entries whose triggers are present and those triggers."""
        active: dict[str, set[int]] = {}
        used: dict[str, set[str]] = {}
        for trigger in present:
            for category, index in self._entries_by_trigger[trigger]:
                active.setdefault(category, set()).add(index)
                used.setdefault(category, set()).add(trigger)
        return active, used

    def scanners(
        self, category: str, active: set[int] | None
    ) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """Return the patterns (for lower-cased text) of a category's active entries, to scan
        the sentences that hold their triggers, and of its entries without a trigger."""
        triggered = _compile_subset(self, category, tuple(sorted(active))) if active else None
        return triggered, self._untriggered[category]

    def message(self, code: str, key: str = "message", **values: object) -> str:
        """Return a rule's message (or suggestion, or a graded variant) in this language."""
        table = self.messages[code]
        template = table.get(key) or table["message"]
        return template.format(**values)


def available() -> tuple[str, ...]:
    """Return the language codes that have a lexicon file, in name order."""
    folder = resources.files("decline.checker") / "lexicons"
    return tuple(
        sorted(
            item.name.removesuffix(".toml")
            for item in folder.iterdir()
            if item.name.endswith(".toml")
        )
    )


def _compile(category: str, entries: list[list[str]], code: str) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!x)x")  # matches nothing
    for entry in entries:
        if len(entry) != 2:
            raise ValueError(
                f"lexicon {code}: {category}: entry {entry!r} is not [pattern, example]"
            )
    alternation = "|".join(f"(?:{pattern})" for pattern, _ in entries)
    return re.compile(alternation, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _compile_subset(
    lexicon: Lexicon, category: str, active: tuple[int, ...]
) -> re.Pattern[str] | None:
    if not active:
        return None
    alternatives = lexicon.alternatives[category]
    return re.compile("|".join(f"(?:{alternatives[index].pattern})" for index in active))


@cache
def load(code: str) -> Lexicon:
    """Load and compile the lexicon of a language; InputError when there is none."""
    try:
        raw = (resources.files("decline.checker") / "lexicons" / f"{code}.toml").read_text(
            encoding="utf-8"
        )
    except (FileNotFoundError, OSError):
        choices = ", ".join(available())
        raise InputError(f"unsupported language {code!r}; expected one of {choices}") from None
    data = tomllib.loads(raw)
    meta = data["meta"]
    patterns = data["patterns"]
    alternatives = {
        category: tuple(
            Alternative(pattern, triggers(pattern)) for pattern, _ in patterns[category]
        )
        for category in patterns
    }
    missing = [category for category in CATEGORIES if category not in patterns]
    if missing:
        raise ValueError(f"lexicon {code} lacks categories: {', '.join(missing)}")
    return Lexicon(
        code=code,
        name=meta["name"],
        languagetool_code=meta["languagetool_code"],
        detect_words=frozenset(word.lower() for word in meta["detect_words"]),
        abbreviations=frozenset(word.lower() for word in meta["abbreviations"]),
        acronyms=frozenset(meta.get("acronyms", [])),
        patterns={
            category: _compile(category, patterns[category], code) for category in CATEGORIES
        },
        entries={
            category: tuple((pattern, example) for pattern, example in patterns[category])
            for category in CATEGORIES
        },
        messages=data["messages"],
        checklist=data["checklist"],
        labels=data.get("labels", {}),
        alternatives=alternatives,
        all_triggers=tuple(
            sorted(
                {
                    trigger
                    for entries in alternatives.values()
                    for alternative in entries
                    for trigger in alternative.triggers or ()
                }
            )
        ),
    )
