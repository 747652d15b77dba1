"""Small text mechanics: filling templates, listing names, greeting by surname."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from decline.cache import compile as compile_pattern

_PLACEHOLDER = compile_pattern(r"\{([a-z_]+)\}")
_ENDS_SENTENCE = (".", "!", "?", "…")
_CONTROL = compile_pattern("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # categories Cc, Zl, Zp
# Lowercase particles that belong to a surname: "de la Cruz", "van Dijk", "Di Stefano".
_PARTICLES = frozenset(
    {"de", "del", "della", "dei", "degli", "di", "da", "dal", "dalla", "van", "von", "der"}
    | {"den", "ter", "ten", "la", "le", "lo", "du", "dos", "das", "do", "bin", "ibn", "al"}
    | {"el", "st.", "saint", "san"}
)


ALTERNATIVE = " || "


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` placeholders, never doubling a period after a value that ends a sentence.

    "Acme Inc." before the template's own "." gives one period, not two. A template may offer
    alternatives separated by " || ": the first whose placeholders are all known is used, so a
    wording that needs a fact (the writer's grammatical gender: "Le sono {grato}") falls back
    to one that does not ("Le sono riconoscente"), and a variant never changes its number.
    """
    if ALTERNATIVE in template:
        options = template.split(ALTERNATIVE)
        template = next(
            (
                option
                for option in options
                if all(name in values for name in _PLACEHOLDER.findall(option))
            ),
            options[-1],
        )
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


def first_name(name: str) -> str:
    """Return the name a warm letter greets by: the first word, or the whole name.

    A name in a script that writes the family name first, or a single word, is kept whole.
    """
    words = name.split()
    if len(words) < 2 or any(_family_name_first(char) for char in name):
        return name
    return words[0]


def without_legal_suffix(
    company: str, suffixes: Sequence[str], fragments: Sequence[str] = ()
) -> str:
    """Return the company's name as people say it: "Acme S.r.l." → "Acme".

    The legal form belongs in the recipient block of a formal letter, not in every sentence.
    A legal form of several words ("Pte. Ltd.", "GmbH & Co. KG") goes whole or not at all:
    when what is left ends with a piece of one (`fragments`, or another suffix: "Kopi Labs
    Pte."), the name is kept as written. A name that is nothing but a suffix is kept.
    """
    trimmed = company.rstrip()
    pieces = {piece.casefold().rstrip(".,") for piece in (*suffixes, *fragments)}
    for suffix in sorted(suffixes, key=len, reverse=True):
        if trimmed.casefold().endswith(suffix.casefold()):
            head = trimmed[: len(trimmed) - len(suffix)]
            if head and not head[-1].isalnum():
                short = head.rstrip(" ,")
                last = short.split()[-1].casefold().rstrip(".,") if short.split() else ""
                if short and last not in pieces:
                    return short
                return company
    return company


def with_implied_article(
    company: str,
    implied: Mapping[str, str],
    articles: Mapping[str, object],
    when: Sequence[str] = (),
    chosen: str | None = None,
) -> str:
    """Give a name that starts with a common noun the article the language says before it.

    "Studio Associato Rossi" is "lo Studio Associato Rossi" in a sentence ("presso lo
    Studio…", "dello Studio…"), so it becomes "Lo Studio Associato Rossi" and
    `join_articles` fuses and lowercases it like any name written with its article; in
    English "Office for Regional Statistics" is "the Office…" ("at the Office…"). `when`,
    if given, are words one of which must follow the head noun ("of", "for": "the Bank of
    Italy", but "Bank Rossi"). `chosen` is the offer file's own choice: an article of the
    language, or "none". A name that already starts with an article is kept.
    """
    first = company.split(maxsplit=1)[0] if company.strip() else ""
    if any(company.startswith(a if str(a).endswith(("'", "’")) else f"{a} ") for a in articles):
        return company
    if chosen is not None:
        if chosen.casefold() == "none":
            return company
        article = next((str(a) for a in articles if str(a).casefold() == chosen.casefold()), None)
        if article is not None:
            return f"{article}{company}" if article.endswith(("'", "’")) else f"{article} {company}"
    article = implied.get(first)
    if article is None:
        return company
    if when and not any(word in company.split()[1:] for word in when):
        return company
    return f"{article}{company}" if article.endswith(("'", "’")) else f"{article} {company}"


def join_articles(text: str, company: str, articles: Mapping[str, Mapping[str, str]]) -> str:
    """Fuse a preposition with the article a company's name starts with ("di La X" → "della X").

    Mid-sentence the article is lowercased ("presso la Bottega"); at the start of a sentence
    it stays as written. `articles` maps each article to the prepositions that fuse with it.
    """
    article = next(
        (
            a
            for a in articles
            if company.startswith(a if a.endswith(("'", "’")) else f"{a} ")
            and len(company) > len(a) + 1
        ),
        None,
    )
    if article is None or company not in text:
        return text
    tail = company[len(article) :]
    fused = articles[article]
    pieces: list[str] = []
    position = 0
    for match in re.finditer(re.escape(company), text):
        before = text[position : match.start()]
        word = re.search(r"(\S+)\s+$", before)
        if word and word.group(1) in fused:
            pieces.append(before[: word.start(1)] + fused[word.group(1)] + tail)
        elif match.start() == 0 or re.search(r"[.!?]\s*$", before):
            pieces.append(before + company)
        else:
            pieces.append(before + article.lower() + tail)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


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
