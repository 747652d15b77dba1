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
import re
from functools import cache
from pathlib import Path

from decline.errors import InputError

PACKAGED = Path(__file__).resolve().parent
ENVIRONMENT = "DECLINE_LANGUAGES_PATH"
REFERENCE = "en"  # the language every other is checked against for missing keys
_CODE = re.compile(r"[a-z]{2,3}")


def search_path() -> tuple[Path, ...]:
    """Return the folders searched for languages, later ones winning a shared code."""
    extra = os.environ.get(ENVIRONMENT, "")
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
