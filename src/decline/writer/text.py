"""Small text mechanics: filling templates, listing names, greeting by surname."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ENDS_SENTENCE = (".", "!", "?", "…")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # categories Cc, Zl, Zp
# Lowercase particles that belong to a surname: "de la Cruz", "van Dijk", "Di Stefano".
_PARTICLES = frozenset(
    {"de", "del", "della", "dei", "degli", "di", "da", "dal", "dalla", "van", "von", "der"}
    | {"den", "ter", "ten", "la", "le", "lo", "du", "dos", "das", "do", "bin", "ibn", "al"}
    | {"el", "st.", "saint", "san"}
)


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` placeholders, never doubling a period after a value that ends a sentence.

    "Acme Inc." before the template's own "." gives one period, not two.
    """
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(template[position : match.start()])
        value = values[match.group(1)]
        parts.append(value)
        position = match.end()
        if value.endswith(_ENDS_SENTENCE) and template.startswith(".", position):
            position += 1
    parts.append(template[position:])
    return "".join(parts)


def join_names(
    names: Sequence[str], conjunction: str, euphonic: str = "", euphonic_initials: str = ""
) -> str:
    """List names the way a person would: "A", "A and B", "A, B and C"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    last = names[-1]
    word = euphonic if euphonic and last[:1] in euphonic_initials else conjunction
    return f"{', '.join(names[:-1])} {word} {last}"


def surname(name: str) -> str:
    """Return the part of a name to use after an honorific ("Dott.ssa Rossi").

    The last word, with the particles before it ("de la Cruz", "Di Stefano"). A name in a
    script that writes the family name first (Chinese, Japanese, Korean), or a single word,
    is kept whole: better the full name than a wrong one.
    """
    words = name.split()
    if len(words) < 2 or any(_family_name_first(char) for char in name):
        return name
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _family_name_first(char: str) -> bool:
    if not ("\u1100" <= char <= "\ud7af" or "\u2e80" <= char <= "\u9fff"):
        return False
    return unicodedata.category(char).startswith("L")


def lower_first(phrase: str, starters: Sequence[str]) -> str:
    """Lowercase a phrase's first word when it is an article or similar ("The team's…")."""
    lowered = phrase[:1].lower() + phrase[1:]
    for starter in starters:
        if lowered.startswith(starter) and (
            len(lowered) == len(starter)
            or starter.endswith(("'", "’"))
            or not lowered[len(starter)].isalnum()
        ):
            return lowered
    return phrase


def clean(value: str | None) -> str | None:
    """Return a fact trimmed of outer whitespace, or None when nothing is left."""
    if value is None:
        return None
    value = " ".join(value.split()) if "\n" in value or "\t" in value else value.strip()
    return value or None


def has_control(value: str) -> bool:
    """Say whether text holds a line break or another control character."""
    return _CONTROL.search(value) is not None
