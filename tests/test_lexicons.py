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

    from decline.checker.lexicon import FOLDER, build, compiled_path

    source = (FOLDER / f"{code}.toml").read_text(encoding="utf-8")
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
