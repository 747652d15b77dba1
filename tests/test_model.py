"""The learned layer: a small, pure-Python, reproducible file trained only out of sample,
which can soften the rules' verdict but never what a hard rule found."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

import pytest

from decline import review
from decline.checker import learned, train

SHIPPED = json.loads(learned.MODEL_PATH.read_text("utf-8"))
HARD = frozenset({"D304", "D501", "D503", "D702"})


def test_the_shipped_model_is_small_and_consistent() -> None:
    assert learned.MODEL_PATH.stat().st_size < 50_000
    assert set(SHIPPED["weights"]) <= learned.feature_names()
    assert SHIPPED["combine"] in train.COMBINES
    assert 0 < SHIPPED["threshold"] < 1
    assert set(SHIPPED["hard_rules"]) >= {"D304", "D702"}  # profanity, burnt bridges
    model = learned.model()
    assert model is not None
    assert model.weights == pytest.approx(SHIPPED["weights"])


def test_it_was_trained_only_on_corpora_the_rules_were_never_tuned_on() -> None:
    manifest = tomllib.loads((train.CORPUS / "MANIFEST.toml").read_text("utf-8"))["corpus"]
    untuned = {
        entry["file"] for entry in manifest if not entry.get("tuned") and not entry.get("final")
    }
    # a corpus tuned on later counts only with a snapshot of what the rules said before
    snapshotted = {entry["file"] for entry in manifest if entry.get("features")}
    assert set(SHIPPED["trained_on"]) <= untuned | snapshotted
    for name in snapshotted & set(SHIPPED["trained_on"]):
        assert train.snapshot_of(train.CORPUS / name) is not None
    frozen = {entry["file"] for entry in manifest if entry.get("final")}
    assert not frozen & set(SHIPPED["trained_on"])


def test_make_model_rebuilds_the_shipped_file_from_the_same_data() -> None:
    if train.digest(train.read_sources(train.training_corpora())) != SHIPPED["data_sha256"]:
        pytest.skip("the training corpora grew since the model was built: run `make model`")
    built = train.build()
    if built["data_sha256"] != SHIPPED["data_sha256"]:
        pytest.skip("the training corpora grew since the model was built: run `make model`")
    assert train.render(built) == learned.MODEL_PATH.read_text("utf-8")


@pytest.fixture
def sure_it_is_graceful() -> object:
    learned.use(learned.Model(30.0, {}, 0.5, "clear", HARD))
    yield
    learned.use(learned.UNSET)


@pytest.mark.usefixtures("sure_it_is_graceful")
def test_a_confident_layer_softens_a_missing_move() -> None:
    report = review("Dear Tom,\nI have decided to decline the offer. I hope our paths cross.")
    no_thanks = [f for f in report.findings if f.rule == "D201"]
    assert no_thanks
    assert no_thanks[0].severity.value == "warning"
    assert report.graceful


@pytest.mark.usefixtures("sure_it_is_graceful")
@pytest.mark.parametrize(
    "sentence",
    ["This process was a damn mess.", "Your offer was disappointing.", "They pay $20,000 more."],
)
def test_it_never_softens_a_hard_rule(sentence: str) -> None:
    text = f"Dear Tom,\nThank you for the offer. I decline it. {sentence} Best wishes."
    assert not review(text).graceful


def test_a_deciding_layer_points_at_the_sentence_that_drove_it() -> None:
    weights = {"hits:negative": -40.0, "free_sentences": -0.5}
    learned.use(learned.Model(5.0, weights, 0.5, "decide", HARD))
    try:
        text = "Dear Tom,\nThank you. I decline. The vibe at your shop wasn't great. Best."
        report = review(text, ignore=["D503"])
    finally:
        learned.use(learned.UNSET)
    found = [f for f in report.findings if f.rule == "D703"]
    assert [text[f.offset : f.offset + f.length] for f in found] == [
        "The vibe at your shop wasn't great."
    ]
    assert found[0].severity.value == "error"
    assert not report.graceful


def test_review_start_up_stays_lean() -> None:
    """The weights are read on the first review, never on import; no numpy at run time."""
    code = (
        "import sys, decline\n"
        "from decline.checker import learned\n"
        "assert learned._shipped.cache_info().currsize == 0\n"
        "decline.review('Dear Tom, thank you, but I decline the offer.')\n"
        "assert learned._shipped.cache_info().currsize == 1\n"
        "assert 'numpy' not in sys.modules and 'sklearn' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
