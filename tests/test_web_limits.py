"""Hostile clients against a real server: bad bodies keep the connection, slow ones are cut.

Every test runs `decline serve`'s own uvicorn configuration (`decline.web.server`) on
loopback, with short deadlines, and speaks HTTP over a plain socket where it must send what
no well-behaved client would (two Host headers, a head one byte at a time).
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from decline.web import create_app
from decline.web.server import config, protocol
from web_support import free_port

HEAD_TIMEOUT = 1.0


@contextmanager
def serving(db: Path, **options: Any) -> Iterator[int]:
    """Run the app under `decline serve`'s uvicorn settings; yield the port."""
    import uvicorn

    port = free_port()
    app = create_app(db, **options)
    server = uvicorn.Server(config(app, "127.0.0.1", port, http=protocol(HEAD_TIMEOUT)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


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


def test_a_head_sent_one_byte_a_second_is_cut_off(tmp_path: Path) -> None:
    with serving(tmp_path / "w.db") as port:
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


def test_a_connection_that_sends_nothing_is_closed(tmp_path: Path) -> None:
    with (
        serving(tmp_path / "w.db") as port,
        socket.create_connection(("127.0.0.1", port), timeout=10) as sock,
    ):
        started = time.monotonic()
        answer = sock.recv(65536)  # blocks until the server speaks or closes
        assert time.monotonic() - started < 8
        assert answer == b"" or status_of(answer) == 408


def test_a_huge_head_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path / "w.db") as port:
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
