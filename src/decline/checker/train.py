"""Train the learned layer (`make model`): `python -m decline.checker.train [--check]`.

Only letters the rules were never tuned on are used (MANIFEST.toml: `tuned = false`, not
`final`), so the features are what the checker says of letters it has not seen: a layer
trained on in-sample rule outputs learns to trust the rules blindly. Every choice (the
regularisation, and what the layer may change) is made by leave-one-corpus-out figures,
which are written into the model file and docs/model.md quotes them. Deterministic: full
batch gradient descent from zero weights, no sampling, so the same data gives the same file.
Pure Python, so `make model` needs nothing beyond the package.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from decline.checker import learned

if TYPE_CHECKING:
    from decline.checker.document import Document

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "benchmarks" / "corpus"
SEED = 20261205  # nothing is sampled; kept so the file records how it was made
ITERATIONS = 600
RATE = 0.5
PENALTIES = (0.03, 0.1, 0.3, 1.0, 3.0)  # L2 strength × letters, chosen out of sample
COMBINES = ("rules", "decide", "flag", "clear")
# Which rules' errors the layer may never soften, and how sure it must be: both chosen out
# of sample among these (profanity and burnt bridges are never softened in any).
HARD_CHOICES = (
    ("D304", "D702"),
    ("D304", "D503", "D702"),
    ("D304", "D501", "D503", "D702"),
)
THRESHOLDS = (0.5, 0.65, 0.8)
# The errors the layer may weigh against the rest of the letter: a missing thanks or
# decision, and apologising too much (a matter of degree: "please forgive me" once is
# not what "I'm hopeless, forgive me, I'm so sorry" is). Every other error is about what
# the letter says, and the layer may not clear a rule's example of it.
WEIGHED = ("D201", "D301", "D504")
LANGUAGE_CHOICES = (("en", "it"), ("en",))  # Italian letters are fewer: let the data say
FOLDS = 5


@dataclass
class Letter:
    """One training letter: its group, gold label, the rules' verdict and the features."""

    corpus: str
    group: str  # the letter's source (site), so letters from one page never straddle folds
    lang: str
    gold: bool
    rules_graceful: bool
    errors: frozenset[str]  # the rules whose errors make the letter ungraceful
    features: dict[str, float]


def _manifest() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = tomllib.loads((CORPUS / "MANIFEST.toml").read_text("utf-8"))[
        "corpus"
    ]
    return entries


def training_corpora() -> list[Path]:
    """Return the corpora whose features are out of sample: the ones the rules were never
    tuned on, and the ones tuned on only after a snapshot of what the rules said of them
    (`features` in MANIFEST.toml); never a final set, nor one kept for measuring only
    (`train = false`)."""
    return [
        CORPUS / str(entry["file"])
        for entry in _manifest()
        if (not entry.get("tuned") or entry.get("features"))
        and not entry.get("final")
        and entry.get("train", True)
    ]


def snapshot_of(corpus: Path) -> Path | None:
    """Return the file of features taken from the rules before they were tuned on a corpus
    (None when the rules were never tuned on it, so its features are taken live)."""
    for entry in _manifest():
        if CORPUS / str(entry["file"]) == corpus and entry.get("features"):
            return CORPUS / str(entry["features"])
    return None


def _group(path: Path, row: dict[str, object]) -> str:
    source = str(row.get("source") or f"{path.name}:{row['id']}")
    return source.split("/")[2] if "://" in source else source


def _rows(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def observe(text: str, lang: str) -> dict[str, object]:
    """Return what the rules alone say of a letter: their verdict, the rules whose errors
    make it ungraceful, and the layer's features."""
    from decline.checker import lexicon
    from decline.checker.analysis import Analysis
    from decline.checker.document import parse
    from decline.checker.engine import review

    report = review(text, lang)
    lex = lexicon.load(lang)
    analysis = Analysis(parse(report.text, lex), lex)
    return {
        "rules_graceful": report.graceful,
        "errors": sorted(
            f.rule
            for f in report.findings
            if f.severity.value == "error" and f.principle is not None
        ),
        "features": learned.features(analysis),
    }


@contextmanager
def rules_alone() -> Iterator[None]:
    """Review with the rules alone (no learned layer) inside the block."""
    learned.use(None)
    learned.use_words(None)
    try:
        yield
    finally:
        learned.use(learned.UNSET)
        learned.use_words(learned.UNSET)


def corpus_rows(
    sources: dict[Path, bytes],
) -> Iterator[tuple[Path, dict[str, object], dict[str, object] | None]]:
    """Yield each letter of the corpora (their bytes, read once) with what the rules said
    of it in its corpus's snapshot, if the rules were tuned on that corpus since."""
    for path, data in sources.items():
        if path.parent.name == "features":
            continue  # a snapshot: read with its corpus
        snapshot = snapshot_of(path)
        seen = (
            {str(row["id"]): row for row in _rows(sources[snapshot])}
            if snapshot is not None
            else {}
        )
        for row in _rows(data):
            yield path, row, seen.get(str(row["id"]))


def _letter(corpus: str, group: str, lang: str, gold: bool, said: dict[str, object]) -> Letter:
    """Return a training letter from what the rules alone said of it (`observe`)."""
    features = said["features"]
    assert isinstance(features, dict)
    return Letter(
        corpus=corpus,
        group=group,
        lang=lang,
        gold=gold,
        rules_graceful=bool(said["rules_graceful"]),
        errors=frozenset(str(code) for code in said["errors"]),  # type: ignore[attr-defined]
        features={str(k): float(v) for k, v in features.items()},
    )


def collect(sources: dict[Path, bytes]) -> list[Letter]:
    """Return the training letters of the corpora (their bytes, read once): what the rules
    alone say of each, from its snapshot where the rules were tuned on it since."""
    letters = []
    with rules_alone():
        for path, row, snapshot in corpus_rows(sources):
            lang = str(row.get("lang", "en"))
            said = snapshot or observe(str(row["text"]), lang)
            labels = row["labels"]
            assert isinstance(labels, dict)
            letters.append(
                _letter(path.name, _group(path, row), lang, bool(labels["graceful_overall"]), said)
            )
    return letters


def read_sources(paths: list[Path]) -> dict[Path, bytes]:
    """Return the bytes of the training corpora and of their snapshots, read once (the
    corpora may grow while a model is built)."""
    sources = {path: path.read_bytes() for path in paths}
    for path in paths:
        snapshot = snapshot_of(path)
        if snapshot is not None:
            sources[snapshot] = snapshot.read_bytes()
    return sources


def digest(sources: dict[Path, bytes]) -> str:
    """Return the SHA-256 of the training data, as the model file records it."""
    sha = hashlib.sha256()
    for data in sources.values():
        sha.update(data)
    return sha.hexdigest()


def take_snapshot(corpus: Path) -> Path:
    """Write what the rules alone say of every letter of a corpus, before they are tuned on
    it, to benchmarks/corpus/features/ (the layer then trains on that, not on what the
    tuned rules say): returns the file written."""
    with rules_alone():
        lines = [
            json.dumps({"id": row["id"], **observe(str(row["text"]), str(row.get("lang", "en")))})
            for row in _rows(corpus.read_bytes())
        ]
    out = CORPUS / "features" / corpus.name
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def fit(letters: list[Letter], penalty: float) -> tuple[float, dict[str, float]]:
    """Fit a class-balanced, L2-regularised logistic regression; return raw-scale weights."""
    names = sorted({name for letter in letters for name in letter.features})
    n = len(letters)
    columns = {name: [letter.features.get(name, 0.0) for letter in letters] for name in names}
    mean = {name: sum(values) / n for name, values in columns.items()}
    scale = {
        name: math.sqrt(sum((v - mean[name]) ** 2 for v in values) / n) or 1.0
        for name, values in columns.items()
    }
    rows = [
        [
            (i, (letter.features.get(name, 0.0) - mean[name]) / scale[name])
            for i, name in enumerate(names)
        ]
        for letter in letters
    ]
    positives = sum(1 for letter in letters if letter.gold) or 1
    negatives = (n - positives) or 1
    sample_weight = [n / (2 * positives) if x.gold else n / (2 * negatives) for x in letters]
    weights = [0.0] * len(names)
    bias = 0.0
    for _ in range(ITERATIONS):
        gradient = [0.0] * len(names)
        gradient_bias = 0.0
        for row, letter, weight in zip(rows, letters, sample_weight, strict=True):
            z = bias + sum(weights[i] * value for i, value in row)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            error = (p - (1.0 if letter.gold else 0.0)) * weight
            gradient_bias += error
            for i, value in row:
                gradient[i] += error * value
        bias -= RATE * gradient_bias / n
        for i in range(len(names)):
            weights[i] -= RATE * (gradient[i] / n + penalty * weights[i] / n)
    raw = {name: weights[i] / scale[name] for i, name in enumerate(names) if weights[i]}
    raw_bias = bias - sum(weights[i] * mean[name] / scale[name] for i, name in enumerate(names))
    return raw_bias, raw


def probability(bias: float, weights: dict[str, float], letter: Letter) -> float:
    """Return the layer's probability that the letter is graceful."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in letter.features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Policy:
    """How the layer's probability and the rules combine into the verdict."""

    combine: str
    threshold: float
    hard: tuple[str, ...]
    languages: tuple[str, ...] = ("en", "it")  # where the layer has earned its say

    def graceful(self, letter: Letter, p: float) -> bool:
        """Return the final `graceful` verdict of a letter whose layer probability is p."""
        if letter.lang not in self.languages:
            return letter.rules_graceful
        layer = p >= self.threshold
        hard = bool(letter.errors & set(self.hard))
        if self.combine == "rules":
            return letter.rules_graceful
        if self.combine == "decide":
            return layer and not hard
        if self.combine == "flag":
            return letter.rules_graceful and layer
        return letter.rules_graceful or (layer and not hard)


def balanced_f1(pairs: list[tuple[bool, bool]]) -> float:
    """Return the mean of the F1 of the true and of the false class of (gold, guess)."""
    total = 0.0
    for cls in (True, False):
        tp = sum(1 for g, s in pairs if g is cls and s is cls)
        fp = sum(1 for g, s in pairs if g is not cls and s is cls)
        fn = sum(1 for g, s in pairs if g is cls and s is not cls)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / 2


def figures(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Return graceful balanced F1 and the share of good letters flagged."""
    good = [s for g, s in pairs if g]
    flagged = sum(1 for s in good if not s)
    return {
        "letters": len(pairs),
        "graceful_f1": round(balanced_f1(pairs), 3),
        "good_flagged": round(flagged / len(good), 3) if good else 0.0,
    }


def out_of_fold(letters: list[Letter], penalty: float, fold: list[str]) -> list[float]:
    """Return, per letter (in order), the layer's probability when its fold was held out."""
    found = [0.0] * len(letters)
    for held in sorted(set(fold)):
        train = [x for x, f in zip(letters, fold, strict=True) if f != held]
        bias, weights = fit(train, penalty * len(train))
        for i, letter in enumerate(letters):
            if fold[i] == held:
                found[i] = probability(bias, weights, letter)
    return found


def grouped_folds(letters: list[Letter]) -> list[str]:
    """Return each letter's fold of a grouped 5-fold split by source (fixed seed)."""
    groups = sorted({letter.group for letter in letters})
    random.Random(SEED).shuffle(groups)
    fold_of = {group: f"fold{i % FOLDS}" for i, group in enumerate(groups)}
    return [fold_of[letter.group] for letter in letters]


def table_of(letters: list[Letter], found: list[float], policy: Policy) -> dict[str, object]:
    """Return the figures per corpus, per language and overall for one policy."""
    keys = ["all"]
    keys += sorted({x.corpus for x in letters})
    keys += [f"lang:{lang}" for lang in sorted({x.lang for x in letters})]
    per: dict[str, object] = {}
    for key in keys:
        pairs = [
            (x.gold, policy.graceful(x, p))
            for x, p in zip(letters, found, strict=True)
            if key in ("all", x.corpus, f"lang:{x.lang}")
        ]
        per[key] = figures(pairs)
    return per


def bad_examples() -> list[Letter]:
    """Return the bad examples of the rules about what a letter says (not those the layer
    exists to weigh, WEIGHED) that the rules call ungraceful, as
    letters: the layer may not clear any of them. A competitor's figures or a sneer at the
    role stay ungraceful whatever a few hundred historical letters could teach it to forgive."""
    from decline.checker.rules import RULES

    examples = []
    with rules_alone():
        for rule in RULES:
            if rule.code in WEIGHED:
                continue
            for example in rule.bad:
                text, _ = example.text_and_spans()
                said = observe(text, example.lang)
                if not said["rules_graceful"]:
                    examples.append(_letter("rules", rule.code, example.lang, False, said))
    return examples


def build() -> dict[str, object]:
    """Collect, choose by leave-one-corpus-out, fit on everything; return the model file."""
    paths = training_corpora()
    sources = read_sources(paths)
    letters = collect(sources)
    folds = grouped_folds(letters)
    corpora = [letter.corpus for letter in letters]
    policies = [Policy("rules", 0.5, HARD_CHOICES[0])] + [
        Policy(combine, threshold, hard, languages)
        for combine in COMBINES[1:]
        for threshold in THRESHOLDS
        for hard in HARD_CHOICES
        for languages in LANGUAGE_CHOICES
    ]
    ranked: list[tuple[float, int, float, Policy]] = []
    outcomes: dict[float, list[float]] = {}
    for penalty in PENALTIES:
        outcomes[penalty] = out_of_fold(letters, penalty, folds)
        for order, policy in enumerate(policies):
            pairs = [
                (x.gold, policy.graceful(x, p))
                for x, p in zip(letters, outcomes[penalty], strict=True)
            ]
            ranked.append((balanced_f1(pairs), -order, penalty, policy))
    # the best out of sample (ties: the smaller penalty, the earlier policy) that clears
    # none of the rules' own bad examples
    ranked.sort(key=lambda row: (-round(row[0], 9), row[2], -row[1]))
    examples = bad_examples()
    fitted: dict[float, tuple[float, dict[str, float]]] = {}
    for _, _, penalty, policy in ranked:
        if penalty not in fitted:
            fitted[penalty] = fit(letters, penalty * len(letters))
        bias, weights = fitted[penalty]
        if not any(policy.graceful(x, probability(bias, weights, x)) for x in examples):
            break
    else:
        raise AssertionError("even the rules alone clear a bad example")
    loco = out_of_fold(letters, penalty, corpora)
    table = {
        "rules alone": table_of(letters, loco, policies[0]),
        "with the layer, leave one corpus out": table_of(letters, loco, policy),
        "with the layer, grouped by source": table_of(letters, outcomes[penalty], policy),
    }
    bias, weights = fitted[penalty]
    return {
        "about": "docs/model.md; rebuilt by `make model` (python -m decline.checker.train)",
        "seed": SEED,
        "trained_on": {
            path.relative_to(CORPUS).as_posix(): sum(1 for x in letters if x.corpus == path.name)
            for path in paths
        },
        "data_sha256": digest(sources),
        "penalty": penalty,
        "combine": policy.combine,
        "threshold": policy.threshold,
        "hard_rules": list(policy.hard),
        "languages": list(policy.languages),
        "out_of_sample": table,
        "bias": round(bias, 6),
        "weights": {name: round(value, 6) for name, value in sorted(weights.items())},
    }


def render(data: dict[str, object]) -> str:
    """Return the model file's text (stable: sorted keys, one line per weight)."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the model files; with --check, say whether the shipped graceful layer is
    current; with --snapshot CORPUS…, keep what the rules say of those corpora before
    tuning on them; with --words, rebuild only the word layer."""
    if argv[:1] == ["--snapshot"]:
        for name in argv[1:]:
            try:
                print(take_snapshot(Path(name).resolve()))
            except OSError as error:  # the file's fault, in the system's words
                print(f"{name}: cannot take a snapshot: {error.strerror}", file=sys.stderr)
                return 2
            except (ValueError, KeyError) as error:
                print(
                    f"{name}: cannot take a snapshot: expected a JSON Lines corpus with an id"
                    f" and a text on every line, found {error!r}",
                    file=sys.stderr,
                )
                return 2
        return 0
    if "--check" not in argv:
        words = render(build_words())
        learned.WORDS_PATH.write_text(words, encoding="utf-8")
        print(f"{learned.WORDS_PATH} ({len(words.encode()):,} bytes)")
        for key, value in json.loads(words)["out_of_sample"].items():
            print(f"  {key:<34} {value}")
        if "--words" in argv:
            return 0
    text = render(build())
    if "--check" in argv:
        current = learned.MODEL_PATH.read_text("utf-8") if learned.MODEL_PATH.exists() else ""
        print("current" if current == text else "stale: run `make model`")
        return 0 if current == text else 1
    learned.MODEL_PATH.parent.mkdir(exist_ok=True)
    learned.MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"{learned.MODEL_PATH} ({len(text.encode()):,} bytes)")
    data = json.loads(text)
    for name, per in data["out_of_sample"].items():
        print(name)
        for key, value in per.items():
            print(f"  {key:<22} {value}")
    print(f"penalty {data['penalty']}, combine {data['combine']}")
    return 0


# The word layer (docs/model.md): per signal and language, chosen and measured leave one
# corpus out. Raw words are not the checker's output, so every corpus but the frozen and
# measure-only ones trains it; where the layer is combined with the rules in the choice,
# the rules' view of a corpus tuned on later is its snapshot (what they said before).
WORD_PENALTIES = (0.1, 1.0, 10.0, 30.0)
WORD_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)
WORD_ITERATIONS = 400
WORD_RATE = 30.0
MIN_LETTERS_PER_WORD = 3  # a word is a feature when at least this many letters use it
KEEP_WEIGHT = 0.05  # smaller weights are dropped from the file (they change no verdict here)


@dataclass
class Text:
    """One letter for the word layer: its corpus, language, distinct words, labels and
    what the rules (alone, before tuning on it where a snapshot exists) said."""

    corpus: str
    lang: str
    words: frozenset[str]
    problems: dict[str, bool]  # per word-layer signal: is the problem there (gold)
    rules: dict[str, bool]  # per word-layer signal: did the rules find it


def _problem(signal: str, value: bool) -> bool:
    """Return whether a signal's value is the problem the word layer looks for."""
    return value is learned.PROBLEM[signal]


def word_corpora() -> list[Path]:
    """Return the corpora the word layer trains on: all but the frozen and measure-only."""
    return [
        CORPUS / str(entry["file"])
        for entry in _manifest()
        if not entry.get("final") and entry.get("train", True)
    ]


def body_words(document: Document) -> frozenset[str]:
    """Return the distinct lower-cased words of a letter's body (the word layer's input)."""
    return frozenset(learned.words_of_lowered(document.body.lower()))


def collect_texts(sources: dict[Path, bytes]) -> list[Text]:
    """Return the word layer's letters from the corpora's bytes."""
    from decline.checker import lexicon
    from decline.checker.analysis import Analysis
    from decline.checker.document import parse

    texts = []
    with rules_alone():
        for path, row, said in corpus_rows(sources):
            lang = str(row.get("lang", "en"))
            lex = lexicon.load(lang)
            document = parse(str(row["text"]), lex)
            if said is not None:
                features = said["features"]
                assert isinstance(features, dict)
                rules = {
                    s: _problem(s, bool(features.get(f"signal:{s}"))) for s in learned.WORD_SIGNALS
                }
            else:
                signals = Analysis(document, lex).rule_signals()
                rules = {s: _problem(s, signals[s]) for s in learned.WORD_SIGNALS}
            labels = row["labels"]
            assert isinstance(labels, dict)
            texts.append(
                Text(
                    corpus=path.name,
                    lang=lang,
                    words=body_words(document),
                    problems={s: _problem(s, bool(labels[s])) for s in learned.WORD_SIGNALS},
                    rules=rules,
                )
            )
    return texts


def _vocabulary(texts: list[Text]) -> list[str]:
    counts: dict[str, int] = {}
    for text in texts:
        for word in text.words:
            counts[word] = counts.get(word, 0) + 1
    return sorted(word for word, count in counts.items() if count >= MIN_LETTERS_PER_WORD)


def _matrix(texts: list[Text], vocabulary: list[str]):  # type: ignore[no-untyped-def]
    import numpy as np

    column = {word: i for i, word in enumerate(vocabulary)}
    matrix = np.zeros((len(texts), len(vocabulary)), dtype=np.float64)
    for row, text in enumerate(texts):
        if text.words:
            scale = 1 / math.sqrt(len(text.words))  # as at run time: all distinct words
            for word in text.words:
                if word in column:
                    matrix[row, column[word]] = scale
    return matrix


def fit_words(texts: list[Text], signal: str, penalty: float) -> tuple[float, dict[str, float]]:
    """Fit one signal's class-balanced, L2-regularised logistic regression over words."""
    import numpy as np

    vocabulary = _vocabulary(texts)
    matrix = _matrix(texts, vocabulary)
    y = np.array([1.0 if text.problems[signal] else 0.0 for text in texts])
    n = len(texts)
    positives = y.sum() or 1.0
    negatives = (n - y.sum()) or 1.0
    weight = np.where(y == 1.0, n / (2 * positives), n / (2 * negatives))
    w = np.zeros(len(vocabulary))
    bias = 0.0
    for _ in range(WORD_ITERATIONS):
        z = np.clip(matrix @ w + bias, -30.0, 30.0)
        error = (1 / (1 + np.exp(-z)) - y) * weight
        w -= WORD_RATE * (matrix.T @ error / n + penalty * w / n)
        bias -= WORD_RATE * float(error.sum()) / n
    return bias, {word: float(value) for word, value in zip(vocabulary, w, strict=True)}


def good_examples() -> dict[str, list[frozenset[str]]]:
    """Return, by language, the distinct body words of every rule's good example: the
    letters the rules' own tests say must not be flagged."""
    from decline.checker import lexicon
    from decline.checker.document import parse
    from decline.checker.rules import RULES

    found: dict[str, list[frozenset[str]]] = {}
    for rule in RULES:
        for example in rule.good:
            text, _ = example.text_and_spans()
            document = parse(text, lexicon.load(example.lang))
            found.setdefault(example.lang, []).append(body_words(document))
    return found


def build_words() -> dict[str, object]:
    """Choose, per signal and language, the penalty and threshold (or no layer) by leave
    one corpus out; fit on every letter of the language; return the file's data. A layer
    that would flag one of the rules' good examples is not shipped: a few hundred letters
    can teach it that "thanks" is a good sign, and then any short letter without it looks
    like a problem."""
    paths = word_corpora()
    sources = read_sources(paths)
    texts = collect_texts(sources)
    goods = good_examples()
    models: list[dict[str, object]] = []
    table: dict[str, dict[str, object]] = {}
    for lang in sorted({text.lang for text in texts}):
        mine = [text for text in texts if text.lang == lang]
        corpora = sorted({text.corpus for text in mine})
        for signal in learned.WORD_SIGNALS:
            gold = [text.problems[signal] for text in mine]
            rules = [text.rules[signal] for text in mine]
            alone = balanced_f1(list(zip(gold, rules, strict=True)))
            best = (alone, 0.0, 1.1)  # no layer unless it helps out of sample
            for penalty in WORD_PENALTIES:
                found = [0.0] * len(mine)
                for held in corpora:
                    train = [text for text in mine if text.corpus != held]
                    bias, weights = fit_words(train, signal, penalty)
                    for i, text in enumerate(mine):
                        if text.corpus == held:
                            found[i] = learned.word_probability(
                                learned.WordModel(bias, weights, 0.5), text.words
                            )
                for threshold in WORD_THRESHOLDS:
                    guess = [r or p >= threshold for r, p in zip(rules, found, strict=True)]
                    score = balanced_f1(list(zip(gold, guess, strict=True)))
                    if score > best[0] + 0.01:  # a clear gain, not noise
                        best = (score, penalty, threshold)
            score, penalty, threshold = best
            table[f"{signal} {lang}"] = {
                "letters": len(mine),
                "problems": sum(gold),
                "rules alone": round(alone, 3),
                "with the layer, leave one corpus out": round(score, 3),
            }
            if threshold > 1:
                continue
            bias, weights = fit_words(mine, signal, penalty)
            model = learned.WordModel(bias, weights, threshold)
            if any(
                learned.word_probability(model, words) >= threshold for words in goods.get(lang, ())
            ):
                table[f"{signal} {lang}"]["refused"] = "it flags a rule's good example"
                continue
            models.append(
                {
                    "signal": signal,
                    "lang": lang,
                    "penalty": penalty,
                    "threshold": threshold,
                    "bias": round(bias, 4),
                    "weights": {
                        word: round(value, 3)
                        for word, value in sorted(weights.items())
                        if abs(value) >= KEEP_WEIGHT
                    },
                }
            )
    return {
        "about": "docs/model.md; rebuilt by `make model` (python -m decline.checker.train)",
        "trained_on": {
            path.relative_to(CORPUS).as_posix(): sum(1 for t in texts if t.corpus == path.name)
            for path in paths
        },
        "data_sha256": digest(sources),
        "out_of_sample": table,
        "models": models,
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
