"""Property tests: any Unicode text gives a report or InputError; spans stay inside."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decline import InputError, review

LETTER_WORDS = st.sampled_from(
    [
        "Dear", "Ms.", "Park,", "Thank", "you", "for", "the", "offer.", "I", "decline",
        "[Name]", "!!!", "Unfortunately,", "stay", "in", "touch", "future", "opportunities",
        "Gentile", "Dott.ssa", "La", "ringrazio", "purtroppo", "rinuncio", "\n", "\n\n",
        "Best", "regards,", "Cordiali", "saluti", "😀", "$95,000", "frankly", "__(X)__",
    ]
)  # fmt: skip
LETTERISH = st.lists(LETTER_WORDS, max_size=80).map(" ".join)


def _check(text: str, lang: str = "auto") -> None:
    try:
        report = review(text, lang)
    except InputError:
        return
    size = len(text.removeprefix("\ufeff"))
    for finding in report.findings:
        assert 0 <= finding.offset <= size
        assert finding.offset + finding.length <= size
        assert finding.length >= 0
    assert review(text, lang).to_dict() == report.to_dict()
    assert 0 <= report.score <= 100


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=3000))
def test_any_unicode_text(text: str) -> None:
    _check(text)
    _check(text, "en")
    _check(text, "it")


@settings(max_examples=150, deadline=None)
@given(LETTERISH)
def test_letter_like_text(text: str) -> None:
    _check(text)
    _check(text, "en")


def test_wrong_types_and_languages_raise_input_error() -> None:
    for bad in ("", "   ", "\n\n"):
        try:
            review(bad)
        except InputError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
    for lang in ("fr", "", "EN"):
        try:
            review("Dear Tom, thank you. I decline.", lang)
        except InputError:
            continue
        raise AssertionError(f"language {lang!r} was accepted")


def test_windows_line_endings_change_nothing_but_offsets() -> None:
    """A letter saved with CRLF line endings reads the same as with LF."""
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "golden" / "review").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        crlf = text.replace("\n", "\r\n")
        unix, windows = review(text), review(crlf)
        assert unix.signals == windows.signals, path.name
        assert unix.words == windows.words, path.name
        pairs = zip(unix.findings, windows.findings, strict=True)
        for plain, wide in pairs:
            assert plain.rule == wide.rule
            span = crlf[wide.offset : wide.offset + wide.length]
            assert span.replace("\r\n", "\n") == text[plain.offset : plain.offset + plain.length]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="!?a. ", max_size=40))
def test_linear_exclamations_find_what_the_pattern_finds(text: str) -> None:
    from decline.checker.analysis import EXCLAMATIONS, exclamations

    expected = [match.span() for match in EXCLAMATIONS.finditer(text)]
    assert exclamations(text, 0, len(text)) == expected
