"""Serve the app under uvicorn, with bounds a slow or greedy client cannot outlast.

What uvicorn gives, and what we set: `timeout_keep_alive` closes an idle kept-alive
connection (5 s); `limit_concurrency` answers 503 past that many connections and tasks;
`h11_max_incomplete_event_size` caps a request head under h11. What it lacks: a deadline
for the request head itself. A fresh connection that sends nothing, or a client that sends
its headers one byte per second, would hold a connection (and under httptools, ever more
memory) for as long as it likes. `protocol` adds that deadline and a size cap for the head;
the guard (`guard.py`) bounds the body the same way.
"""

from __future__ import annotations

import asyncio
from typing import Any

HEAD_TIMEOUT = 10.0  # seconds from a request's first byte (or the connection) to its last header
MAX_HEAD = 64 * 1024  # bytes of request line and headers
KEEP_ALIVE = 5  # seconds an idle kept-alive connection stays open
MAX_CONCURRENCY = 64  # connections and tasks at once; past it, 503


def _plain(status: str, text: str) -> bytes:
    """Return a whole HTTP answer that closes the connection (written before any app runs)."""
    body = f"{text}\n".encode()
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: text/plain; charset=utf-8\r\n"
        f"connection: close\r\ncontent-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


TOO_SLOW = _plain("408 Request Timeout", "the request headers did not arrive in time")
TOO_BIG = _plain("431 Request Header Fields Too Large", "the request headers are too large")


def protocol(
    head_timeout: float = HEAD_TIMEOUT, max_head: int = MAX_HEAD, base: str = "auto"
) -> Any:
    """Return uvicorn's HTTP protocol class with a deadline and a size cap for request heads.

    A request's head is complete when the protocol starts its request-response cycle (both
    the h11 and the httptools protocols set `cycle` then); until that happens the clock runs
    and the bytes are counted, from the connection's start or the first byte of a new request.
    `base` is uvicorn's protocol to extend: `auto` (httptools when installed), `h11` or
    `httptools`.
    """
    from uvicorn.config import HTTP_PROTOCOLS
    from uvicorn.importer import import_from_string

    parent: Any = import_from_string(HTTP_PROTOCOLS[base])

    class Bounded(parent):  # type: ignore[misc]
        _timer: asyncio.TimerHandle | None = None
        _head_bytes = 0
        _head_tail = b""  # the last bytes of the head so far, to find a blank line split

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._start_head()

        def data_received(self, data: bytes) -> None:
            before = self.cycle
            idle = before is None or before.response_complete
            if idle and self._timer is None:
                self._start_head()  # the first byte of the next request on this connection
            if self._timer is not None:
                # the head ends at its first blank line; what follows in the packet is body
                seen = self._head_tail + data
                end = seen.find(b"\r\n\r\n")
                head = len(data) if end < 0 else end + 4 - len(self._head_tail)
                self._head_bytes += head
                self._head_tail = seen[-3:]
                if self._head_bytes > max_head:
                    self._give_up(TOO_BIG)
                    return
            super().data_received(data)
            if self.cycle is not before:
                self._stop_head()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_head()
            super().connection_lost(exc)

        def _start_head(self) -> None:
            self._head_bytes = 0
            self._head_tail = b""
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(head_timeout, self._give_up, TOO_SLOW)

        def _stop_head(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _give_up(self, answer: bytes) -> None:
            self._stop_head()
            if not self.transport.is_closing():
                self.transport.write(answer)
                self.transport.close()

    return Bounded


def config(app: Any, host: str, port: int, **overrides: Any) -> Any:
    """Return the uvicorn configuration `decline serve` runs (overrides for tests)."""
    import uvicorn

    settings: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": protocol(),
        "timeout_keep_alive": KEEP_ALIVE,
        "limit_concurrency": MAX_CONCURRENCY,
        "h11_max_incomplete_event_size": MAX_HEAD,
        "log_level": "warning",
        "server_header": False,
        "ws": "none",
        "lifespan": "off",
    }
    return uvicorn.Config(app, **{**settings, **overrides})


def run(app: Any, host: str, port: int) -> None:
    """Serve `app` until interrupted."""
    import uvicorn

    uvicorn.Server(config(app, host, port)).run()
