"""One registry of comparison criteria drives the parser, the evaluation and the form.

A toy criterion added to the registry in a test (and nowhere else) is accepted by the
offer file's parser, scored by the comparison and shown by the web offer form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from decline import offers as models
from decline.errors import InputError
from decline.evaluate.compare import compare
from decline.evaluate.criteria import MEASURES
from decline.evaluate.explain import Words, languages, messages
from decline.evaluate.report import grid
from decline.offers.parsing import parse_offers
from decline.web import offer_form
from web_support import client

TEXT = """
[candidate]
name = "Alex"
[priorities]
compensation = 1
stability = 3
[[offer]]
id = "acme"
company = "Acme"
role = "Engineer"
base_salary = 60000
ratings = { stability = 2 }
[[offer]]
id = "beta"
company = "Beta"
role = "Engineer"
base_salary = 60000
ratings = { stability = 5 }
"""
TOY = models.Criterion(
    "stability",
    "rating",
    "rating",
    figures={"offer.ratings.NAME": models.RANGES["offer.ratings.NAME"]},
)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(models.CRITERIA, "stability", TOY)


def test_without_the_entry_a_weight_no_offer_rates_is_an_error() -> None:
    with pytest.raises(InputError, match="stability"):
        parse_offers(
            TEXT.replace("ratings = { stability = 2 }", "").replace(
                "ratings = { stability = 5 }", ""
            )
        )


def test_a_toy_criterion_is_parsed_as_a_built_in(toy: None) -> None:
    # a built-in criterion may be weighted before any offer rates it
    bare = TEXT.replace("ratings = { stability = 2 }", "").replace(
        "ratings = { stability = 5 }", ""
    )
    assert parse_offers(bare).priorities.weights["stability"] == 3
    assert "stability" in models.builtin_criteria()
    assert "stability" in models.rated_criteria()


def test_a_toy_criterion_is_scored_by_the_comparison(toy: None) -> None:
    comparison = compare(parse_offers(TEXT), samples=0)
    assert set(comparison.weights) == {"compensation", "stability"}
    beta = comparison.result("beta")
    assert beta.criterion_scores["stability"] == 100
    assert comparison.recommendation.accept == "beta"
    table = grid(comparison, Words("en"))
    assert ["Stability (1–5)", "5", "2"] in table.facts  # ranked: beta first


def test_a_toy_criterion_is_a_field_of_the_web_offer_form(toy: None, tmp_path: Path) -> None:
    assert offer_form.fields()["rating_stability"] == "ratings.stability"
    filled = offer_form.from_offer(parse_offers(TEXT).offer("beta"))
    assert filled.values["rating_stability"] == "5"
    browser = client(tmp_path / "w.db")
    browser.post("/api/v1/offers", json={"toml": TEXT})
    page = browser.get("/offers/beta/edit")
    assert 'name="rating_stability"' in page.text
    assert "Stability, your rating 1–5" in page.text
    compared = browser.get("/compare")  # a slider to weigh it, and a row of its ratings
    assert 'name="w.stability"' in compared.text
    assert "Stability (1–5)" in compared.text


def test_an_unknown_criterion_is_an_error() -> None:
    with pytest.raises(InputError, match="expected one of compensation"):
        models.criterion("stabilty")


@pytest.mark.parametrize("name", list(models.CRITERIA))
def test_every_criterion_has_a_measure_and_a_label_in_every_language(name: str) -> None:
    entry = models.CRITERIA[name]
    assert entry.measure in MEASURES
    for figure in entry.figures:
        assert figure in models.RANGES
    for field in entry.form_fields:
        assert field in offer_form.fields()
    for lang in languages():
        assert messages(lang)["criteria"][name].strip()
