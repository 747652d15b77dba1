"""Measure the reviewer on labelled letters: balanced F1 per signal, macro, graceful.

Balanced F1 is the mean of the F1 of the `true` class and of the `false` class, as
`../shared/eval/README.md` defines it. `make eval` measures the shared dev set and every
corpus in `benchmarks/corpus/MANIFEST.toml`, saying which were used for tuning; the frozen
final corpora are measured only by `make eval-final` (`--final`), once, at the end.

    python benchmarks/eval_review.py                 # dev set + every corpus but the final ones
    python benchmarks/eval_review.py -v FILE.jsonl   # one file, with every miss listed
    python benchmarks/eval_review.py --final         # the frozen final corpora, per language
"""

from __future__ import annotations

import json
import random
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decline import InputError, review
from decline.checker.report import SIGNALS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"
MANIFEST = CORPUS / "MANIFEST.toml"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "letters.jsonl"
NAMES = (*SIGNALS, "graceful")
BOOTSTRAP_ROUNDS = 1000


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def balanced_f1(pairs: Sequence[tuple[bool, bool]]) -> float:
    """Return the mean of the F1 of the true class and of the false class of (gold, guess)."""
    tp = sum(1 for gold, guess in pairs if gold and guess)
    tn = sum(1 for gold, guess in pairs if not gold and not guess)
    fp = sum(1 for gold, guess in pairs if not gold and guess)
    fn = sum(1 for gold, guess in pairs if gold and not guess)
    return (_f1(tp, fp, fn) + _f1(tn, fn, fp)) / 2


@dataclass
class Outcome:
    """Gold labels and the checker's guesses for a set of letters."""

    ids: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    gold: list[dict[str, bool]] = field(default_factory=list)
    guess: list[dict[str, bool]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def subset(self, keep: Iterable[int]) -> Outcome:
        """Return the outcome of the letters at the given positions (repeats allowed)."""
        out = Outcome()
        for i in keep:
            out.ids.append(self.ids[i])
            out.langs.append(self.langs[i])
            out.gold.append(self.gold[i])
            out.guess.append(self.guess[i])
        return out

    def pairs(self, name: str) -> list[tuple[bool, bool]]:
        return [(g[name], s[name]) for g, s in zip(self.gold, self.guess, strict=True)]

    def macro(self) -> float:
        return sum(balanced_f1(self.pairs(name)) for name in SIGNALS) / len(SIGNALS)

    def graceful(self) -> float:
        return balanced_f1(self.pairs("graceful"))

    def good_flagged(self) -> list[str]:
        return [
            i
            for i, g, s in zip(self.ids, self.gold, self.guess, strict=True)
            if g["graceful"] and not s["graceful"]
        ]

    def good_count(self) -> int:
        return sum(1 for g in self.gold if g["graceful"])


def read_letters(path: Path) -> list[dict[str, object]]:
    """Return the letters of a JSON-lines file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def labels_of(row: dict[str, object]) -> dict[str, bool]:
    labels: dict[str, bool] = dict(row["labels"])  # type: ignore[call-overload]
    labels["graceful"] = labels.pop("graceful_overall")
    return labels


def measure(rows: list[dict[str, object]]) -> Outcome:
    """Review every letter in its labelled language and collect gold and guesses."""
    out = Outcome()
    for row in rows:
        try:
            report = review(str(row["text"]), str(row.get("lang", "auto")))
        except InputError:
            out.refused.append(str(row["id"]))
            continue
        out.ids.append(str(row["id"]))
        out.langs.append(str(row.get("lang", "?")))
        out.gold.append(labels_of(row))
        out.guess.append(dict(report.signals, graceful=report.graceful))
    return out


def interval(outcome: Outcome, statistic: str) -> tuple[float, float]:
    """Return a bootstrap 95% interval of a statistic, resampling letters (fixed seed)."""
    rng = random.Random(20261205)
    n = len(outcome.ids)
    values = []
    for _ in range(BOOTSTRAP_ROUNDS):
        sample = outcome.subset(rng.randrange(n) for _ in range(n))
        if statistic == "macro":
            values.append(sample.macro())
        elif statistic == "graceful":
            values.append(sample.graceful())
        else:
            good = sample.good_count()
            values.append(len(sample.good_flagged()) / good if good else 0.0)
    values.sort()
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


def print_table(outcome: Outcome) -> None:
    """Print the per-signal confusion counts and balanced F1."""
    print(f"  {'signal':<24}{'TP':>4}{'FP':>4}{'FN':>4}{'TN':>4}{'bal F1':>8}")
    for name in NAMES:
        pairs = outcome.pairs(name)
        counts = [
            sum(1 for g, s in pairs if g and s),
            sum(1 for g, s in pairs if not g and s),
            sum(1 for g, s in pairs if g and not s),
            sum(1 for g, s in pairs if not g and not s),
        ]
        cells = "".join(f"{c:>4}" for c in counts)
        print(f"  {name:<24}{cells}{balanced_f1(pairs):>8.3f}")


def summary(outcome: Outcome, with_interval: bool = False) -> str:
    """Return one line: letters, macro, graceful, good letters flagged."""
    good = outcome.good_count()
    flagged = len(outcome.good_flagged())
    rate = flagged / good if good else 0.0
    parts = [
        f"{len(outcome.ids)} letters",
        f"macro {outcome.macro():.3f}",
        f"graceful {outcome.graceful():.3f}",
        f"good flagged {flagged}/{good} ({rate:.0%})",
    ]
    if with_interval and outcome.ids:
        low, high = interval(outcome, "macro")
        parts[1] += f" [{low:.3f}–{high:.3f}]"
        low, high = interval(outcome, "graceful")
        parts[2] += f" [{low:.3f}–{high:.3f}]"
        low, high = interval(outcome, "flagged")
        parts[3] += f" [{low:.0%}–{high:.0%}]"
    return " · ".join(parts)


def report_on(path: Path, verbose: bool, with_interval: bool = False) -> Outcome:
    """Measure one file and print its summary, per language, and (verbose) its misses."""
    rows = read_letters(path)
    outcome = measure(rows)
    print(f"  all: {summary(outcome, with_interval)}")
    langs = sorted(set(outcome.langs))
    if len(langs) > 1:
        for lang in langs:
            part = outcome.subset(i for i, x in enumerate(outcome.langs) if x == lang)
            print(f"  {lang}:  {summary(part, with_interval)}")
    if outcome.refused:
        print(f"  refused: {', '.join(outcome.refused)}")
    if verbose:
        print_table(outcome)
        for i, gold, guess in zip(outcome.ids, outcome.gold, outcome.guess, strict=True):
            wrong = [name for name in NAMES if gold[name] != guess[name]]
            if wrong:
                print(f"    {i}: " + ", ".join(f"{n} gold={gold[n]}" for n in wrong))
    return outcome


def agreement(path_a: Path, path_b: Path) -> None:
    """Print how two independent labellings of the same letters agree, per signal."""
    a = {str(row["id"]): labels_of(row) for row in read_letters(path_a)}
    b = {str(row["id"]): labels_of(row) for row in read_letters(path_b)}
    common = sorted(a.keys() & b.keys())
    if not common:
        print("  agreement: no letter labelled twice yet")
        return
    per_signal = {name: balanced_f1([(a[i][name], b[i][name]) for i in common]) for name in NAMES}
    macro = sum(per_signal[name] for name in SIGNALS) / len(SIGNALS)
    cells = " · ".join(f"{name} {per_signal[name]:.2f}" for name in NAMES)
    print(f"  labels vs a second blind labelling ({len(common)}): macro {macro:.3f}; {cells}")


def learned_layer() -> dict[str, Any]:
    """Return the shipped learned layer's record (what it was trained on, its figures)."""
    from decline.checker.learned import MODEL_PATH

    try:
        data: dict[str, Any] = json.loads(MODEL_PATH.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def manifest() -> list[dict[str, object]]:
    """Return the corpora listed in MANIFEST.toml, in order."""
    corpora: list[dict[str, object]] = tomllib.loads(MANIFEST.read_text("utf-8"))["corpus"]
    return corpora


def main(argv: list[str]) -> int:
    """Print the figures; return 0 (the corpora measure, they do not gate)."""
    verbose = "-v" in argv
    final = "--final" in argv
    files = [Path(arg) for arg in argv if not arg.startswith("-")]
    if files:
        for path in files:
            print(f"{path}:")
            report_on(path, verbose, with_interval=True)
        return 0
    if final:
        print("The frozen final corpora, measured once: the honest figures (95% bootstrap).")
        for entry in manifest():
            if entry.get("final"):
                path = CORPUS / str(entry["file"])
                print(f"\n{entry['file']} — {entry['about']}")
                if path.exists():
                    report_on(path, verbose, with_interval=True)
                else:
                    print("  not collected yet")
        return 0
    layer = learned_layer()
    out_of_sample: dict[str, Any] = layer.get("out_of_sample", {})
    if layer:
        print(
            f"Learned layer: trained on {', '.join(layer.get('trained_on', {}))}; may "
            f"{layer.get('combine')!s} in {', '.join(layer.get('languages', []))} (docs/model.md)."
        )
    if DEV.exists():
        print(f"The shared dev set ({DEV}): measures, never tuned on by copying its wording.")
        report_on(DEV, verbose)
    else:
        print(f"No dev set at {DEV}; it lives in ../shared/eval/.")
    for entry in manifest():
        if entry.get("final"):
            continue
        path = CORPUS / str(entry["file"])
        used = "USED FOR TUNING" if entry.get("tuned") else "never tuned on"
        if entry["file"] in layer.get("trained_on", {}):
            used += "; TRAINED the learned layer (figures below are in-sample for it)"
        print(f"\n{entry['file']} — {entry['about']} — {used}")
        if entry.get("first_contact"):
            print(f"  first measured unseen: {entry['first_contact']}")
        name = Path(str(entry["file"])).name
        for key in ("with the layer, leave one corpus out", "with the layer, grouped by source"):
            table = out_of_sample.get(key, {})
            if name in table:
                figures = table[name]
                print(
                    f"  {key.removeprefix('with the layer, ')} (graceful, out of sample): "
                    f"{figures['graceful_f1']:.3f}, good flagged {figures['good_flagged']:.0%}"
                )
        if not path.exists():
            print("  not collected yet")
            continue
        report_on(path, verbose)
        if entry.get("labels_b"):
            agreement(path, CORPUS / str(entry["labels_b"]))
        if entry.get("agreement_before_settling"):
            print(f"  before disagreements were settled: {entry['agreement_before_settling']}")
    print("\nThe final corpora are not measured here: `make eval-final`, once, at the end.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
