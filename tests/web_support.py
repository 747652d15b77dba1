"""Shared helpers for the web tests: an app over a fresh workspace, a real server thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from decline.web import create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "src" / "decline" / "data" / "example_offers.toml"
BASE = "http://127.0.0.1:8765"
ERROR_KEYS = {"ok", "error", "errors", "status"}

GRACEFUL = (
    "Dear Ms. Rossi,\n\n"
    "Thank you so much for offering me the Senior Data Engineer position at Acme Analytics, "
    "and for the time you and the team gave me during the interviews.\n\n"
    "After careful thought, I have decided not to accept the offer. I have accepted another "
    "position that is a closer fit for my goals right now.\n\n"
    "I truly enjoyed meeting the team, and I am sorry not to be joining you.\n\n"
    "I would be glad to stay in touch on LinkedIn, and I hope our paths cross again: I would "
    "welcome hearing about future roles that match my goals.\n\n"
    "Warm regards,\nAlex Rivera"
)


def client(db: Path, **options: Any) -> TestClient:
    """Return a test client of an app over the workspace `db`, as a loopback browser."""
    app = create_app(db, **options)
    return TestClient(app, base_url=BASE, raise_server_exceptions=False)


def seeded(tmp_path: Path) -> TestClient:
    """Return a client whose workspace holds the bundled example's three offers."""
    test_client = client(tmp_path / "decline.db")
    answer = test_client.post("/api/v1/offers", json={"toml": EXAMPLE.read_text("utf-8")})
    assert answer.status_code == 200, answer.text
    return test_client


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    """Check the one JSON error shape and the status; return the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert ERROR_KEYS <= set(body) <= ERROR_KEYS | {"field"}, body  # field: the input at fault
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str)
    assert body["error"]
    assert isinstance(body["errors"], list)
    assert body["errors"]
    assert all(isinstance(line, str) for line in body["errors"])
    assert "Traceback" not in response.text
    return body


def free_port() -> int:
    """Return a TCP port free on loopback right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(db: Path, **options: Any) -> Iterator[str]:
    """Run the app under uvicorn on loopback in a thread; yield its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        create_app(db, **options), host="127.0.0.1", port=port, log_level="warning"
    )
    with in_thread(uvicorn.Server(config)):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def in_thread(server: Any) -> Iterator[None]:
    """Run a uvicorn server in a thread until the block ends (15 s to start, 10 s to stop)."""
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)
