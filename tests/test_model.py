"""The learned layer: a small, pure-Python, reproducible file trained only out of sample,
which can soften the rules' verdict but never what a hard rule found."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

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


def test_a_learned_finding_leaves_a_sentence_whose_error_is_shown_to_its_rule() -> None:
    """D503 marks the criticism; the layer's D703 would only hide it under a longer mark."""
    weights = {"hits:negative": -40.0, "free_sentences": -0.5}
    learned.use(learned.Model(5.0, weights, 0.5, "decide", HARD))
    try:
        text = "Dear Tom,\nThank you. I decline. The vibe at your shop wasn't great. Best."
        report = review(text)
    finally:
        learned.use(learned.UNSET)
    spans = {f.rule: text[f.offset : f.offset + f.length] for f in report.findings}
    assert "D503" in spans
    assert "vibe" not in spans.get("D703", "")
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


# The word layer: per signal and language, it may only add a problem the rules missed.

WORDS = json.loads(learned.WORDS_PATH.read_text("utf-8"))
# Ordinary good letters, written for these tests, in both languages: the word layer must
# not call any of them critical, oversharing or flippant.
GOOD_LETTERS = [
    (
        "en",
        "Dear Ms. Patel,\nThank you so much for offering me the analyst position. I enjoyed "
        "meeting the team. After careful thought, I have decided to decline, as I have accepted "
        "a role closer to home. Best of luck with your search.\nKind regards,\nJordan",
    ),
    (
        "en",
        "Hi Tom,\nThanks again for the call on Friday and for the offer. I've thought it over "
        "and I'm going to pass: the commute would be too long for me. I really enjoyed talking "
        "with you and hope we can stay in touch.\nAll the best,\nPriya",
    ),
    (
        "en",
        "Dear Sarah,\nI'm sorry to let you know that I won't be able to accept the offer after "
        "all. My plans have changed and I need to stay in Leeds for now. Thank you for your "
        "patience and kindness throughout the process. Good luck!\nTom",
    ),
    (
        "it",
        "Gentile Dott.ssa Bianchi,\nLa ringrazio per l'offerta e per il tempo dedicatomi. Dopo "
        "un'attenta riflessione, ho deciso di non accettare, perché ho ricevuto una proposta più "
        "vicina a casa. Le auguro buona fortuna con la selezione.\nCordiali saluti,\nMarco Rossi",
    ),
    (
        "it",
        "Ciao Giulia,\ngrazie mille per la proposta e per la bella chiacchierata. Alla fine ho "
        "deciso di restare dove sono: il mio team attuale mi ha offerto un nuovo ruolo. Mi "
        "farebbe piacere restare in contatto. In bocca al lupo per tutto!\nLuca",
    ),
    (
        "it",
        "Egregio Ing. Conti,\nLa ringrazio per la fiducia accordatami. Purtroppo devo rinunciare "
        "all'incarico per motivi familiari. Resto a Sua disposizione.\nDistinti saluti,\nAnna",
    ),
]


def test_the_word_layer_file_is_small_and_names_known_signals() -> None:
    assert learned.WORDS_PATH.stat().st_size < 200_000
    for model in WORDS["models"]:
        assert model["signal"] in learned.WORD_SIGNALS
        assert model["lang"] in {"en", "it"}
        assert 0 < model["threshold"] < 1
        assert all(abs(weight) >= train.KEEP_WEIGHT for weight in model["weights"].values())


def test_the_word_layer_never_trains_on_a_frozen_or_measure_only_corpus() -> None:
    manifest = tomllib.loads((train.CORPUS / "MANIFEST.toml").read_text("utf-8"))["corpus"]
    kept_out = {e["file"] for e in manifest if e.get("final") or e.get("train", True) is False}
    assert kept_out
    assert not kept_out & set(WORDS["trained_on"])


@pytest.mark.parametrize(("lang", "text"), GOOD_LETTERS)
def test_the_word_layer_leaves_ordinary_good_letters_alone(lang: str, text: str) -> None:
    from decline.checker import lexicon
    from decline.checker.analysis import Analysis
    from decline.checker.document import parse

    lex = lexicon.load(lang)
    assert not Analysis(parse(text, lex), lex).word_flags
    report = review(text, lang)
    assert not any(
        "Read as a whole" in f.message or "Nel complesso" in f.message
        for f in report.findings
        if f.rule in {"D304", "D501", "D503"}
    )


@pytest.fixture
def words_that_complain() -> object:
    """A word layer that finds any letter saying "meetings" critical (and nothing else)."""
    learned.use_words(
        {("negative_about_company", "en"): learned.WordModel(-5.0, {"meetings": 40.0}, 0.5)}
    )
    yield
    learned.use_words(learned.UNSET)


@pytest.mark.usefixtures("words_that_complain")
def test_a_word_flag_points_at_the_sentence_that_weighed_most() -> None:
    text = (
        "Dear Tom,\nThank you for the offer. I have decided to decline it. "
        "There were a lot of meetings in that process. Best wishes,\nAnn"
    )
    report = review(text)
    assert report.signals["negative_about_company"]
    learned_findings = [f for f in report.findings if f.rule == "D503"]
    assert len(learned_findings) == 1
    finding = learned_findings[0]
    assert finding.severity.value == "warning"
    assert text[finding.offset : finding.offset + finding.length] == (
        "There were a lot of meetings in that process."
    )


@pytest.mark.usefixtures("words_that_complain")
def test_a_word_flag_stays_in_its_language_and_adds_nothing_the_rules_said() -> None:
    italian = "Gentile Luca,\ngrazie. Rinuncio: troppi meetings. Saluti,\nAnna"
    assert not review(italian, "it").signals["negative_about_company"]
    rude = "Dear Tom,\nThanks. I decline; the meetings were chaotic. Best,\nAnn"
    findings = [f for f in review(rude).findings if f.rule == "D503"]
    assert findings
    assert all(f.severity.value == "error" for f in findings)  # the rule's own


def test_make_model_rebuilds_the_word_layer_from_the_same_data() -> None:
    sources = train.read_sources(train.word_corpora())
    if train.digest(sources) != WORDS["data_sha256"]:
        pytest.skip("the corpora changed since the word layer was built: run `make model`")
    built = train.build_words()
    models = built["models"]
    assert isinstance(models, list)
    assert [(m["signal"], m["lang"], m["threshold"]) for m in models] == [
        (m["signal"], m["lang"], m["threshold"]) for m in WORDS["models"]
    ]
    for new, old in zip(models, WORDS["models"], strict=True):
        assert new["bias"] == pytest.approx(old["bias"], abs=1e-3)
        shared = set(new["weights"]) & set(old["weights"])
        assert len(shared) >= 0.98 * len(old["weights"])  # rounding at the cut-off aside
        for word in shared:
            assert new["weights"][word] == pytest.approx(old["weights"][word], abs=2e-3)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "No such file or directory"),
        ('{"id": 1}\n', "expected a JSON Lines corpus with an id and a text on every line"),
        ("not json\n", "expected a JSON Lines corpus with an id and a text on every line"),
    ],
)
def test_a_snapshot_of_a_bad_corpus_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    corpus = tmp_path / "broken.jsonl"
    if content is not None:
        corpus.write_text(content, encoding="utf-8")
    written = train.CORPUS / "features" / corpus.name
    assert train.main(["--snapshot", str(corpus)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith(f"{corpus}: cannot take a snapshot: ")
    assert expected in err
    assert "Traceback" not in err
    assert not written.exists()  # nothing half-written beside the real snapshots
