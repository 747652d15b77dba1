"""`fix` over every letter of the team's labelled corpora (not the final sets, not dev).

Issue 13's bar: on every letter the checker flags, the repair is graceful and keeps at
least 60% of the writer's unflagged sentences verbatim, or says what only the person can
supply; and no letter comes out worse. `make eval-fix` prints the same figures.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _eval_fix() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_fix", ROOT / "benchmarks" / "eval_fix.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_fix"] = module
    spec.loader.exec_module(module)
    return module


EVAL = _eval_fix()


@pytest.fixture(scope="module")
def outcome() -> object:
    return EVAL.measure(EVAL.letters())


def test_the_corpora_are_the_tuning_and_real_world_sets_only() -> None:
    names = [str(path.relative_to(EVAL.CORPUS)) for path in EVAL.corpus_files()]
    assert "realworld/rw-en.jsonl" in names
    assert "realworld/rw-it.jsonl" in names
    assert "unseen6.jsonl" in names
    assert not [name for name in names if name.startswith("final") or ".b." in name]
    assert len(EVAL.letters()) > 400


def test_no_letter_comes_out_worse(outcome: object) -> None:
    assert outcome.worse == []  # type: ignore[attr-defined]


def test_every_flagged_letter_is_repaired_or_says_what_is_missing(outcome: object) -> None:
    assert outcome.missed == []  # type: ignore[attr-defined]
    flagged = len(outcome.flagged)  # type: ignore[attr-defined]
    assert flagged > 300
    assert len(outcome.kept) >= 0.6 * flagged  # type: ignore[attr-defined]


def test_not_graceful_letters_become_graceful_or_name_what_is_missing(outcome: object) -> None:
    before = len(outcome.not_graceful)  # type: ignore[attr-defined]
    assert before > 100
    assert outcome.unexplained == []  # type: ignore[attr-defined]
    assert len(outcome.made_graceful) >= 0.75 * before  # type: ignore[attr-defined]


def test_kept_share_counts_a_lost_sentence() -> None:
    from decline import fix
    from decline.repair import Repair

    draft = (
        "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.\n\nBest,\nKit\n"
    )
    repair = fix(draft, "en")
    assert EVAL.kept_share(repair) == 1.0
    lost = Repair(
        repair.original,
        repair.text.replace("I won't be taking it. ", ""),
        repair.lang,
        repair.changes,
        repair.needs,
        repair.report,
    )
    assert EVAL.kept_share(lost) == pytest.approx(2 / 3)
