"""The interface's words, as data (`languages/<lang>/ui.toml`), and the choice of language.

The language comes from the `decline_ui` cookie (set by the switch, `?ui=it`), else the
browser's Accept-Language, else English. A new language's folder brings its own file.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from decline import languages as registry

DEFAULT = "en"
COOKIE = "decline_ui"


def languages() -> tuple[str, ...]:
    """Return the interface languages: every language has its ui.toml."""
    return registry.available()


@cache
def _flat(lang: str) -> dict[str, str]:
    flat: dict[str, str] = {}

    def walk(prefix: str, table: dict[str, Any]) -> None:
        for key, value in table.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(f"{name}.", value)
            else:
                flat[name] = str(value)

    walk("", registry.read(lang, "ui.toml"))  # every key English has, or an error now
    return flat


class Words:
    """Look up interface text in one language (an unknown key shows as itself)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in languages() else DEFAULT

    def __call__(self, key: str, **values: object) -> str:
        text = _flat(self.lang).get(key, key)
        return text.format(**values) if values else text

    @property
    def name(self) -> str:
        """Return the language's own name."""
        return registry.meta(self.lang).native_name

    def language(self, code: str) -> str:
        """Return a language's name for a menu: its own name, or this language's "detect"."""
        return self("lang.auto") if code == "auto" else registry.meta(code).native_name

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the codes of every language, for menus."""
        return languages()


def from_accept_language(header: str) -> str | None:
    """Return the best interface language the header asks for, by its q-values."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in languages() and quality > 0:
            choices.append((-quality, index, primary))
    return min(choices)[2] if choices else None


def choose(cookie: str | None, query: str | None, accept_language: str) -> str:
    """Return the interface language for a request."""
    for wanted in (query, cookie):
        if wanted in languages():
            assert wanted is not None
            return wanted
    return from_accept_language(accept_language) or DEFAULT
