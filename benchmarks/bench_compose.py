"""Benchmarks for `decline write`: in-process `compose()` and the whole command.

`run()` returns (label, measured, budget, direction) rows for `benchmarks/bench.py`; run
this file alone to print them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "offers.toml"
PYTHON = sys.executable


def _best(argv: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def compose_per_second(seconds: float = 1.0) -> float:
    """Return compose() letters per second on one core, over a mix of every choice."""
    from decline.offers.parsing import load_offers
    from decline.writer.composer import REASONS, compose

    offers = load_offers(EXAMPLE)
    choices = list(
        itertools.product(
            offers.offers,
            ("en", "it"),
            ("warm", "formal", "brief"),
            ("email", "letter", "linkedin", "phone"),
            REASONS,
            range(4),
        )
    )
    day = dt.date(2026, 11, 20)
    for offer, lang, tone, channel, *_ in choices[:200]:  # warm the phrase cache and Babel
        compose(offer, offers.candidate, lang=lang, tone=tone, channel=channel, date=day)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for offer, lang, tone, channel, reason, variant in choices:
            compose(
                offer,
                offers.candidate,
                reason=reason,
                tone=tone,
                channel=channel,
                lang=lang,
                variant=variant,
                date=day,
            )
        done += len(choices)
    return done / (time.perf_counter() - start)


def run() -> list[tuple[str, float, float, str]]:
    """Measure compose() throughput and `decline write … --format text` against python."""
    rows = [("compose() in process, letters/s (one core)", compose_per_second(), 5000.0, "≥")]
    env = {**os.environ, "DECLINE_CONFIG": str(ROOT / "benchmarks" / "no-such-config.toml")}
    # an installed package has its bytecode; let the first run write it, as pip would
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    baseline = _best([PYTHON, "-c", "pass"], runs=25)
    argv = [PYTHON, "-m", "decline", "write", str(EXAMPLE), "--offer", "acme", "--format", "text"]
    subprocess.run(argv, capture_output=True, check=False, env=env)
    whole = _best(argv, runs=15, env=env)
    rows.append(("decline write FILE --offer ID, × python -c pass", whole / baseline, 8.0, "≤"))
    return rows


if __name__ == "__main__":
    for label, value, budget, direction in run():
        print(f"{label}: {value:.1f} (budget {direction} {budget:g})")
