"""Tell a letter's language (any language with a lexicon) by its common words.

No general language detector is needed: a letter is scored against each lexicon's
`detect_words`, counting only the words that belong to one language, and a letter with
no evidence for any is refused.
"""

from __future__ import annotations

from functools import cache

from decline import languages
from decline.cache import compile as compile_pattern
from decline.checker import lexicon
from decline.errors import InputError

_TOKEN = compile_pattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE = 3_000  # characters: enough to decide, cheap on a 1 MB input
_MIN_SHARE = 0.06


@cache
def _exclusive_words() -> dict[str, frozenset[str]]:
    codes = lexicon.available()
    words = {code: lexicon.load(code).detect_words for code in codes}
    return {
        code: frozenset(
            word
            for word in own
            if not any(word in words[other] for other in codes if other != code)
        )
        for code, own in words.items()
    }


def detect(text: str) -> str:
    """Return the code of the letter's language; InputError when it is clearly neither."""
    tokens = _TOKEN.findall(text[:_SAMPLE].lower())
    scores = {
        code: sum(map(words.__contains__, tokens)) for code, words in _exclusive_words().items()
    }
    best = max(scores, key=lambda code: (scores[code], code == languages.REFERENCE))
    count = scores[best]
    if count == 0 or (len(tokens) >= 30 and count / len(tokens) < _MIN_SHARE):
        names = " or ".join(languages.meta(code).name for code in lexicon.available())
        raise InputError(f"the letter is not {names}; use --lang to force a language")
    return best
