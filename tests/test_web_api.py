"""The JSON API under /api/v1: every answer, and every error in the one error shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from web_support import EXAMPLE, GRACEFUL, assert_error_shape, client, seeded


def test_review_returns_the_report_and_the_checklist(tmp_path: Path) -> None:
    answer = client(tmp_path / "w.db").post("/api/v1/review", json={"text": GRACEFUL})
    assert answer.status_code == 200
    body = answer.json()
    assert body["ok"] is True
    assert body["report"]["schema"] == 1
    assert body["report"]["lang"] == "en"
    assert [row["principle"] for row in body["checklist"]] == ["P2", "P3", "P4", "P5", "P6", "P7"]


def test_review_marks_criticism_of_the_company(tmp_path: Path) -> None:
    text = GRACEFUL.replace(
        "I truly enjoyed", "Frankly, your management is a disorganised mess. I truly enjoyed"
    )
    body = client(tmp_path / "w.db").post("/api/v1/review", json={"text": text}).json()
    assert body["report"]["signals"]["negative_about_company"] is True
    finding = next(f for f in body["report"]["findings"] if f["principle"] == "P5")
    assert finding["length"] > 0
    assert not next(row for row in body["checklist"] if row["principle"] == "P5")["ok"]


def test_review_uses_an_offers_dates(tmp_path: Path) -> None:
    answer = seeded(tmp_path).post(
        "/api/v1/review", json={"text": GRACEFUL, "offer": "acme", "today": "2027-01-10"}
    )
    codes = {f["rule"] for f in answer.json()["report"]["findings"]}
    assert "D303" in codes  # after the deadline


def test_write_compare_offers_letters_and_followups(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    letter = api.post("/api/v1/write", json={"offer": "acme", "tone": "brief"}).json()
    assert letter["ok"]
    assert letter["letter"]["tone"] == "brief"
    assert letter["review"]["ready_to_send"] is True
    compared = api.get("/api/v1/compare").json()
    assert compared["comparison"]["recommendation"]["accept"]
    assert compared["recommendation"]
    assert compared["sensitivity"]
    tried = api.post("/api/v1/compare", json={"weights": {"commute": 10}, "samples": 0}).json()
    assert tried["comparison"]["weights"] == {"commute": 1.0}
    listed = api.get("/api/v1/offers").json()["offers"]
    assert [o["id"] for o in listed] == ["acme", "beta", "gamma"]
    assert api.get("/api/v1/offers/acme").json()["offer"]["company"] == "Acme Analytics"
    decided = api.post("/api/v1/offers/acme/decision", json={"decision": "decline"}).json()
    assert decided["changed"] is True
    saved = api.post(
        "/api/v1/offers/acme/letters", json={"subject": "Thanks", "body": letter["letter"]["body"]}
    ).json()
    assert saved["letter_id"] >= 1
    letters = api.get("/api/v1/offers/acme/letters").json()["letters"]
    assert letters[0]["state"] == "draft"
    assert api.get("/api/v1/followups").json() == {"ok": True, "followups": []}


def test_openapi_lists_every_endpoint(tmp_path: Path) -> None:
    document = client(tmp_path / "w.db").get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    for path in ("/api/v1/review", "/api/v1/write", "/api/v1/compare", "/api/v1/offers"):
        assert path in document["paths"]
    assert "Error" in document["components"]["schemas"]


BAD_REQUESTS = [
    (
        "post",
        "/api/v1/review",
        {"content": b"{not json", "headers": {"content-type": "application/json"}},
        400,
    ),
    (
        "post",
        "/api/v1/review",
        {"content": b"\xff\xfe", "headers": {"content-type": "application/json"}},
        400,
    ),
    ("post", "/api/v1/review", {"json": ["a", "list"]}, 400),
    ("post", "/api/v1/review", {"data": {"text": "hello"}}, 415),
    ("post", "/api/v1/review", {"json": {}}, 422),
    ("post", "/api/v1/review", {"json": {"text": 42}}, 422),
    ("post", "/api/v1/review", {"json": {"text": "   "}}, 422),
    ("post", "/api/v1/review", {"json": {"text": "Hallo Welt, wie geht es dir heute?"}}, 422),
    ("post", "/api/v1/review", {"json": {"text": GRACEFUL, "lang": "fr"}}, 422),
    ("post", "/api/v1/review", {"json": {"text": GRACEFUL, "ignore": ["D000"]}}, 422),
    ("post", "/api/v1/review", {"json": {"text": GRACEFUL, "today": "soon"}}, 422),
    ("post", "/api/v1/review", {"json": {"text": GRACEFUL, "offer": "nope"}}, 404),
    ("post", "/api/v1/write", {"json": {"offer": "nope"}}, 404),
    ("post", "/api/v1/write", {"json": {"offer": "acme", "tone": "rude"}}, 422),
    ("post", "/api/v1/write", {"json": {"offer": "acme", "variant": -1}}, 422),
    ("post", "/api/v1/compare", {"json": {"weights": {"growth": -1}}}, 422),
    ("post", "/api/v1/compare", {"json": {"weights": {"growth": 0}}}, 422),
    ("post", "/api/v1/offers", {"json": {"toml": "[candidate]\nname = 1"}}, 422),
    ("post", "/api/v1/offers", {"json": {"toml": "not = [valid"}}, 422),
    ("get", "/api/v1/offers/nope", {}, 404),
    ("post", "/api/v1/offers/acme/decision", {"json": {"decision": "maybe"}}, 422),
    ("post", "/api/v1/offers/acme/letters", {"json": {"body": " "}}, 422),
    ("post", "/api/v1/followups/99/done", {"json": {}}, 404),
    ("post", "/api/v1/followups/1/explode", {"json": {}}, 404),
    ("get", "/api/v1/nothing-here", {}, 404),
    ("delete", "/api/v1/offers", {}, 405),
    ("get", "/api/v1/review", {}, 405),
]


@pytest.mark.parametrize(("method", "path", "options", "status"), BAD_REQUESTS)
def test_every_api_error_has_the_one_shape(
    tmp_path: Path, method: str, path: str, options: dict[str, object], status: int
) -> None:
    api = seeded(tmp_path)
    assert_error_shape(api.request(method.upper(), path, **options), status)


def test_an_empty_workspace_is_a_clear_error(tmp_path: Path) -> None:
    body = assert_error_shape(client(tmp_path / "w.db").get("/api/v1/compare"), 422)
    assert "add your offers" in body["error"]


def test_a_bug_is_a_500_in_the_one_shape_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from decline.web import service

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(service, "review", explode)
    answer = client(tmp_path / "w.db").post("/api/v1/review", json={"text": GRACEFUL})
    body = assert_error_shape(answer, 500)
    assert "secret detail" not in answer.text
    assert "RuntimeError" in body["error"]


def test_offer_file_imported_over_the_api_round_trips(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    again = api.post("/api/v1/offers", json={"toml": EXAMPLE.read_text("utf-8")}).json()
    assert again["unchanged"] == ["acme", "beta", "gamma"]
