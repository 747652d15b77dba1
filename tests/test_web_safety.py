"""The guard: loopback Host only, the token, foreign Origins, CSRF, body cap, headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from decline.web import create_app
from web_support import GRACEFUL, assert_error_shape, client, seeded


def test_a_foreign_host_is_refused_on_loopback(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    for host in ("evil.example", "127.0.0.1.evil.example", "10.0.0.5:8765", "127.0.0.1:9999"):
        assert_error_shape(api.get("/offers", headers={"host": host}), 421)
    for host in ("127.0.0.1", "localhost"):  # no port means 80, not the port we listen on
        assert_error_shape(api.get("/offers", headers={"host": host}), 421)
    for host in ("localhost:8765", "127.0.0.1:8765", "[::1]:8765", "app.localhost:8765"):
        assert api.get("/api/v1/openapi.json", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host",
    [
        "localhost:8765@evil.example",
        "evil.example@localhost:8765",
        "localhost:8765/evil",
        "localhost:8765 evil.example",
        "localhost:8765:80",
        "localhost:",
        "[::1",
        "user:pass@localhost:8765",
        "localhost:87650",
        "",
    ],
)
def test_a_host_with_userinfo_or_garbage_is_refused(tmp_path: Path, host: str) -> None:
    answer = client(tmp_path / "w.db").get("/api/v1/offers", headers={"host": host})
    assert answer.status_code in (400, 421)
    assert_error_shape(answer, answer.status_code)


def test_v2_keeps_the_origin_check_and_never_answers_cors_star(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    form = {"text": GRACEFUL, "language": "en"}
    for foreign in ({"origin": "http://evil.example"}, {"origin": "null"}):
        refused = api.post("/v2/check", data=form, headers=foreign)
        assert refused.status_code == 403
        assert refused.text.startswith("Error: ")
        assert "access-control-allow-origin" not in refused.headers
        got = api.get("/v2/check", params=form, headers=foreign)
        assert got.status_code == 403
    cross = api.get("/v2/languages", headers={"sec-fetch-site": "cross-site"})
    assert cross.status_code == 403
    preflight = api.options(
        "/v2/check",
        headers={"origin": "http://evil.example", "access-control-request-method": "POST"},
    )
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in preflight.headers
    fine = api.post("/v2/check", data=form, headers={"origin": "http://127.0.0.1:8765"})
    assert fine.status_code == 200
    assert "access-control-allow-origin" not in fine.headers
    assert api.post("/v2/check", data=form).status_code == 200  # no Origin: a local client


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


def test_the_token_is_needed_everywhere_v2_included(tmp_path: Path) -> None:
    app = create_app(tmp_path / "w.db", token="s3cret-token", host="0.0.0.0")
    api = TestClient(app, base_url="http://192.168.1.20:8765", raise_server_exceptions=False)
    assert_error_shape(api.get("/api/v1/offers"), 403)
    assert_error_shape(api.get("/offers"), 403)
    assert_error_shape(api.get("/static/app.css"), 403)
    assert_error_shape(api.get("/api/v1/offers", headers={"authorization": "Bearer nope"}), 403)
    bearer = {"authorization": "Bearer s3cret-token"}
    assert api.get("/api/v1/offers", headers=bearer).json() == {"ok": True, "offers": []}
    form = {"text": GRACEFUL, "language": "en"}
    refused = api.post("/v2/check", data=form)
    assert refused.status_code == 403
    assert refused.text.startswith("Error: ")
    assert api.post("/v2/check", data=form, headers=bearer).status_code == 200
    foreign = {**bearer, "origin": "http://evil.example"}
    assert api.post("/v2/check", data=form, headers=foreign).status_code == 403
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
        import socket

        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            hosts = f"Host: evil.example\r\nHost: 127.0.0.1:{port}\r\n"
            sock.sendall(f"GET /api/v1/offers HTTP/1.1\r\n{hosts}\r\n".encode())
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 400 "), answer[:100]
        assert b"offer" not in answer.lower()  # refused before any data is read
        if b"application/json" in answer.lower():  # our answer, not the HTTP parser's
            assert b"cache-control: no-store" in answer.lower()
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr


OFF_SITE = [
    "//evil.example",
    "//evil.example/offers",
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "https://evil.example",
    "http://evil.example/offers",
    "HTTPS://evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",  # stays a path on this site once the browser follows it
    "///evil.example",
    "javascript:alert(1)",
    " //evil.example",
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_next_never_redirects_off_site(tmp_path: Path, target: str) -> None:
    api = seeded(tmp_path)
    api.get("/offers")
    token = api.cookies.get("decline_csrf")
    answer = api.post(
        "/offers/acme/decide",
        data={"decision": "decline", "next": target, "csrf": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("/")
    assert not location.startswith(("//", "/\\"))
    assert "\\" not in location
    assert "\t" not in location
    from urllib.parse import urljoin, urlsplit

    assert urlsplit(urljoin("http://127.0.0.1:8765/offers", location)).netloc == "127.0.0.1:8765"


def test_next_keeps_a_same_site_path(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    api.get("/offers")
    token = api.cookies.get("decline_csrf")
    answer = api.post(
        "/offers/acme/decide",
        data={"decision": "decline", "next": "/write?offer=acme", "csrf": token},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/write?offer=acme"


PERSONAL = [
    ("get", "/offers", {}),
    ("get", "/compare", {}),
    ("get", "/write?offer=acme", {}),
    ("get", "/review", {}),
    ("get", "/status", {}),
    ("get", "/send/acme", {}),
    ("get", "/offers/export", {}),
    ("get", "/calendar.ics", {}),
    ("get", "/api/v1/offers", {}),
    ("get", "/api/v1/offers/acme", {}),
    ("get", "/api/v1/compare", {}),
    ("get", "/api/v1/offers/acme/letters", {}),
    ("get", "/api/v1/followups", {}),
    ("post", "/api/v1/write", {"json": {"offer": "acme"}}),
    ("post", "/api/v1/review", {"json": {"text": GRACEFUL}}),
    ("post", "/v2/check", {"data": {"text": GRACEFUL, "language": "en"}}),
    ("get", "/api/v1/offers/nope", {}),  # errors name ids and echo input too
]


def test_every_answer_with_personal_data_is_no_store(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    for method, path, options in PERSONAL:
        answer = api.request(method.upper(), path, **options)  # type: ignore[arg-type]
        assert answer.status_code < 500, (path, answer.status_code)
        assert answer.headers.get("cache-control") == "no-store", path
    refused = api.get("/offers", headers={"host": "evil.example"})
    assert refused.headers.get("cache-control") == "no-store"
    # static files hold nothing personal and may be cached
    assert api.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_no_header_we_send_carries_a_line_break(tmp_path: Path) -> None:
    """Whatever a handler puts in a header, the guard sends it on one line."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import Response
    from starlette.routing import Route

    from decline.web.guard import Guard

    async def echo(request):  # type: ignore[no-untyped-def]
        name = request.query_params["name"]
        return Response(
            "x",
            status_code=303,
            headers={
                "content-disposition": f'attachment; filename="{name}"',
                "location": f"/done?name={name}",
            },
        )

    app = Starlette(
        routes=[Route("/echo", echo)],
        middleware=[Middleware(Guard, token=None, loopback=True)],
    )
    api = TestClient(app, base_url="http://127.0.0.1:8765")
    answer = api.get(
        "/echo", params={"name": "a.eml\r\nSet-Cookie: owned=1\r\n"}, follow_redirects=False
    )
    assert "owned" not in answer.cookies
    assert "set-cookie" not in answer.headers
    for value in answer.headers.values():
        assert "\r" not in value
        assert "\n" not in value


def test_attachment_names_from_user_text_are_one_safe_header() -> None:
    from decline.web.render import attachment

    value = attachment('Acmé "Analytics"\r\nSet-Cookie: x=1;.eml')
    assert "\r" not in value
    assert "\n" not in value
    assert value.startswith('attachment; filename="')
    plain = value.split('filename="', 1)[1].split('"', 1)[0]
    assert plain.isascii()
    assert ";" not in plain
    assert "\\" not in plain
    assert "filename*=UTF-8''" in value
    assert "%C3%A9" in value  # é, percent-encoded as RFC 6266 says
    assert attachment("offers.toml") == (
        "attachment; filename=\"offers.toml\"; filename*=UTF-8''offers.toml"
    )


ATTACK = "<img src=x onerror=alert(1)>"
HOSTILE_OFFERS = f"""
[candidate]
name = "Sam {ATTACK}"
email = "sam@example.com"

[priorities]
compensation = 3
growth = 2

[[offer]]
id = "evil"
company = "Evil {ATTACK} Corp"
role = "Engineer {ATTACK}"
location = "Town {ATTACK}"
base_salary = 50000
currency = "EUR"
liked = "the {ATTACK} team"
ratings = {{ growth = 4 }}

  [[offer.contact]]
  name = "Ann {ATTACK}"
  email = "ann@evil.example"
  role = "recruiter"

[[offer]]
id = "plain"
company = "Plain Ltd"
role = "Engineer"
base_salary = 52000
currency = "EUR"
ratings = {{ growth = 3 }}
"""


def test_text_from_the_workspace_is_escaped_on_every_page(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    imported = api.post("/api/v1/offers", json={"toml": HOSTILE_OFFERS})
    assert imported.status_code == 200, imported.text
    pages = [
        "/offers",
        "/offers/evil/edit",
        "/compare",
        "/write?offer=evil",
        "/status",
        "/send/evil",
        "/review",
    ]
    shown = 0
    for path in pages:
        answer = api.get(path)
        assert answer.status_code < 500, (path, answer.status_code)
        assert ATTACK not in answer.text, path
        shown += "&lt;img src=x onerror=alert(1)&gt;" in answer.text
    assert shown >= 3  # the pages do show the names, escaped


def test_echoed_input_is_never_served_as_html(tmp_path: Path) -> None:
    api = client(tmp_path / "w.db")
    json_error = api.get(f"/api/v1/offers/{ATTACK}")
    assert json_error.status_code == 404
    assert json_error.headers["content-type"].startswith("application/json")
    assert json_error.headers["x-content-type-options"] == "nosniff"
    plain = api.post("/v2/check", data={"text": "Hello", "language": ATTACK})
    assert plain.status_code == 400
    assert plain.headers["content-type"].startswith("text/plain")
    assert plain.headers["x-content-type-options"] == "nosniff"
    page = api.get(f"/offers/{ATTACK}/edit", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert ATTACK not in page.text


@pytest.mark.parametrize(
    ("location", "stays"),
    [
        ("/offers", True),
        ("/write?offer=acme&next=//evil.example", True),  # a query may hold anything
        ("http://127.0.0.1:8765/offers", True),  # Starlette's own slash redirects
        ("HTTP://127.0.0.1:8765/", True),
        ("//evil.example", False),
        ("/\\evil.example", False),
        ("/\t/evil.example", False),
        ("\x00//evil.example", False),
        ("http://127.0.0.1:8766/", False),
        ("http://evil.example/", False),
        ("https://127.0.0.1:8765@evil.example/", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_same_site_redirect_targets(location: str, stays: bool) -> None:
    from decline.web.guard import same_site

    assert same_site(location, "127.0.0.1:8765") is stays


def test_starlettes_slash_redirect_stays_home(tmp_path: Path) -> None:
    answer = client(tmp_path / "w.db").get("/offers/", follow_redirects=False)
    assert answer.status_code in (301, 307, 308)
    assert answer.headers["location"] == "http://127.0.0.1:8765/offers"
