"""The wording of each language, read once from `languages/<lang>/phrases.toml`.

A language may speak in more than one register (Italian: `lei`, the default, and `tu`). A
register other than the first is `languages/<lang>/phrases.<register>.toml`: the tables that
differ, laid over the language's own, key by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from decline import languages as registry
from decline.cache import compile as compile_pattern
from decline.errors import InputError
from decline.writer.text import join_articles

_WORD = compile_pattern(r"[^\W\d_]+")
_PLACEHOLDER = compile_pattern(r"\{\w+\}")


@dataclass(frozen=True)
class Phrasebook:
    """One language's wording: the moves per tone, channel overrides and furniture."""

    lang: str
    data: dict[str, Any]
    register: str | None = None

    @property
    def meta(self) -> dict[str, Any]:
        """Return the language's settings (locale, list words, honorifics)."""
        meta: dict[str, Any] = self.data["meta"]
        return meta

    @property
    def variants(self) -> int:
        """Return how many wordings every move offers: `--variant` 0 to this minus one."""
        count: int = self.meta["variants"]
        return count

    def join_articles(self, text: str, company: str) -> str:
        """Fuse prepositions with the article the company's name starts with, if any."""
        articles = self.meta.get("articles")
        return join_articles(text, company, articles) if articles else text

    def section(self, name: str) -> dict[str, str]:
        """Return a table of channel furniture (`letter`, `phone`)."""
        table: dict[str, str] = self.data[name]
        return table

    def choices(self, tone: str, channel: str, move: str, case: str, team: bool) -> list[str]:
        """Return the variants for a move, most specific first.

        A channel may override a tone's move (`[linkedin.warm.stay_connected]`) or every
        tone's (`[call.all.decision]`); within a
        table the case falls back to `default`, and a team greeting prefers `<case>_team`.
        """
        return _choices(self.lang, self.register, tone, channel, move, case, team)


def languages() -> tuple[str, ...]:
    """Return the languages that have a phrase file, sorted."""
    return _languages()


def guess_language(text: str) -> str | None:
    """Return the language whose phrase files share most words with `text`, if one clearly does.

    For the candidate's own short phrases (what they liked), not for whole letters: a phrase
    with no telling word, or as many of one language's as another's, gives None.
    """
    words = set(_WORD.findall(text.casefold()))
    scores = sorted(((len(words & _vocabulary(lang)), lang) for lang in _languages()), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return None
    return scores[0][1]


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    """Return the words a language's phrase files use, names of placeholders aside (from
    decline's cache while the phrase file is unchanged)."""
    from decline import cache as kept

    return kept.derived("vocabulary", registry.folder(lang) / "phrases.toml", lambda: _words(lang))


def _words(lang: str) -> frozenset[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            found.update(_WORD.findall(_PLACEHOLDER.sub(" ", node).casefold()))

    walk({key: table for key, table in _read(lang).items() if key != "meta"})
    return frozenset(word for word in found if len(word) > 1)


def registers(lang: str) -> tuple[str, ...]:
    """Return the registers a language speaks in, its default first (empty: just one)."""
    return registry.meta(lang).registers


def _languages() -> tuple[str, ...]:
    return registry.available()


def _read(lang: str, register: str | None = None) -> dict[str, Any]:
    return registry.read(lang, f"phrases.{register}.toml" if register else "phrases.toml")


def _overlay(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Return `base` with every table of `changes` laid over it, key by key."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _overlay(merged[key], value)
        else:
            merged[key] = value
    return merged


@cache
def phrasebook(lang: str, register: str | None = None) -> Phrasebook:
    """Return the phrasebook for `lang` in `register` (default: the language's own)."""
    if lang not in _languages():
        raise InputError(
            f"no letters in language {lang!r}; choose one of {', '.join(_languages())}"
        )
    language = registry.meta(lang)
    data = _read(lang)
    # What meta.toml says about the language is the writer's too: one place for each fact.
    data = {
        **data,
        "meta": {**data["meta"], "name": language.native_name, "locale": language.locale},
    }
    known = language.registers
    if register is None or (known and register == known[0]):
        return Phrasebook(lang=lang, data=data, register=known[0] if known else None)
    if register not in known:
        choices = f"choose one of {', '.join(known)}" if known else "it has only one"
        raise InputError(
            f"{language.native_name} has no register {register!r}; {choices}", field="register"
        )
    overlaid = _overlay(data, _read(lang, register))
    return Phrasebook(lang=lang, data=overlaid, register=register)


@cache
def _choices(
    lang: str, register: str | None, tone: str, channel: str, move: str, case: str, team: bool
) -> list[str]:
    data = phrasebook(lang, register).data
    tables = []
    for scope in (tone, "all"):  # a channel's override for this tone, then for every tone
        override = data.get(channel, {}).get(scope, {}).get(move)
        if isinstance(override, dict):
            tables.append(override)
    tables.append(data[tone][move])
    cases = [f"{case}_team", case, "default_team", "default"] if team else [case, "default"]
    for table in tables:
        for key in cases:
            if key in table:
                found: list[str] = table[key]
                return found
    raise KeyError(f"{lang}.toml has no wording for {tone}.{move}.{case}")
