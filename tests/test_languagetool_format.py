"""The LanguageTool format: /v2/check's response shape, offsets in UTF-16 code units."""

from __future__ import annotations

from decline import review
from decline.checker.formats.languagetool import render, utf16_offset


def test_shape_matches_languagetool_v2_check() -> None:
    text = "Dear Sir or Madam,\nThanks for the offer. I decline, no offence.\n"
    data = render(review(text))
    assert set(data) >= {"software", "language", "matches"}
    assert data["language"]["code"] == "en-US"
    match = data["matches"][0]
    for key in ("message", "shortMessage", "offset", "length", "replacements", "context"):
        assert key in match
    assert set(match["rule"]) >= {"id", "description", "issueType", "category"}
    assert set(match["rule"]["category"]) == {"id", "name"}
    assert set(match["context"]) == {"text", "offset", "length"}
    ids = [m["rule"]["id"] for m in data["matches"]]
    assert "D401" in ids
    assert "D503" in ids


def test_offsets_count_utf16_code_units_after_astral_characters() -> None:
    text = "Hi Tom 😀😀,\nThanks for the offer, but no offence, I decline.\n"
    report = review(text)
    finding = next(f for f in report.findings if f.rule == "D503")
    match = next(m for m in render(report)["matches"] if m["rule"]["id"] == "D503")
    assert match["offset"] == finding.offset + 2  # two emoji, each a surrogate pair
    encoded = text.encode("utf-16-le")
    start = match["offset"] * 2
    assert encoded[start : start + match["length"] * 2].decode("utf-16-le") == "no offence"
    context = match["context"]
    units = context["text"].encode("utf-16-le")
    begin, size = context["offset"] * 2, context["length"] * 2
    assert units[begin : begin + size].decode("utf-16-le") == "no offence"


def test_utf16_offset() -> None:
    assert utf16_offset("a😀b", 2) == 3
    assert utf16_offset("abc", 2) == 2
