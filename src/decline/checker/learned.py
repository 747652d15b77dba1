"""The learned layer: a small logistic regression over the rule features for `graceful`.

Rules list words; they cannot list every way a letter sneers, moralises or rambles. This
layer weighs what the analysis already found (signals, lexicon hits per category, sentence
statistics, a few cheap lexical counts) and says how likely a careful coach would call the
letter graceful. It was trained only on letters the rules were never tuned on
(`make model`; docs/model.md is its card). Pure Python at run time: the weights are a
small JSON file inside the package, read on the first review that needs them.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from decline.cache import compile as compile_pattern
from decline.checker.report import SIGNALS

if TYPE_CHECKING:
    from collections.abc import Collection

    from decline.checker.analysis import Analysis

MODEL_PATH = Path(__file__).resolve().parent / "model" / "graceful.json"

# The lexicon categories whose hits are features (counted per letter and per sentence).
HIT_CATEGORIES = (
    "gratitude",
    "decision",
    "hedge",
    "deliberation",
    "reason",
    "regret",
    "stay_connected",
    "door_open",
    "negative",
    "grievance",
    "burn",
    "overshare",
    "money",
    "profanity",
    "slang",
    "grovel",
)
MOVES = ("gratitude", "decision", "regret", "stay_connected", "door_open", "deliberation")
# Who the letter talks about: the writer or the reader (both languages; a word is counted
# by a set lookup, faster than one pattern of alternatives).
_WRITER = frozenset(["i", "me", "my", "mine", "myself", "io", "mi", "mio", "mia", "miei", "mie"])
_READER = frozenset(
    [
        "you",
        "your",
        "yours",
        "yourself",
        "voi",
        "vostro",
        "vostra",
        "vostri",
        "lei",
        "la",
        "le",
        "sua",
        "suo",
        "tu",
        "tuo",
        "tua",
        "ti",
    ]
)
_LETTERS = compile_pattern(r"[^\W\d_]+")


_HIT_KEYS = tuple((category, f"hits:{category}") for category in HIT_CATEGORIES)
_SIGNAL_KEYS = {name: f"signal:{name}" for name in SIGNALS}
STATISTICS = (
    "log_words",
    "log_sentences",
    "free_sentences",
    "free_share",
    "first_person",
    "second_person",
    "exclamations",
    "questions",
    "brackets",
    "placeholders",
    "italian",
)


def feature_names() -> frozenset[str]:
    """Return every feature name `features` can produce."""
    return frozenset(
        (
            *_SIGNAL_KEYS.values(),
            *(f"hits:{category}" for category in HIT_CATEGORIES),
            *STATISTICS,
        )
    )


class Model(NamedTuple):
    """Weights over named features (already divided by each feature's scale); a named
    tuple, which costs less at import than a dataclass (review start-up is budgeted)."""

    bias: float
    weights: dict[str, float]
    threshold: float
    combine: str  # "decide", "flag" or "clear": what the layer may change (docs/model.md)
    hard_rules: frozenset[str]  # rule codes the layer never overrules
    languages: frozenset[str] = frozenset({"en", "it"})  # where it has a say

    def logit(self, features: dict[str, float]) -> float:
        """Return the log-odds that the letter is graceful."""
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())


UNSET: object = object()
_override: list[object] = [UNSET]


def use(chosen: object) -> None:
    """Review with another model, or None for the rules alone (training); UNSET restores."""
    _override[0] = chosen


def model() -> Model | None:
    """Return the model in use: the shipped one (read once) unless `use` chose another."""
    chosen = _override[0]
    if chosen is UNSET:
        return _shipped()
    return chosen if isinstance(chosen, Model) else None


@cache
def _shipped() -> Model | None:
    """Return the shipped model, or None when the package has none."""
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        combine=str(data["combine"]),
        hard_rules=frozenset(data.get("hard_rules", ())),
        languages=frozenset(data.get("languages", ("en", "it"))),
    )


def sentence_scores(analysis: Analysis, weights: dict[str, float]) -> list[float]:
    """Return each sentence's share of the logit: the weights of its own lexicon hits, and
    of making no move at all (one pass over the hits: linear in the letter)."""
    sentences = analysis.document.sentences
    scores = [0.0] * len(sentences)
    for category, key in _HIT_KEYS:
        weight = weights.get(key, 0.0)
        if weight:
            for hit in analysis.hits(category):
                scores[hit.sentence] += weight
    moves = set().union(*(analysis.sentences_with(move) for move in MOVES))
    free = weights.get("free_sentences", 0.0)
    if free:
        for index in range(len(sentences)):
            if index not in moves:
                scores[index] += free
    return scores


def features(analysis: Analysis) -> dict[str, float]:
    """Return the letter's features: what the rules found, and how the letter is built."""
    document = analysis.document
    found: dict[str, float] = {}
    for name, value in analysis.rule_signals().items():
        if value:
            found[_SIGNAL_KEYS[name]] = 1.0
    for category, key in _HIT_KEYS:
        count = len(analysis.hits(category))
        if count:
            found[key] = float(count if count < 4 else 4)
    sentences = document.sentences
    moves = set().union(*(analysis.sentences_with(move) for move in MOVES))
    free = sum(1 for index in range(len(sentences)) if index not in moves)
    text, start, end = document.text, document.body_start, document.body_end
    counts = analysis.word_counts
    first = sum(filter(None, map(counts.get, _WRITER)))
    second = sum(filter(None, map(counts.get, _READER)))
    words = max(document.words, 1)
    found.update(
        {
            "log_words": math.log1p(document.words),
            "log_sentences": math.log1p(len(sentences)),
            "free_sentences": float(min(free, 10)),
            "free_share": free / len(sentences) if sentences else 0.0,
            "first_person": first / words * 10,
            "second_person": second / words * 10,
            "exclamations": float(min(text.count("!", start, end), 5)),
            "questions": float(min(text.count("?", start, end), 5)),
            "brackets": float(min(text.count("(", start, end), 5)),
            "placeholders": float(min(len(analysis.placeholders), 5)),
            "italian": 1.0 if analysis.lexicon.code == "it" else 0.0,
        }
    )
    return found


class Verdict(NamedTuple):
    """What the layer says of one letter."""

    graceful: bool
    probability: float
    sentence: int | None  # the sentence that pulled hardest towards "not graceful"
    combine: str  # what the layer may change: "decide", "flag" or "clear"
    hard_rules: frozenset[str]  # rule codes it never softens


def assess(analysis: Analysis) -> Verdict | None:
    """Return the layer's verdict on a letter, or None when no model is shipped."""
    current = model()
    if current is None or analysis.lexicon.code not in current.languages:
        return None
    logit = current.logit(features(analysis))
    probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
    graceful = probability >= current.threshold
    sentence = None
    if not graceful and analysis.document.sentences:
        scores = sentence_scores(analysis, current.weights)
        # a sentence where a rule already reports an error speaks for itself: point at the
        # worst of the others that pulls towards "not graceful" (none: the rules' findings
        # say it all)
        marked = analysis.marked_sentences
        free = [index for index in range(len(scores)) if index not in marked]
        if free:
            worst = min(free, key=lambda index: (scores[index], index))
            sentence = worst if scores[worst] < 0 else None
    return Verdict(graceful, probability, sentence, current.combine, current.hard_rules)


# The word layer: for what the lexicon cannot list (implicit criticism, sarcasm, a long
# story), a small logistic regression per signal and language over the words of the letter
# (binary presence, scaled by 1/sqrt of the number of distinct words). It can only add a
# problem the rules missed; trained by `make model` on every corpus but the frozen and
# measure-only ones (raw words are not the checker's output, so tuned corpora may train it).
WORDS_PATH = MODEL_PATH.with_name("words.json")
# What each signal's layer looks for: the problem, and the signal's value that says it is there.
PROBLEM = {"negative_about_company": True, "oversharing": True, "professional_tone": False}
WORD_SIGNALS = tuple(PROBLEM)


class WordModel(NamedTuple):
    """One signal's word weights in one language."""

    bias: float
    weights: dict[str, float]
    threshold: float


_word_override: list[object] = [UNSET]


def use_words(chosen: object) -> None:
    """Review with other word models ({(signal, lang): WordModel}), or None for none."""
    _word_override[0] = chosen


def word_models() -> dict[tuple[str, str], WordModel]:
    """Return the word models in use: the shipped ones unless `use_words` chose others."""
    chosen = _word_override[0]
    if chosen is UNSET:
        return _shipped_words()
    return chosen if isinstance(chosen, dict) else {}


@cache
def _shipped_words() -> dict[tuple[str, str], WordModel]:
    """Return the shipped word models (none when the package has no file)."""
    try:
        data = json.loads(WORDS_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        (str(model["signal"]), str(model["lang"])): WordModel(
            float(model["bias"]),
            {str(k): float(v) for k, v in model["weights"].items()},
            float(model["threshold"]),
        )
        for model in data["models"]
    }


def words_of_lowered(text: str) -> list[str]:
    """Return the words of a text already lower-cased, in order."""
    return _LETTERS.findall(text)


def word_probability(model: WordModel, words: Collection[str]) -> float:
    """Return the layer's probability that the problem is there, given the distinct words."""
    if not words:
        return 0.0
    total = sum(filter(None, map(model.weights.get, words)))  # in C: the hot loop of review
    logit = model.bias + total / math.sqrt(len(words))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


def word_flags(analysis: Analysis) -> frozenset[str]:
    """Return the signals whose word layer finds its problem in the letter."""
    models = word_models()
    lang = analysis.lexicon.code
    found = []
    for signal in WORD_SIGNALS:
        model = models.get((signal, lang))
        if model is not None and word_probability(model, analysis.word_counts) >= model.threshold:
            found.append(signal)
    return frozenset(found)


def word_sentence(analysis: Analysis, signal: str) -> int | None:
    """Return the sentence whose words weigh most towards a signal's problem, leaving out
    sentences where a rule already reports an error (None when every sentence has one, or
    none of the others leans towards the problem: the rules' findings say it all). Asked
    only when a finding will point at it."""
    model = word_models().get((signal, analysis.lexicon.code))
    if model is None:
        return None
    weights = model.weights
    marked = analysis.marked_sentences
    best: int | None = None
    best_score = 0.0  # a sentence whose words lean away from the problem is never the one
    for index, words in enumerate(analysis.sentence_words):
        if index in marked:
            continue
        score = sum(filter(None, map(weights.get, words)))
        if score > best_score:
            best, best_score = index, score
    return best
