"""The pure-Python sensitivity: gamma draws, the compiled argmax, bounded work, no warnings."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from decline import InputError, compare
from decline.evaluate.compare import MAX_EVALUATIONS
from decline.evaluate.sensitivity import CHUNK, _win_counter, gamma_variates, win_probability
from decline.offers import Candidate, Offer, OfferSet, Priorities


@pytest.mark.parametrize("shape", [0.3, 1.0, 5.55, 27.75])
def test_gamma_draws_have_the_right_mean_and_variance(shape: float) -> None:
    draws = gamma_variates(random.Random(7), shape, 40_000)
    assert len(draws) == 40_000
    assert all(d > 0 for d in draws)
    mean = sum(draws) / len(draws)
    variance = sum((d - mean) ** 2 for d in draws) / (len(draws) - 1)
    # Gamma(k, 1): mean k, variance k, excess kurtosis 6/k; four standard errors of tolerance
    assert mean == pytest.approx(shape, abs=4 * (shape / len(draws)) ** 0.5)
    assert variance == pytest.approx(shape, rel=4 * ((6 / shape + 2) / len(draws)) ** 0.5)


def test_compiled_counter_counts_the_argmax_of_the_weighted_totals() -> None:
    rng = random.Random(3)
    for _ in range(50):
        rows = [tuple(rng.uniform(0, 100) for _ in range(5)) for _ in range(7)]
        weightings = [[rng.expovariate(1.0) for _ in range(20)] for _ in range(5)]
        wins = [0] * len(rows)
        _win_counter(rows)(wins, *weightings)
        expected = [0] * len(rows)
        for g in zip(*weightings, strict=True):
            totals = [sum(w * s for w, s in zip(g, row, strict=True)) for row in rows]
            expected[totals.index(max(totals))] += 1
        assert wins == expected


def test_a_tie_goes_to_the_first_tied_row_as_index_of_max_gives_it() -> None:
    rng = random.Random(5)
    for _ in range(300):
        rows = [tuple(float(rng.choice((0, 10, 50.5, 100))) for _ in range(3)) for _ in range(4)]
        rows = list(dict.fromkeys(rows))
        weightings = [
            [rng.choice((0.0, 1.0, 2.0, rng.random())) for _ in range(50)] for _ in range(3)
        ]
        floors = [min(column) for column in zip(*rows, strict=True)]
        expected = [0] * len(rows)
        for g in zip(*weightings, strict=True):  # the totals as the compiled code sums them
            totals = []
            for row in rows:
                terms = [(s - f) * w for s, f, w in zip(row, floors, g, strict=True) if s > f]
                total = terms[0] if terms else 0.0
                for term in terms[1:]:
                    total += term
                totals.append(total)
            expected[totals.index(max(totals))] += 1
        wins = [0] * len(rows)
        _win_counter(rows)(wins, *weightings)
        assert wins == expected


def test_dominated_offers_never_win_and_twins_share() -> None:
    scores = [[100, 50, 80], [90, 40, 70], [100, 50, 80], [40, 100, 60]]
    shares = win_probability(scores, [0.5, 0.3, 0.2], CHUNK * 2 + 5, seed=1)
    assert shares[1] == 0  # beaten by offer 0 on every criterion
    assert shares[0] == shares[2] > 0
    assert sum(shares) == pytest.approx(1)
    assert win_probability(scores, [0.5, 0.3, 0.2], CHUNK * 2 + 5, seed=1) == shares


def many_offers(count: int) -> OfferSet:
    offers = tuple(
        Offer(
            id=f"o{i}",
            company=f"Company {i}",
            role="Engineer",
            base_salary=40_000 + 37 * i,
            pto_days=20 + i % 9,
            ratings={"culture": 1 + i % 5, "growth": 1 + (i * 3) % 5},
        )
        for i in range(count)
    )
    weights = {"compensation": 3, "time_off": 1, "culture": 2, "growth": 2}
    return OfferSet(candidate=Candidate(name="A"), offers=offers, priorities=Priorities(weights))


def test_samples_times_offers_is_capped_with_a_clear_message() -> None:
    with pytest.raises(InputError, match=r"samples: expected at most 10,000 for 1,000 offers"):
        compare(many_offers(1000), samples=1_000_000)
    assert MAX_EVALUATIONS // 1000 == 10_000


def write_offers(path: Path, count: int) -> None:
    blocks = ["[priorities]\ncompensation = 3\ntime_off = 1\nculture = 2\ngrowth = 2\n"]
    for i in range(count):
        blocks.append(
            f'[[offer]]\nid = "o{i}"\ncompany = "Company {i}"\nrole = "Engineer"\n'
            f"base_salary = {40_000 + 37 * i}\npto_days = {20 + i % 9}\n"
            f"ratings = {{ culture = {1 + i % 5}, growth = {1 + (i * 3) % 5} }}\n"
        )
    path.write_text("\n".join(blocks), encoding="utf-8")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decline", "--no-color", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DECLINE_CONFIG": "/nonexistent/config.toml"},
        check=False,
    )


def test_a_valid_200_offer_file_prints_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "offers.toml"
    write_offers(path, 200)
    out = run("compare", str(path), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


def test_too_much_sampling_is_exit_2_not_gigabytes(tmp_path: Path) -> None:
    path = tmp_path / "offers.toml"
    write_offers(path, 1000)
    out = run("compare", str(path), "--samples", "1000000")
    assert out.returncode == 2
    assert out.stdout == ""
    assert "expected at most 10,000 for 1,000 offers" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("seed", [0, 1, 7, 2**32 + 5, 10**30])
def test_the_generator_draws_what_random_random_draws(seed: int) -> None:
    from decline.evaluate.sensitivity import _mersenne

    ours, theirs = _mersenne()(seed), random.Random(seed)
    assert [ours.random() for _ in range(2000)] == [theirs.random() for _ in range(2000)]
