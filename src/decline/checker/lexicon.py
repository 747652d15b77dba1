"""A language's words for the checker, loaded from `lexicons/<lang>.toml`.

Each category is a list of `[pattern, example]` pairs: the pattern is a regular expression
(case-insensitive) and the example a phrase it must match, so every entry is tested. A
category compiles into one alternation, so the engine makes one pass per category.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from decline.errors import InputError

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


@dataclass(frozen=True)
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

    def pattern(self, category: str) -> re.Pattern[str]:
        """Return the compiled alternation of a category."""
        return self.patterns[category]

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
    )
