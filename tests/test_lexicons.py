"""Every lexicon entry matches its own example, and every language has every category."""

from __future__ import annotations

import re

import pytest

from decline.checker.lexicon import CATEGORIES, available, load

ENTRIES = [
    pytest.param(code, category, pattern, example, id=f"{code}-{category}-{index}")
    for code in available()
    for category in CATEGORIES
    for index, (pattern, example) in enumerate(load(code).entries[category])
]


@pytest.mark.parametrize(("code", "category", "pattern", "example"), ENTRIES)
def test_entry_matches_its_example(code: str, category: str, pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.IGNORECASE), f"{pattern!r} misses {example!r}"


@pytest.mark.parametrize("code", available())
def test_lexicon_is_complete(code: str) -> None:
    lexicon = load(code)
    for category in CATEGORIES:
        assert lexicon.entries[category] or category in {"slang"}, f"{code}: {category} empty"
    assert set(lexicon.checklist) == {"P2", "P3", "P4", "P5", "P6", "P7"}
    assert len(lexicon.detect_words) >= 30


def test_both_languages_ship() -> None:
    assert set(available()) >= {"en", "it"}


@pytest.mark.parametrize("code", available())
def test_compiled_lexicon_is_current(code: str) -> None:
    """The shipped compiled form matches the TOML (a stale one is only slower): `make docs`."""
    import json

    from decline.checker.lexicon import build, compiled_path, source_path

    source = source_path(code).read_text(encoding="utf-8")
    shipped = json.loads(compiled_path(code).read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(build(source, code))), "run `make docs`"


def test_every_scanned_entry_has_triggers() -> None:
    """An entry without trigger literals is scanned on every letter: keep them rare."""
    scanned = set(CATEGORIES) - {"salutation", "generic_addressee", "title_only", "closing"}
    scanned -= {"subject"}
    for code in available():
        lexicon = load(code)
        untriggered = [
            alternative.pattern
            for category in scanned
            for alternative in lexicon.alternatives[category]
            if alternative.triggers is None
        ]
        assert len(untriggered) <= 2, untriggered


def test_triggers_are_literals_every_match_contains() -> None:
    from decline.checker.lexicon import triggers

    assert triggers(r"\bthank") == {"thank"}
    assert triggers(r"\bgrat(?:eful|itude)") == {"grat"}
    assert triggers(r"\b(?:because|since)\s+i\b") == {"because", "since"}
    assert triggers(r"[$€]\s?\d+") == {"$", "€"}
    assert triggers(r"\b(?:as|so)\s+(?:i|we)\b") is None  # nothing of three letters is required


def test_split_and_distribute_keep_what_the_pattern_matches() -> None:
    from decline.checker.lexicon import distribute, split_alternatives

    assert split_alternatives(r"a|(?:b|c)|[|]d") == ["a", "(?:b|c)", "[|]d"]
    assert distribute(r"\b(?:so|very)\s+sorry") == [r"\bso\s+sorry", r"\bvery\s+sorry"]
    assert distribute(r"(?:with\s+)?best") == [r"(?:with\s+)?best"]  # optional: left alone
    texts = ["I am so sorry", "very sorry", "sorry", "so  sorry"]
    whole = re.compile(r"\b(?:so|very)\s+sorry")
    parts = [re.compile(p) for p in distribute(whole.pattern)]
    for text in texts:
        assert bool(whole.search(text)) == any(p.search(text) for p in parts)
