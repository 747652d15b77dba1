"""Split a draft's first subject line off its body, for every face (CLI, web, API).

A pasted draft names its subject the way its language does: `Subject:` in English,
`Oggetto:` in Italian. The words are language data (`subject_words` in
`languages/<lang>/meta.toml`), so a new language brings its own; any language's word is
recognised in any draft, since the draft's language is known only after it is read.
"""

from __future__ import annotations

from functools import cache


@cache
def subject_labels() -> frozenset[str]:
    """Return every language's words for a subject line, case-folded."""
    from decline import languages

    return frozenset(word.casefold() for word in languages.subject_words())


def split_subject(text: str) -> tuple[str | None, str]:
    """Return (subject, body): a first `Subject: …` line (in any language) and the rest."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    label, colon, value = first.partition(":")
    if colon and label.strip().casefold() in subject_labels():
        return value.strip() or None, rest.lstrip("\n")
    return None, text
