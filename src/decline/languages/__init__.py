"""The languages decline speaks: one folder of data files each, found at run time.

A language is a folder named by its code (two or three lower-case letters) holding
`meta.toml`, `lexicon.toml`, `phrases.toml` (and `phrases.<register>.toml` for a second
register), `followups.toml`, `messages.toml` and `ui.toml`; docs/languages.md says what each
holds. The packaged languages live beside this file; each folder named in the environment
variable `DECLINE_LANGUAGES_PATH` (separated by the platform's path separator, like `PATH`)
may add languages, or replace a packaged one with a folder of the same code. Nothing else
in the code names a language: adding one is adding a folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from decline.cache import compile as compile_pattern
from decline.errors import InputError

PACKAGED = Path(__file__).resolve().parent
ENVIRONMENT = "DECLINE_LANGUAGES_PATH"
REFERENCE = "en"  # the language every other is checked against for missing keys
_CODE = compile_pattern(r"[a-z]{2,3}")


def search_path() -> tuple[Path, ...]:
    """Return the folders searched for languages, later ones winning a shared code."""
    return _search_path(os.environ.get(ENVIRONMENT, ""))


@cache
def _search_path(extra: str) -> tuple[Path, ...]:
    # kept per value of the variable: every letter's parse asks (the subject words)
    return (PACKAGED, *(Path(entry) for entry in extra.split(os.pathsep) if entry.strip()))


@cache
def _folders(path: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in path:
        try:
            entries = sorted(root.iterdir())
        except OSError:
            continue  # a folder on the search path that is not there adds nothing
        for entry in entries:
            if _CODE.fullmatch(entry.name) and (entry / "meta.toml").is_file():
                found[entry.name] = entry
    return found


def available() -> tuple[str, ...]:
    """Return the codes of every language found, sorted."""
    return tuple(sorted(_folders(search_path())))


def folder(code: str) -> Path:
    """Return the folder of a language's data; InputError naming the choices if unknown."""
    found = _folders(search_path()).get(code)
    if found is None:
        raise InputError(
            f"unsupported language {code!r}; expected one of {', '.join(available())}",
            field="lang",
        )
    return found


def data_file(code: str, name: str) -> Path:
    """Return the path of one of a language's data files (`phrases.toml`, `ui.toml`, …)."""
    return folder(code) / name


@dataclass(frozen=True)
class Language:
    """What `meta.toml` says about a language, checked when it is read."""

    code: str
    name: str  # in English
    native_name: str  # in the language itself, for menus in any interface language
    locale: str  # Babel's name for its dates and numbers
    registers: tuple[str, ...]  # the default first; empty when the language has one
    header_words: tuple[str, ...]  # "to", "from"…: header lines of a pasted message
    subject_words: tuple[str, ...]  # "subject"…: what names a pasted message's subject line
    subject_label: str  # how this language's letters name their subject line ("Subject")


# Keys the reference language has that another may leave out, per file (dotted key paths,
# shell-style wildcards): wording that only some languages need.
OPTIONAL: dict[str, tuple[str, ...]] = {
    "phrases.toml": (
        "meta.regions",  # sender addresses that date a letter in a regional locale
        "meta.honorific_map",  # titles of other languages mapped to this one's
        "meta.articles",  # prepositions fused with a company name's article
        "*_team",  # wording for a team, where its "you" differs from a person's
        "meta.implied_articles",  # names that take an article unwritten ("the Office for…")
        "meta.implied_articles.*",
        "meta.implied_article_when",  # words that must follow the noun for it to take one
        "*.closing.honorific",  # a closing for a greeting by title, where it differs
        "*.closing.team",  # a closing for a letter to a team, where it differs
        "letter.formal",  # a formal paper letter's wording, where it differs from an e-mail's
        "meta.legal_fragments",  # pieces of a legal form of several words ("Pte", "Pty")
        "meta.titled_in_every_tone",  # titles greeted by title and surname in every tone
        "*.salutation.titled",  # the greeting for such a title, where a tone's differs
        "*.salutation.panel_titled",
        "letter.brief.closing",  # a brief paper letter's closing, where it differs
    ),
    "lexicon.toml": (
        "meta.acronyms",  # capitalised words that are not shouting
        "meta.caps_name_cues",  # words after which a name in capitals is a convention
    ),
}


def meta(code: str) -> Language:
    """Return a language's metadata; InputError naming the file and key when it is wrong."""
    return _meta(code, folder(code))


@cache
def _meta(code: str, where: Path) -> Language:
    path = where / "meta.toml"
    data = _parse(path)

    def text(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{path}: {key}: expected a non-empty string, found {value!r}")
        return value

    def words(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise InputError(f"{path}: {key}: expected a list of strings, found {value!r}")
        return tuple(value)

    unknown = sorted(
        set(data) - {field.name for field in fields(Language)} - {"code", "subject_label"}
    )
    if unknown:
        raise InputError(f"{path}: unknown key {unknown[0]!r}; docs/languages.md lists the keys")
    name, native_name, locale = text("name"), text("native_name"), text("locale")
    registers, header = words("registers"), words("header_words")
    subject = words("subject_words")
    if not subject:
        raise InputError(f"{path}: subject_words: expected at least one word, found none")
    return Language(
        code=code,
        name=name,
        native_name=native_name,
        locale=locale,
        registers=registers,
        header_words=tuple(word.lower() for word in header),
        subject_words=tuple(word.lower() for word in subject),
        subject_label=subject[0],
    )


def header_words() -> frozenset[str]:
    """Return every language's header words: a mail client's language is not the letter's."""
    return _union(search_path(), "header_words")


def subject_words() -> frozenset[str]:
    """Return every language's words for a subject line ("Subject", "Oggetto"…)."""
    return _union(search_path(), "subject_words")


@cache
def _union(path: tuple[Path, ...], key: str) -> frozenset[str]:
    found: set[str] = set()
    for code, where in _folders(path).items():
        found.update(getattr(_meta(code, where), key))
    return frozenset(found)


def read(code: str, name: str) -> dict[str, Any]:
    """Return one of a language's TOML files, with every key the reference language's has.

    A key the reference language (English) has and this one lacks is an InputError naming
    the file, the key and the language it is missing relative to, so a new language is
    complete when it loads, never patched at run time with English words.
    """
    return _read(code, name, search_path())


@cache
def _read(code: str, name: str, path: tuple[Path, ...]) -> dict[str, Any]:
    data = _parse(folder(code) / name)
    reference = _folders(path).get(REFERENCE)
    if code != REFERENCE and reference is not None and (reference / name).is_file():
        require_keys(code, name, data, _read(REFERENCE, name, path))
    return data


def require_keys(code: str, name: str, data: dict[str, Any], reference: dict[str, Any]) -> None:
    """Raise InputError when `data` (the language's file `name`) lacks a reference key."""
    missing = missing_keys(data, reference, OPTIONAL.get(name, ()))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise InputError(
            f"{folder(code) / name}: missing key {missing[0]!r}{more}, which"
            f" {REFERENCE}/{name} has; every language needs the keys of {REFERENCE!r}"
        )


def missing_keys(
    data: dict[str, Any], reference: dict[str, Any], optional: tuple[str, ...] = ()
) -> list[str]:
    """Return the dotted key paths `reference` has and `data` lacks, optional ones aside."""
    found: list[str] = []
    skipped = _matcher(optional)

    def walk(prefix: str, have: Any, want: dict[str, Any]) -> None:
        for key, value in want.items():
            dotted = f"{prefix}{key}"
            if skipped(dotted):
                continue
            if not isinstance(have, dict) or key not in have:
                found.append(dotted)
            elif isinstance(value, dict):
                walk(f"{dotted}.", have[key], value)

    walk("", data, reference)
    return found


@cache
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """Return a test of whether a dotted key matches one of the shell-style `patterns`
    (as `fnmatchcase` would), one compiled expression for them all."""
    if not patterns:
        return lambda dotted: False
    from fnmatch import translate

    return compile_pattern("|".join(translate(pattern) for pattern in patterns)).match


def _parse(path: Path) -> dict[str, Any]:
    """Return a language file's TOML, from decline's cache while the file is unchanged."""
    from decline import cache

    return cache.derived("toml", path, lambda: _parse_now(path))


def _parse_now(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read it: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML: {error}") from None
