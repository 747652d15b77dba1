"""The guard: loopback Host only, the token, foreign Origins, CSRF, body cap, headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from decline.web import create_app
from web_support import GRACEFUL, assert_error_shape, client, seeded


def test_a_foreign_host_is_refused_on_loopback(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    for host in ("evil.example", "127.0.0.1.evil.example", "10.0.0.5:8765"):
        assert_error_shape(api.get("/offers", headers={"host": host}), 421)
    for host in ("localhost:8765", "127.0.0.1", "[::1]:8765", "app.localhost"):
        assert api.get("/api/v1/openapi.json", headers={"host": host}).status_code == 200


def test_a_foreign_origin_is_refused_for_the_api_and_for_changes(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    evil = {"origin": "http://evil.example"}
    assert_error_shape(api.get("/api/v1/offers", headers=evil), 403)
    assert_error_shape(api.post("/api/v1/review", json={"text": GRACEFUL}, headers=evil), 403)
    assert_error_shape(api.post("/offers/acme/decide", data={}, headers=evil), 403)
    assert_error_shape(
        api.post("/api/v1/review", json={"text": GRACEFUL}, headers={"origin": "null"}), 403
    )
    cross = {"sec-fetch-site": "cross-site"}
    assert_error_shape(api.post("/api/v1/review", json={"text": GRACEFUL}, headers=cross), 403)
    # the same origin, and a plain page view from a link, are fine
    same = {"origin": "http://127.0.0.1:8765"}
    assert api.post("/api/v1/review", json={"text": GRACEFUL}, headers=same).status_code == 200
    assert api.get("/offers", headers=evil).status_code == 200


def test_forms_need_the_csrf_token(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    api.get("/offers")  # sets the CSRF cookie
    token = api.cookies.get("decline_csrf")
    assert token
    refused = api.post("/offers/acme/decide", data={"decision": "decline", "csrf": "wrong"})
    assert refused.status_code == 403
    assert "expired" in refused.text
    done = api.post(
        "/offers/acme/decide", data={"decision": "decline", "csrf": token}, follow_redirects=False
    )
    assert done.status_code == 303


def test_bodies_over_one_megabyte_get_413(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    big = "a" * 1_000_001
    assert_error_shape(api.post("/api/v1/review", json={"text": big}), 413)
    answer = api.post("/v2/check", data={"text": big, "language": "en"})
    assert answer.status_code == 413
    assert answer.text.startswith("Error: ")


def test_the_token_is_needed_everywhere_but_v2(tmp_path: Path) -> None:
    app = create_app(tmp_path / "w.db", token="s3cret-token", host="0.0.0.0")
    api = TestClient(app, base_url="http://192.168.1.20:8765", raise_server_exceptions=False)
    assert_error_shape(api.get("/api/v1/offers"), 403)
    assert_error_shape(api.get("/offers"), 403)
    assert_error_shape(api.get("/static/app.css"), 403)
    assert_error_shape(api.get("/api/v1/offers", headers={"authorization": "Bearer nope"}), 403)
    bearer = {"authorization": "Bearer s3cret-token"}
    assert api.get("/api/v1/offers", headers=bearer).json() == {"ok": True, "offers": []}
    assert api.post("/v2/check", data={"text": GRACEFUL, "language": "en"}).status_code == 200
    # ?token= once sets a strict cookie, then the browser needs nothing more
    first = api.get("/offers?token=s3cret-token")
    assert first.status_code == 200
    assert "SameSite=Strict" in first.headers["set-cookie"]
    assert api.get("/review").status_code == 200


def test_beyond_loopback_without_a_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(tmp_path / "w.db", host="0.0.0.0")


def test_pages_carry_a_strict_content_security_policy(tmp_path: Path) -> None:
    answer = client(tmp_path / "w.db").get("/review")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in answer.text  # no inline scripts: JS lives in static files


def test_user_text_is_escaped(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    api.get("/review")
    token = api.cookies.get("decline_csrf")
    attack = "<script>alert(1)</script> Dear Ms. Park, thank you for the offer."
    page = api.post("/review", data={"text": attack, "letter_lang": "en", "csrf": token})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_malformed_forms_get_the_one_shape_not_a_500(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    answer = api.post(
        "/offers/save",
        content=b"--x\r\nbroken",
        headers={"content-type": "multipart/form-data; boundary=x", "accept": "application/json"},
    )
    assert answer.status_code in (400, 403)
    assert_error_shape(answer, answer.status_code)


def test_the_cli_refuses_a_lan_host_without_a_token(decline_cli) -> None:  # type: ignore[no-untyped-def]
    result = decline_cli("serve", "--host", "0.0.0.0")
    assert result.returncode == 2
    assert "--token" in result.stderr


def test_decline_serve_answers_on_loopback(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    from web_support import free_port

    port = free_port()
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    env = {
        **os.environ,
        "DECLINE_DB": str(tmp_path / "decline.db"),
        "DECLINE_CONFIG": str(tmp_path / "none.toml"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "decline", "serve", "--port", str(port)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with direct.open(f"http://127.0.0.1:{port}/v2/languages") as answer:
                    listed = json.loads(answer.read())
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        assert {entry["code"] for entry in listed} == {"en", "it"}
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr
