"""/v2/check and /v2/languages answer as LanguageTool's server does; a real client agrees."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from web_support import GRACEFUL, client, running_server

CRITICAL = GRACEFUL.replace(
    "I truly enjoyed", "Frankly, your management is a disorganised mess. I truly enjoyed"
)


@pytest.mark.parametrize("language", ["auto", "en", "en-US", "en-GB", "EN_us"])
def test_check_accepts_languagetool_language_codes(tmp_path: Path, language: str) -> None:
    answer = client(tmp_path / "w.db").post(
        "/v2/check", data={"text": CRITICAL, "language": language}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["language"]["code"] == "en-US"
    assert any(match["rule"]["id"].startswith("D5") for match in body["matches"])
    assert "access-control-allow-origin" not in answer.headers


def test_check_speaks_italian(tmp_path: Path) -> None:
    text = (
        "Gentile Dott.ssa Caruso,\n\nLa ringrazio per l'offerta. "
        "Ho deciso di non accettare.\n\nCordiali saluti,\nLuca"
    )
    for language in ("it", "it-IT"):
        body = (
            client(tmp_path / "w.db")
            .post("/v2/check", data={"text": text, "language": language})
            .json()
        )
        assert body["language"]["code"] == "it-IT"


def test_check_by_get_and_disabled_rules(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    full = api.get("/v2/check", params={"text": CRITICAL, "language": "en"}).json()
    rule = full["matches"][0]["rule"]["id"]
    fewer = api.get(
        "/v2/check", params={"text": CRITICAL, "language": "en", "disabledRules": f"{rule},NOPE"}
    ).json()
    assert rule not in {m["rule"]["id"] for m in fewer["matches"]}


@pytest.mark.parametrize(
    ("data", "status", "says"),
    [
        ({"language": "en"}, 400, "Missing 'text' or 'data' parameter"),
        ({"text": "Hello"}, 400, "Missing 'language' parameter"),
        ({"text": "Hello", "language": "xx-YY"}, 400, "not a language code known"),
        ({"text": "Guten Tag, wie geht es Ihnen heute?", "language": "auto"}, 400, "not English"),
        ({"text": "a" * 100_001, "language": "en"}, 413, "exceeds the limit of 100000"),
    ],
)
def test_check_errors_are_languagetools_plain_text(
    tmp_path: Path, data: dict[str, str], status: int, says: str
) -> None:
    answer = client(tmp_path / "w.db").post("/v2/check", data=data)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/plain")
    assert answer.text.startswith("Error: ")
    assert says in answer.text


def test_empty_text_has_no_matches(tmp_path: Path) -> None:
    body = client(tmp_path / "w.db").post("/v2/check", data={"text": "", "language": "en"}).json()
    assert body["matches"] == []


def test_languages_and_no_cross_site_use(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    listed = api.get("/v2/languages").json()
    assert {"name": "English", "code": "en", "longCode": "en-US"} in listed
    assert {entry["longCode"] for entry in listed} >= {"en-US", "it-IT"}
    preflight = api.options(
        "/v2/check",
        headers={"origin": "https://editor.example", "access-control-request-method": "POST"},
    )
    assert preflight.status_code == 403  # another site may not make this server work
    assert "access-control-allow-origin" not in preflight.headers
    answer = api.post(
        "/v2/check",
        data={"text": GRACEFUL, "language": "en"},
        headers={"origin": "https://editor.example"},
    )
    assert answer.status_code == 403
    assert answer.text.startswith("Error: ")
    unknown = api.get("/v2/nothing")
    assert unknown.status_code == 404
    assert unknown.text.startswith("Error: ")


def test_check_stores_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    client(db).post("/v2/check", data={"text": GRACEFUL, "language": "en"})
    assert not db.exists()


def test_a_languagetool_client_shows_our_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    language_tool_python = pytest.importorskip("language_tool_python")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with running_server(tmp_path / "w.db") as url:
        tool = language_tool_python.LanguageTool("en-US", remote_server=url)
        try:
            matches = tool.check(CRITICAL)
        finally:
            tool.close()
    rules = {match.rule_id for match in matches}
    assert any(rule.startswith("D5") for rule in rules), rules
    negative = next(m for m in matches if m.rule_id.startswith("D5"))
    assert CRITICAL[negative.offset : negative.offset + negative.error_length]
    assert "Graceful decline" in negative.category or negative.category.startswith("DECLINE_")


LONG = ("Dear Tom,\nThank you. " + "yo lol 1.5 [x] NOT OK!! " * 5000)[:99_000]


def test_a_long_check_does_not_stall_short_ones(tmp_path: Path) -> None:
    """Long texts are reviewed in worker processes: short letters posted meanwhile by
    another client are answered while the long ones are still being checked."""
    import threading
    import urllib.parse
    import urllib.request

    finished: list[str] = []

    def post(base: str, name: str, text: str) -> None:
        data = urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()
        with urllib.request.urlopen(f"{base}/v2/check", data, timeout=60) as answer:
            assert answer.status == 200
            assert "matches" in json.loads(answer.read())
        finished.append(name)

    with running_server(tmp_path / "decline.db") as base:
        longs = [threading.Thread(target=post, args=(base, "long", LONG)) for _ in range(4)]
        for thread in longs:
            thread.start()
        time.sleep(0.1)  # the long requests are in the server before the short ones
        for _ in range(5):
            post(base, "short", GRACEFUL)
        for thread in longs:
            thread.join(timeout=60)
    assert finished.count("long") == 4, finished
    assert finished[-1] == "long", f"a short letter waited for every long text: {finished}"
    assert finished.count("short") == 5


def test_a_long_review_from_a_worker_matches_one_done_here(tmp_path: Path) -> None:
    from decline import review
    from decline.checker.formats.languagetool import render

    test_client = client(tmp_path / "decline.db")
    answer = test_client.post("/v2/check", data={"text": LONG, "language": "en"})
    assert answer.status_code == 200
    expected = render(review(LONG, "en"))
    assert answer.json()["matches"] == json.loads(json.dumps(expected))["matches"]
    reviewed = test_client.post("/api/v1/review", json={"text": LONG, "lang": "en"})
    assert reviewed.status_code == 200, reviewed.text
    assert reviewed.json()["report"] == json.loads(json.dumps(review(LONG, "en").to_dict()))


def _annotation(text: str) -> tuple[str, str]:
    """Return CRITICAL as HTML-ish annotated `data`, and the whole document it stands for."""
    parts: list[dict[str, str]] = [{"markup": "<html><body><p>"}]
    for number, paragraph in enumerate(text.split("\n\n")):
        if number:
            parts.append({"markup": "</p>\n<p class='x'>", "interpretAs": "\n\n"})
        parts.append({"text": paragraph.replace("Frankly", "Frankly")})
    parts.append({"markup": "</p></body></html>"})
    document = "".join(part.get("text", part.get("markup", "")) for part in parts)
    return json.dumps({"annotation": parts}), document


def test_data_with_markup_reports_matches_in_the_whole_document(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    data, document = _annotation(CRITICAL)
    plain = api.post("/v2/check", data={"text": CRITICAL, "language": "en"}).json()
    marked = api.post("/v2/check", data={"data": data, "language": "en"})
    assert marked.status_code == 200, marked.text
    matches = marked.json()["matches"]
    assert [m["rule"]["id"] for m in matches] == [m["rule"]["id"] for m in plain["matches"]]
    for found, expected in zip(matches, plain["matches"], strict=True):
        span = document[found["offset"] : found["offset"] + found["length"]]
        assert span == CRITICAL[expected["offset"] : expected["offset"] + expected["length"]]
    negative = next(m for m in matches if m["rule"]["id"].startswith("D5"))
    assert negative["offset"] > CRITICAL.index("Frankly")  # moved past the markup


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("{not json", "Invalid 'data'"),
        ('{"annotation": "text"}', "'annotation' list"),
        ('{"annotation": [{"text": "a", "markup": "b"}]}', "either 'text' or 'markup'"),
        ('{"annotation": [{"text": 5}]}', "texts"),
        ('{"annotation": [{"text": "Dear Tom, thank you \\ud800 no."}]}', "surrogate"),
        ('{"annotation": [' + "[" * 50_000 + "]" * 50_000 + "]}", "nested too deeply"),
    ],
)
def test_bad_data_is_languagetools_400(tmp_path: Path, data: str, says: str) -> None:
    answer = client(tmp_path / "w.db").post("/v2/check", data={"data": data, "language": "en"})
    assert answer.status_code == 400
    assert answer.text.startswith("Error: ")
    assert says in answer.text


def test_text_and_data_together_are_refused(tmp_path: Path) -> None:
    data = json.dumps({"annotation": [{"text": GRACEFUL}]})
    answer = client(tmp_path / "w.db").post(
        "/v2/check", data={"text": GRACEFUL, "data": data, "language": "en"}
    )
    assert answer.status_code == 400
    assert "either 'text' or 'data'" in answer.text


BLUNT = (
    "Dear Tom,\n\nI will not accept the offer. Frankly, your management is a disorganised "
    "mess.\n\nAlex"
)


def test_enabled_only_keeps_just_the_enabled_rules(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    full = api.post("/v2/check", data={"text": BLUNT, "language": "en"}).json()["matches"]
    ids = sorted({m["rule"]["id"] for m in full})
    assert len(ids) >= 2, ids
    only = api.post(
        "/v2/check",
        data={"text": BLUNT, "language": "en", "enabledOnly": "true", "enabledRules": ids[0]},
    ).json()["matches"]
    assert {m["rule"]["id"] for m in only} == {ids[0]}
    # without enabledOnly, enabledRules adds nothing and takes nothing away
    same = api.post(
        "/v2/check", data={"text": BLUNT, "language": "en", "enabledRules": ids[0]}
    ).json()["matches"]
    assert sorted({m["rule"]["id"] for m in same}) == ids
    category = full[0]["rule"]["category"]["id"]
    by_category = api.post(
        "/v2/check",
        data={
            "text": BLUNT,
            "language": "en",
            "enabledOnly": "true",
            "enabledCategories": category,
        },
    ).json()["matches"]
    assert by_category
    assert {m["rule"]["category"]["id"] for m in by_category} == {category}
    without = api.post(
        "/v2/check", data={"text": BLUNT, "language": "en", "disabledCategories": category}
    ).json()["matches"]
    assert category not in {m["rule"]["category"]["id"] for m in without}
    refused = api.post("/v2/check", data={"text": BLUNT, "language": "en", "enabledOnly": "true"})
    assert refused.status_code == 400
    assert "enabledOnly" in refused.text


@pytest.mark.parametrize("text", ["ok", "Hallo Welt", "12345", "x"])
def test_a_short_text_with_auto_falls_back_to_the_default_language(
    tmp_path: Path, text: str
) -> None:
    answer = client(tmp_path / "w.db").post("/v2/check", data={"text": text, "language": "auto"})
    assert answer.status_code == 200, answer.text
    language = answer.json()["language"]
    assert language["code"] == "en-US"
    assert language["detectedLanguage"]["code"] == "en-US"
    assert language["detectedLanguage"]["confidence"] == 0.0
    assert "too short" in language["detectedLanguage"]["source"]
