"""The JSON of the bundled example: pinned, and its key figures re-derived by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decline import compare, load_offers

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "compare_example.json"


def test_json_matches_the_golden_file() -> None:
    result = compare(load_offers(ROOT / "examples" / "offers.toml")).to_dict()
    assert result == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_file_figures_by_hand() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    offers = {o["id"]: o for o in golden["offers"]}
    assert set(golden) == {
        "currency", "weights", "weights_method", "offers", "recommendation", "sensitivity"
    }  # fmt: skip
    assert set(offers["acme"]) == {
        "id", "company", "role", "score", "rank", "contributions", "compensation", "commute",
        "estimates",
    }  # fmt: skip
    # weights 5:4:3:2:2:1 over 17
    assert golden["weights"]["compensation"] == round(5 / 17, 4)
    # acme: 62,000 × (1 + 10% bonus + 3% match) = 70,060; equity 20,000 / 4 = 5,000 a year
    # (12-month cliff: year 1 vests at its end); signing 3,000 in year 1.
    assert offers["acme"]["compensation"] == {
        "year1": 78060, "year2": 75060, "year3": 75060, "year4": 75060, "average": 75810
    }  # fmt: skip
    # gamma: 66,000 × 1.12 = 73,920 + 30,000 × [10, 20, 30, 40]%
    assert offers["gamma"]["compensation"]["year4"] == 73920 + 12000
    # beta: 58,000 × 1.09 = 63,220, no equity; 25 min × 2 × 2 days × 46 weeks = 76.7 h
    assert offers["beta"]["compensation"]["average"] == 63220
    assert offers["beta"]["commute"] == {"hours_per_year": 76.7, "cost_per_year": 404.8}
    assert offers["gamma"]["commute"] == {"hours_per_year": 0, "cost_per_year": 0}
    # beta's compensation points: 5/17 × 100 × 63,220 / 81,420 (gamma is the best)
    assert offers["beta"]["contributions"]["compensation"] == pytest.approx(
        5 / 17 * 100 * 63220 / 81420, abs=0.01
    )
    # commute at €40/h: acme 184 h → 7,360 + 1,104 = 8,464 (the largest), gamma 0 (best),
    # beta 76.67 h → 3,066.7 + 404.8 = 3,471.5 → 2/17 × 100 × (1 − 3,471.5/8,464)
    assert offers["acme"]["contributions"]["commute"] == 0
    assert offers["beta"]["contributions"]["commute"] == pytest.approx(
        2 / 17 * 100 * (1 - (76.6667 * 40 + 404.8) / 8464), abs=0.01
    )
    assert golden["recommendation"] == {
        "accept": "beta", "decline": ["gamma", "acme"], "close_call": False
    }  # fmt: skip
    assert offers["beta"]["estimates"] == ["bonus"]
