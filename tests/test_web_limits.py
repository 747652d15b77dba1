"""Hostile clients against a real server: bad bodies keep the connection, slow ones are cut.

Every test runs `decline serve`'s own uvicorn configuration (`decline.web.server`) on
loopback, with short deadlines, and speaks HTTP over a plain socket where it must send what
no well-behaved client would (two Host headers, a head one byte at a time).
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from decline.web import create_app
from decline.web.server import config, protocol
from web_support import free_port, in_thread

HEAD_TIMEOUT = 1.0


PARSERS = pytest.mark.parametrize("parser", ["h11", "httptools"])  # plain install, speed-ups


@contextmanager
def serving(
    db: Path, parser: str = "auto", *, server_options: dict[str, Any] | None = None, **options: Any
) -> Iterator[int]:
    """Run the app under `decline serve`'s uvicorn settings; yield the port."""
    import uvicorn

    if parser == "httptools":
        pytest.importorskip("httptools")
    port = free_port()
    app = create_app(db, **options)
    bounded = protocol(HEAD_TIMEOUT, base=parser)
    server = uvicorn.Server(config(app, "127.0.0.1", port, http=bounded, **(server_options or {})))
    with in_thread(server):
        yield port


def raw_exchange(port: int, request: bytes, *, wait: float = 5.0) -> bytes:
    """Send `request` as is and return everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and b"connection: close" not in chunks[0]:
                    break
        except TimeoutError:
            pass
        return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "hosts",
    [
        ("evil.example", "127.0.0.1:{port}"),
        ("127.0.0.1:{port}", "evil.example"),
        ("127.0.0.1:{port}", "127.0.0.1:{port}"),
    ],
)
def test_two_host_headers_are_refused_in_any_order(tmp_path: Path, hosts: tuple[str, str]) -> None:
    with serving(tmp_path / "w.db") as port:
        lines = "".join(f"Host: {host.format(port=port)}\r\n" for host in hosts)
        answer = raw_exchange(port, f"GET /api/v1/offers HTTP/1.1\r\n{lines}\r\n".encode())
        assert status_of(answer) in (400, 421), answer[:200]
        assert b'"ok":true' not in answer


@pytest.mark.parametrize(
    "host",
    ["localhost:{port}@evil.example", "evil.example#@127.0.0.1:{port}", "127.0.0.1:{port}/x"],
)
def test_a_host_with_userinfo_is_refused_on_the_wire(tmp_path: Path, host: str) -> None:
    with serving(tmp_path / "w.db") as port:
        request = f"GET /api/v1/offers HTTP/1.1\r\nHost: {host.format(port=port)}\r\n\r\n"
        answer = raw_exchange(port, request.encode())
        assert status_of(answer) in (400, 421), answer[:200]


@PARSERS
def test_a_head_sent_one_byte_a_second_is_cut_off(tmp_path: Path, parser: str) -> None:
    with serving(tmp_path / "w.db", parser) as port:
        request = f"GET /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: "
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            started = time.monotonic()
            answer = b""
            try:
                for byte in (request + "a" * 60).encode():
                    sock.sendall(bytes([byte]))
                    time.sleep(0.2)
                    if time.monotonic() - started > 8:
                        break
                answer = sock.recv(65536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            closed = answer == b"" or status_of(answer) == 408
            assert closed, answer[:200]
            assert time.monotonic() - started < 8  # cut off after about HEAD_TIMEOUT


@PARSERS
def test_a_connection_that_sends_nothing_is_closed(tmp_path: Path, parser: str) -> None:
    with (
        serving(tmp_path / "w.db", parser) as port,
        socket.create_connection(("127.0.0.1", port), timeout=10) as sock,
    ):
        started = time.monotonic()
        answer = sock.recv(65536)  # blocks until the server speaks or closes
        assert time.monotonic() - started < 8
        assert answer == b"" or status_of(answer) == 408


@PARSERS
def test_a_huge_head_is_refused(tmp_path: Path, parser: str) -> None:
    with serving(tmp_path / "w.db", parser) as port:
        filler = "".join(f"X-Pad-{i}: {'a' * 1000}\r\n" for i in range(100))
        request = f"GET /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{filler}\r\n"
        try:
            answer = raw_exchange(port, request.encode())
        except (BrokenPipeError, ConnectionResetError):
            answer = b""
        assert answer == b"" or status_of(answer) in (400, 431), answer[:200]


def test_a_body_that_never_ends_is_cut_off(tmp_path: Path) -> None:
    with serving(tmp_path / "w.db", body_timeout=1.0) as port:
        head = (
            f"POST /api/v1/review HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": "'
        )
        started = time.monotonic()
        answer = raw_exchange(port, head.encode(), wait=8)
        assert time.monotonic() - started < 8
        assert status_of(answer) == 408, answer[:200]


def test_after_a_slow_client_others_are_still_served(tmp_path: Path) -> None:
    with serving(tmp_path / "w.db") as port:
        slow = socket.create_connection(("127.0.0.1", port), timeout=10)
        slow.sendall(b"GET /api/v1/offers HTTP/1.1\r\nHo")
        try:
            fast = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            fast.request("GET", "/api/v1/offers")
            assert fast.getresponse().status == 200
            fast.close()
        finally:
            slow.close()


CRITICAL_WITH_SURROGATE = (
    '{"text": "Dear Tom,\\n\\nThank you for the offer. I will not accept it. Frankly, your '
    'management is a disorganised \\ud800 mess.\\n\\nAlex"}'
)
SURROGATE_DATA = b"%7B%22annotation%22%3A%5B%7B%22text%22%3A%22%5Cud800%22%7D%5D%7D"
HOSTILE: list[tuple[str, str, bytes, str, tuple[int, ...]]] = [
    ("POST", "/api/v1/review", b"[" * 100_000 + b"]" * 100_000, "json", (400, 413)),
    ("POST", "/api/v1/review", b'{"text": ' + b"1" * 5_000 + b"}", "json", (400,)),
    ("POST", "/api/v1/compare", b'{"samples": 1e400}', "json", (400,)),
    ("POST", "/api/v1/compare", b'{"weights": {"growth": NaN}}', "json", (400,)),
    ("POST", "/api/v1/followups/" + "1" + "0" * 23 + "/done", b"{}", "json", (404,)),
    ("POST", "/api/v1/followups/1/snooze", b'{"days": 99999999}', "json", (422,)),
    ("POST", "/api/v1/followups/1/snooze", b'{"days": "' + b"9" * 5000 + b'"}', "json", (422,)),
    ("POST", "/api/v1/write", b'{"offer": "acme", "variant": 1' + b"0" * 23 + b"}", "json", (422,)),
    ("POST", "/api/v1/review", CRITICAL_WITH_SURROGATE.encode(), "json", (422,)),
    ("POST", "/api/v1/review", b'{"text": "Dear Tom", "today": "\\udfff"}', "json", (422,)),
    ("POST", "/api/v1/fix", b'{"text": "\\ud800"}', "json", (422,)),
    ("POST", "/api/v1/compare", b'{"weights": {"\\ud800": 1}}', "json", (422,)),
    ("POST", "/v2/check", b"language=en&data=" + SURROGATE_DATA, "form", (400,)),
]  # fmt: skip


def test_hostile_bodies_get_a_clear_4xx_and_the_connection_survives(tmp_path: Path) -> None:
    import json

    from web_support import EXAMPLE

    with serving(tmp_path / "w.db") as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        json_type = {"content-type": "application/json"}
        form_type = {"content-type": "application/x-www-form-urlencoded"}
        body = json.dumps({"toml": EXAMPLE.read_text("utf-8")}).encode()
        connection.request("POST", "/api/v1/offers", body, json_type)
        assert connection.getresponse().read()
        sock = connection.sock
        assert sock is not None
        for method, path, payload, kind, statuses in HOSTILE:
            headers = json_type if kind == "json" else form_type
            connection.request(method, path, payload, headers)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
            assert answer.status in statuses, (path, payload[:60], answer.status, text[:300])
            assert "Traceback" not in text
            assert "internal error" not in text
            if kind == "json":
                assert json.loads(text)["error"]
            assert connection.sock is sock, f"the connection was dropped after {path}"
        connection.request("GET", "/api/v1/offers")
        assert connection.getresponse().status == 200
        assert connection.sock is sock


def test_the_field_at_fault_is_named(tmp_path: Path) -> None:
    import json

    with serving(tmp_path / "w.db") as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        json_type = {"content-type": "application/json"}
        for payload, field in (
            (CRITICAL_WITH_SURROGATE.encode(), "text"),
            (b'{"text": "Dear Tom", "today": "\\udfff"}', "today"),
            (b'{"text": "Dear Tom", "lang": "fr"}', "lang"),
        ):
            connection.request("POST", "/api/v1/review", payload, json_type)
            answer = connection.getresponse()
            body = json.loads(answer.read())
            assert answer.status == 422
            assert body["field"] == field, body


def test_pages_refuse_absurd_follow_up_numbers_without_a_500(tmp_path: Path) -> None:
    from web_support import client

    browser = client(tmp_path / "w.db")
    browser.get("/status")
    csrf = browser.cookies.get("decline_csrf")
    huge = browser.post("/followups/" + "1" + "0" * 23, data={"action": "done", "csrf": csrf})
    assert huge.status_code == 404
    assert "text/html" in huge.headers["content-type"]
    long_snooze = browser.post(
        "/followups/1", data={"action": "snooze", "days": "99999999", "csrf": csrf}
    )
    assert long_snooze.status_code == 422
    assert "days:" in long_snooze.text


@PARSERS
def test_a_big_body_sent_with_its_head_is_not_a_big_head(tmp_path: Path, parser: str) -> None:
    """The head cap counts the head only: a body in the same packets is not part of it."""
    padding = "a" * 300_000
    body = f'{{"text": 5, "pad": "{padding}"}}'.encode()
    with serving(tmp_path / "w.db", parser) as port:
        head = (
            f"POST /api/v1/review HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            for _ in range(2):  # a fresh connection, then the same one kept alive
                sock.sendall(head + body)
                answer = b""
                while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
                    chunk = sock.recv(65536)
                    assert chunk, answer
                    answer += chunk
                assert status_of(answer) == 422, answer[:200]


def test_past_the_connection_limit_the_answer_is_503(tmp_path: Path) -> None:
    from decline.web.server import MAX_CONCURRENCY

    assert MAX_CONCURRENCY >= 16  # the web budget runs 8 connections at once
    with serving(tmp_path / "w.db", server_options={"limit_concurrency": 2}) as port:
        holders = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
        try:
            for holder in holders:
                holder.sendall(b"GET /api/v1/offers HTTP/1.1\r\nHo")  # heads still arriving
            time.sleep(0.2)
            request = f"GET /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            answer = raw_exchange(port, request.encode())
            assert status_of(answer) == 503, answer[:200]
        finally:
            for holder in holders:
                holder.close()


def test_two_origin_headers_are_refused(tmp_path: Path) -> None:
    with serving(tmp_path / "w.db") as port:
        origins = f"Origin: http://127.0.0.1:{port}\r\nOrigin: http://evil.example\r\n"
        request = f"GET /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{origins}\r\n"
        answer = raw_exchange(port, request.encode())
        assert status_of(answer) == 400, answer[:200]
