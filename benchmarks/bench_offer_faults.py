"""Benchmarks for hostile input: the worst 100 KB offer files and drafts, read and refused.

docs/design.md: any input up to 100 KB is handled in ≤ 0.5 s (linear time). The unit tests
(tests/test_offer_faults.py, tests/test_reading_faults.py) check the messages; the speed
is measured here. `run()` returns (label, measured, budget, unit) rows for
`benchmarks/bench.py`; run this file alone to print them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress

MINIMAL = '[[offer]]\nid = "acme"\ncompany = "Acme"\nrole = "Engineer"\n'
SIZE = 100_000


def offer_inputs() -> dict[str, str]:
    """Return the adversarial offer files, each about 100 KB, that once took seconds."""
    rated = ", ".join(f"criterion{i} = 3" for i in range(3000))
    return {
        "'[' then spaces in a multi-line array": MINIMAL + "liked = [\n[" + " " * SIZE + "\n]\n]\n",
        "3,000 unknown priority names": MINIMAL
        + f"ratings = {{ {rated} }}\n[priorities]\n"
        + "".join(f"criterion{i}x = 1\n" for i in range(3000)),
        "arrays nested 50,000 deep": MINIMAL + "liked = " + "[" * 50_000 + "]" * 50_000 + "\n",
        "3,000 unknown keys": MINIMAL + "".join(f"base_salery{i} = 1\n" for i in range(3000)),
        "a 100 KB key": MINIMAL + "k" * SIZE + " = 1\n",
        "quotes": MINIMAL + '"' * SIZE + "\n",
    }


def _nested_eml(depth: int) -> bytes:
    head = "From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)
    )
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return (head + opening + "Content-Type: text/plain\n\nDear Maria\n" + closing).encode()


def _best_ms(call: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with suppress(ValueError):  # InputError: refusing is the expected outcome
            call()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def run() -> list[tuple[str, float, float, str]]:
    """Measure and return (label, measured, budget, unit) rows: the worst case of each kind."""
    from decline.offers.parsing import parse_offers
    from decline.reading import MAX_MIME_SECTIONS, eml_text

    inputs = offer_inputs()
    worst = max(inputs, key=lambda name: _best_ms(lambda: parse_offers(inputs[name])))
    offer_ms = _best_ms(lambda: parse_offers(inputs[worst]))
    rows = [(f"offer file, worst 100 KB ({worst})", offer_ms, 500.0, "ms")]
    for depth in (MAX_MIME_SECTIONS, 2000):  # the most the parser is given; far beyond it
        eml = _nested_eml(depth)
        eml_ms = _best_ms(lambda: eml_text(eml, "deep.eml"))  # noqa: B023 (called at once)
        rows.append((f".eml nested {depth:,} deep ({len(eml) // 1000} KB)", eml_ms, 500.0, "ms"))
    return rows


if __name__ == "__main__":
    for label, measured, budget, unit in run():
        verdict = "ok" if measured <= budget else "over"
        print(f"{label:64} {measured:8.1f} {unit}  budget {budget:g} {unit}  {verdict}")
