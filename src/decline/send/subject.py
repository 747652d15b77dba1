"""Split a draft's first subject line off its body, for every face (CLI, web, API).

A pasted draft names its subject the way its language does: `Subject:` in English,
`Oggetto:` in Italian. The words come from the writer's phrase data (`subject_label` in
`languages/<lang>/phrases.toml`), so a new language brings its own; any language's word is
recognised in any draft, since the draft's language is known only after it is read.
"""

from __future__ import annotations

from functools import cache


@cache
def subject_labels() -> frozenset[str]:
    """Return every language's word for a subject line, case-folded."""
    from decline.writer.phrasebook import languages, phrasebook

    labels = {str(phrasebook(lang).meta.get("subject_label", "Subject")) for lang in languages()}
    return frozenset(label.casefold() for label in labels | {"Subject"})


def split_subject(text: str) -> tuple[str | None, str]:
    """Return (subject, body): a first `Subject: …` line (in any language) and the rest."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    label, colon, value = first.partition(":")
    if colon and label.strip().casefold() in subject_labels():
        return value.strip() or None, rest.lstrip("\n")
    return None, text
