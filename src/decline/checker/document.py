"""Parse a letter into its parts: header, subject, salutation, body sentences, closing, signature.

Real input is messy — address blocks, a subject on the salutation's line, words run
together, lines broken mid-sentence, template blanks — so the parser works on character
offsets into the original text and never rewrites it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from decline import languages
from decline.cache import compile as compile_pattern
from decline.checker.lexicon import Lexicon
from decline.checker.once import once

CLOSING_WINDOW = 400  # characters: a closing is followed by a short signature at most
# Where a closing may start: at a line's start, or after a sentence on the same line.
_CLOSING_AT = compile_pattern(r"(?m)^[ \t]*|([.!?])[ \t]+")
_WORD = compile_pattern(r"[^\W_](?:[\w'’-]*[^\W_])?")
_WORD_CHAR = compile_pattern(r"[^\W_]")  # where a _WORD can start
# Each run of end marks is tried once, from its start (a later start in the same run fails
# whenever the first does): a long run of dots costs linear time, not quadratic.
_SENTENCE_END = compile_pattern(
    r"(?<![.!?…])[.!?…]++[\"”’)\]]*+(?=\s|$)|(?<![.!?])[.!?]++(?=[A-Z])|\r?\n[ \t\r]*\n\s*"
)
_BULLET_LINE = compile_pattern(r"[ \t]*(?:[-*•–]|\d+[.)])[ \t]+\S")
_BULLET = compile_pattern(r"\n[ \t]*(?:[-*•–]|\d+[.)])[ \t]+")
_DATE_PREFIX = compile_pattern(r"[^\n]{0,40}?(?<!\d)(?:19|20)\d\d(?!\d)[.,]?[ \t]*")
_SALUTATION_END = compile_pattern(r"[,:;!]|\r?\n|[ \t]+[—–][ \t]*")
# Talking points greet inside a bullet or a quote: '- "Hi Sandra, …' or '• Buongiorno Roberta'
_QUOTED_GREETING = compile_pattern(
    r"(?:[-*•][ \t]*)(?:[A-Z][\w ]{0,20}:[ \t]*)?[\"“'‘]?[ \t]*"
    r"|(?:[A-Z][\w ]{0,20}:[ \t]*)?[\"“'‘][ \t]*"
)
_SIGNATURE_LINE = compile_pattern(
    r"^[ \t]*(?:[\[(<{_].*|.*@.*|https?://\S+|\+?[\d ()./-]{6,}|(?:[A-Z\u00c0-\u024f][\w'’.-]*"
    r"|[a-z]{1,3}|&)(?:[ \t]+(?:[A-Z\u00c0-\u024f][\w'’.-]*|[a-z]{1,3}|&|\(.*\)))*+)[ \t,]*$"
)


class Sentence(NamedTuple):
    """A sentence of the body: its span in the letter and its text (a tuple: made often)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A letter's parts as spans of the original text (start inclusive, end exclusive)."""

    text: str
    subject: tuple[int, int] | None
    salutation: tuple[int, int] | None
    addressee: tuple[int, int] | None
    body_start: int
    body_end: int
    closing: tuple[int, int] | None
    sentences: tuple[Sentence, ...]
    words: int

    @property
    def body(self) -> str:
        """Return the body's text."""
        return self.text[self.body_start : self.body_end]

    @once
    def sentence_starts(self) -> list[int]:
        """Return where each sentence starts, in order."""
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Return the index of the sentence holding `offset` (the nearest before it)."""
        index = bisect_right(self.sentence_starts, offset) - 1
        return index if index > 0 else 0


_WORD_START = compile_pattern(r"[^\W_][\w'’-]*")  # counts exactly the words _WORD finds, faster


def count_words(text: str) -> int:
    """Count the words of a text as the report does."""
    return len(_WORD_START.findall(text))


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        spans.append((start, end))
        start += len(line)
    return spans


_BLANK = compile_pattern(r"\[[^\[\]\n]*\]|\([^()\n]*\)|_{2,}\S*|\bX{3,}\b")


def _is_prose(line: str) -> bool:
    """Say whether a line reads as a sentence rather than an address, name or date line."""
    plain = _BLANK.sub(" ", line)
    tokens = _WORD.findall(plain)
    if len(tokens) < 5:
        return False
    # "Acme Analytics S.p.A." or a long company name is Title Case: prose has lower-case
    # words (or is shouted in capitals, which is still the body).
    lower = any(word[0].islower() and len(word) >= 3 for word in tokens)
    shouted = plain.upper() == plain and any(char.isalpha() for char in plain)
    if not (lower or shouted):
        return False
    return len(tokens) >= 9 or line.rstrip().endswith((".", "!", "?"))


_TITLE_ONLY_END = compile_pattern(r"\r?\n[ \t]*([^\r\n,:;!]{1,60}?)[ \t]*([,:;!])")


def _is_header(line: str) -> bool:
    """Say whether a line is a mail header ("To: …", "Da: …") in any language's words.

    The words are each language's `header_words` (meta.toml); all are known in every
    letter, since the mail client that pasted the headers may speak another language.
    """
    head, colon, _ = line.partition(":")
    return bool(colon) and head.strip().lower() in languages.header_words()


@cache
def _subject_label(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return compile_pattern(rf"(?:{alternatives})[ \t]*[:\-–]", re.IGNORECASE)


def _subject_at(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Return where a subject line's label ends ("Subject:", "Oggetto:"), or None.

    The letter's own lexicon knows its language's forms ("RE:"); any language's
    `subject_words` (meta.toml) are known too, for a mail client in another language.
    """
    found = lexicon.pattern("subject").match(text, start, end)
    found = found or _subject_label(languages.subject_words()).match(text, start, end)
    return found.end() if found else None


def _salutation_at(
    text: str, start: int, limit: int, lexicon: Lexicon
) -> tuple[tuple[int, int], bool] | None:
    """Return the salutation's span when one starts at `start`, and whether it ends in
    punctuation (a bare "Spett.le" line may belong to an address block instead)."""
    match = lexicon.pattern("salutation").match(text, start, limit)
    if not match:
        return None
    end_match = _SALUTATION_END.search(text, match.end(), limit)
    if end_match:
        end = (
            end_match.start()
            if end_match.group().startswith(("\n", "\r", " ", "\t"))
            else end_match.end()
        )
        punctuated = not end_match.group().startswith(("\n", "\r"))
    else:
        end, punctuated = limit, False
    name = text[match.end() : end].strip(" \t,:;!")
    if lexicon.pattern("title_only").fullmatch(name) and not punctuated:
        # "Dear Mr.\nIbrahim, thank you…": the name went on to the next line
        following = _TITLE_ONLY_END.match(text, limit)
        if following and count_words(following.group(1)) <= 3:
            return (start, following.end()), True
    rest = _BLANK.sub(" ", text[match.end() : end])
    lower_word = any(word[0].islower() for word in _WORD.findall(rest))
    if count_words(rest) > 7 or (not punctuated and lower_word):
        # no punctuation after the greeting: the name is the capitalised words that follow
        end = match.end()
        for word in _WORD.finditer(text, match.end(), min(limit, match.end() + 80)):
            between = text[end : word.start()]
            title = lexicon.pattern("title_only").fullmatch(
                text[word.start() : word.end() + 1].rstrip(" \t")
            )
            if between.strip(" \t.") or not (word.group()[0].isupper() or title):
                break
            end = word.end()
        end_match = _SALUTATION_END.match(text, end)
        if end_match and not end_match.group().startswith(("\n", "\r")):
            end, punctuated = end_match.end(), True
    return (start, end), punctuated


def _find_opening(
    text: str, lexicon: Lexicon
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """Return (subject, salutation, body start) from the top of the letter."""
    subject: tuple[int, int] | None = None
    first_prose: int | None = None
    tentative: tuple[int, int] | None = None  # a bare greeting line, e.g. "Spett.le"
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip())
        at = start + indent
        quoted = _QUOTED_GREETING.match(text, at, end)  # talking points: '- "Hi Sandra, …'
        found = _salutation_at(text, quoted.end() if quoted else at, end, lexicon)
        dated = None if found else _DATE_PREFIX.match(text, at, end)
        if dated:  # a date line flattened onto the greeting: "3 March 2026 Dear Ms. Park,"
            found = _salutation_at(text, dated.end(), end, lexicon)
        if found:
            salutation, punctuated = found
            if punctuated or tentative is not None:
                return subject, salutation, salutation[1]
            tentative = salutation
            continue
        label_end = _subject_at(text, at, end, lexicon)
        if label_end is not None:
            subject_end = end
            inline = lexicon.pattern("salutation").search(text, label_end, end)
            if inline and (inline.start() == 0 or not text[inline.start() - 1].isalpha()):
                inline_found = _salutation_at(text, inline.start(), end, lexicon)
                if inline_found:
                    return (start, inline.start()), inline_found[0], inline_found[0][1]
            if subject is None:
                subject = (start, subject_end)
            continue
        if _is_header(stripped) and count_words(stripped) <= 8:
            continue
        if _is_prose(line) or (_BULLET_LINE.match(line) and count_words(line) >= 2):
            first_prose = at  # talking points' bullets are the body, however short
            break
    if tentative is not None:
        return subject, tentative, tentative[1]
    name_only = _name_only_greeting(text, lexicon)
    if name_only is not None:
        return subject, name_only, name_only[1]
    body_start = first_prose if first_prose is not None else (subject[1] if subject else 0)
    return subject, _scripted_greeting(text, lexicon), body_start


_NAME_LINE = compile_pattern(
    r"[ \t]*([A-Z\u00c0-\u024f][\w'’.-]+(?:[ \t]+[A-Z\u00c0-\u024f][\w'’.-]+)?)[ \t]*,[ \t]*\r?$"
)


def _name_only_greeting(text: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return a first line that is just a name and a comma ("Greg,"): a short e-mail's
    greeting. Words that thank or close ("Thanks,", "Regards,") are not names."""
    for start, end in _lines(text)[:3]:
        line = text[start:end]
        if not line.strip():
            continue
        match = _NAME_LINE.fullmatch(line)
        if match is None:
            return None
        word = match.group(1)
        for category in ("gratitude", "closing", "regret", "salutation"):
            if lexicon.pattern(category).match(word):
                return None
        return (start + match.start(1), start + match.end(0))
    return None


def _scripted_greeting(text: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the greeting of talking points, said in a bullet or quote under a heading.

    The script as a whole stays the body; the greeting only tells whom it addresses.
    """
    for start, end in _lines(text)[:8]:
        line = text[start:end]
        at = start + len(line) - len(line.lstrip())
        bullet = _QUOTED_GREETING.match(text, at, end)
        if bullet and bullet.end() > at:
            found = _salutation_at(text, bullet.end(), end, lexicon)
            if found:
                return found[0]
    return None


def _find_closing(
    text: str, body_start: int, lexicon: Lexicon
) -> tuple[tuple[int, int] | None, int]:
    """Return (closing span, body end): the closing and signature are not the body."""
    closing: tuple[int, int] | None = None
    pattern = lexicon.pattern("closing")
    tail_start = max(body_start, len(text) - CLOSING_WINDOW)
    first_word = _WORD_CHAR.search(text, body_start)  # found once: the body may be long
    for candidate in _CLOSING_AT.finditer(text, tail_start):
        match = pattern.match(text, candidate.end())
        if not match or first_word is None or first_word.start() >= match.start():
            continue  # a closing ends a body: "Thanks," on the first line is not one
        after_sentence = candidate.group(1) is not None
        rest = text[match.end() :]
        line_rest = rest.split("\n", 1)[0].rstrip("\r")
        signed_inline = (
            after_sentence and rest.lstrip(" \t").startswith(",") and count_words(rest) <= 4
        )
        if not line_rest.strip(" \t,.!") or signed_inline:
            tail = rest.strip()
            if count_words(tail) <= 14 and tail.count("\n") <= 6:
                closing = (match.start(), match.end())
                break
    if closing:
        end = closing[0]
    else:
        end = len(text)
        lines = text[body_start:].rstrip().split("\n")
        trimmed = 0
        while len(lines) > 1 and trimmed < 6:
            last = lines[-1]
            if not last.strip():  # (str.strip also drops a CRLF's "\r")
                lines.pop()
                continue
            if count_words(last) <= 5 and _SIGNATURE_LINE.match(last.rstrip("\r")):
                lines.pop()
                trimmed += 1
                continue
            break
        if trimmed:
            end = body_start + len("\n".join(lines))
    while end > body_start and text[end - 1].isspace():
        end -= 1
    return closing, end


def _split_sentences(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[Sentence, ...]:
    """Split the body into sentences, keeping abbreviations such as "Mr." whole."""
    cuts: list[int] = []
    abbreviations = lexicon.abbreviations
    # A slice, so that the marks' look-behind cannot see past the body's start.
    for match in _SENTENCE_END.finditer(text[start:end]):
        at = start + match.start()
        if text[at] == "." and at > start:
            before = text[max(start, at - 12) : at].split()
            if before and before[-1].lstrip("([{\"“'‘").lower() in abbreviations:
                continue
        cuts.append(start + match.end())
    if "\n" in text[start:end]:
        cuts.extend(match.start() + 1 for match in _BULLET.finditer(text, start, end))
        cuts.sort()
    sentences: list[Sentence] = []
    position = start
    cuts.append(end)
    for cut in cuts:
        if cut <= position:
            continue
        segment = text[position:cut]
        stripped = segment.strip()
        if stripped:
            left = segment.find(stripped[0])
            sentences.append(Sentence(position + left, position + left + len(stripped), stripped))
        position = cut
    return tuple(sentences)


def parse(text: str, lexicon: Lexicon) -> Document:
    """Parse a letter in the lexicon's language."""
    subject, salutation, body_start = _find_opening(text, lexicon)
    addressee: tuple[int, int] | None = None
    if salutation:
        greeting = lexicon.pattern("salutation").match(text, salutation[0], salutation[1])
        name_start = greeting.end() if greeting else salutation[0]
        name_end = salutation[1]
        while name_end > name_start and text[name_end - 1] in ",:;! \t":
            name_end -= 1
        while name_start < name_end and text[name_start] in " \t,":
            name_start += 1
        if name_end > name_start:
            addressee = (name_start, name_end)
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    if salutation and _subject_at(text, body_start, len(text), lexicon) is not None:
        line_end = text.find("\n", body_start)  # a subject under the salutation ("RE: …")
        if line_end != -1 and count_words(text[body_start:line_end]) <= 12:
            subject = subject or (body_start, line_end)
            body_start = line_end
            while body_start < len(text) and text[body_start].isspace():
                body_start += 1
    closing, body_end = _find_closing(text, body_start, lexicon)
    body_end = max(body_end, body_start)
    sentences = _split_sentences(text, body_start, body_end, lexicon)
    return Document(
        text=text,
        subject=subject,
        salutation=salutation,
        addressee=addressee,
        body_start=body_start,
        body_end=body_end,
        closing=closing,
        sentences=sentences,
        words=count_words(text[body_start:body_end]),
    )
