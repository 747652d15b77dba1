"""Benchmarks for `decline compare`: in-process `compare()` and the whole command.

`run()` returns (label, measured, budget, unit) rows for `benchmarks/bench.py`; run this
file alone to print them.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "offers.toml"
PYTHON = ROOT / ".venv" / "bin" / "python"
CRITERIA = ("compensation", "benefits", "time_off", "commute", "culture", "growth", "mission",
            "learning")  # fmt: skip


def ten_offers_eight_criteria() -> object:
    """Return an offer set of 10 offers scored on 8 criteria (6 built in, 2 custom)."""
    from decline.offers import Candidate, Commute, Equity, Offer, OfferSet, Priorities

    offers = tuple(
        Offer(
            id=f"offer-{i}",
            company=f"Company {i}",
            role="Engineer",
            currency="EUR",
            base_salary=50000 + 2500 * i,
            bonus_target_pct=i % 4 * 5,
            equity=Equity(10000 * (i % 3), vesting_years=4, cliff_months=12),
            pto_days=22 + i % 6,
            benefits_value=1000 + 300 * i,
            commute=Commute(minutes_one_way=10 * (i % 5), office_days_per_week=3, cost_per_day=5),
            ratings={
                "culture": 1 + i % 5,
                "growth": 5 - i % 5,
                "mission": 1 + (i * 3) % 5,
                "learning": 1 + (i * 7) % 5,
            },
        )
        for i in range(10)
    )
    weights = dict(zip(CRITERIA, (5, 2, 1, 2, 3, 4, 2, 1), strict=True))
    return OfferSet(
        candidate=Candidate(name="Bench", hourly_rate=30),
        offers=offers,
        priorities=Priorities(weights=weights),
    )


def _compare_ms(repeats: int = 15) -> float:
    from decline import compare

    offer_set = ten_offers_eight_criteria()
    compare(offer_set)  # warm up: imports, caches
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        compare(offer_set, samples=10_000)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _process_seconds(args: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[tuple[str, float, float, str]]:
    """Measure and return (label, measured, budget, unit) rows."""
    # the whole `decline compare` process is timed with every other command in bench.py
    return [("compare() 10 offers × 8 criteria, 10,000 samples", _compare_ms(), 50.0, "ms")]


if __name__ == "__main__":
    for label, measured, budget, unit in run():
        verdict = "ok" if measured <= budget else "over"
        print(f"{label:58} {measured:8.1f} {unit}  budget {budget:g} {unit}  {verdict}")
