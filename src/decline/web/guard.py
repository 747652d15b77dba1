"""Protect the local server from other web pages and other machines (pure ASGI middleware).

In order, for every HTTP request:
1. Exactly one `Host` header (and at most one `Origin`), `Host` of the form `name[:port]`;
   listening on loopback, the name must be a loopback name or address and the port the one
   we listen on (DNS rebinding).
2. With a token, every request must carry it (header, cookie, or `?token=` once, which sets
   the cookie) -- `/v2/` included.
3. A foreign `Origin` (or `Sec-Fetch-Site: cross-site`) is refused for state-changing
   requests and for any `/api/v1` or `/v2` request; no answer carries CORS headers, so a
   browser lets no other site read one.
4. Request bodies are capped and must arrive in bounded time; past either, 413 or 408.
5. Every answer gets a strict Content-Security-Policy and friends, and, outside `/static/`,
   `Cache-Control: no-store` (answers hold salaries, names and letters). A redirect never
   leaves the site, and no header we send carries a line break.
6. A bug in a handler is answered with a 500 in the one error shape, and the connection
   stays usable: the exception goes to the log, not back to the server.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1_000_000
BODY_TIMEOUT = 30.0  # seconds for a whole request body to arrive
TOKEN_COOKIE = "decline_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer makes Chrome send Origin: null
    (b"cross-origin-opener-policy", b"same-origin"),
]
NO_STORE = (b"cache-control", b"no-store")
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
HOST = re.compile(
    r"(?:\[(?P<ipv6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9.-]+))(?::(?P<port>[0-9]{1,5}))?"
)
CONTROL = re.compile(rb"[\x00-\x1f\x7f]")


def is_loopback(host: str) -> bool:
    """Say whether a host name or address (no port) is this machine's loopback."""
    host = host.strip("[]").lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_host(value: str) -> tuple[str, int | None] | None:
    """Return the name and port of a `Host` header value, or None when it is not one.

    Only `name`, `name:port`, `[v6]` and `[v6]:port` are hosts; userinfo (`a@b`), paths,
    spaces and any other character make the value malformed.
    """
    match = HOST.fullmatch(value)
    if match is None:
        return None
    port = match["port"]
    return match["ipv6"] or match["name"], int(port) if port else None


def same_site(location: str, host: str) -> bool:
    """Say whether a redirect target stays on this site (`host` is the request's Host).

    A path must start with one `/` and not `//` or `/\\` (browsers read both as another
    host); an absolute URL must name this very host.
    """
    cleaned = location.strip("\x00 ").replace("\t", "").replace("\r", "").replace("\n", "")
    if cleaned.startswith("/"):
        return not cleaned.startswith(("//", "/\\")) and "\\" not in cleaned.split("?")[0]
    parts = urlsplit(cleaned)
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host.lower()


class Guard:
    """The middleware; `loopback` says whether the server listens on loopback only."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        loopback: bool,
        on_bug: Callable[[Any, Exception], Awaitable[Any]] | None = None,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.app = app
        self.token = token
        self.loopback = loopback
        self.on_bug = on_bug  # (Request, Exception) -> Response, as the app's handlers are
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        languagetool = path.startswith("/v2/")
        headers = _headers(scope)
        refusal = self._refusal(scope, headers, path)
        if refusal is not None:
            await _refuse(send, *refusal, languagetool=languagetool)
            return
        try:
            async with asyncio.timeout(self.body_timeout):  # no extra task, unlike wait_for
                body = await _read_capped(receive, headers)
        except TimeoutError:
            late = f"the request body did not arrive within {self.body_timeout:g} seconds"
            await _refuse(send, 408, late, languagetool=languagetool, close=True)
            return
        if body is None:
            limit = f"the request body is larger than {MAX_BODY:,} bytes"
            await _refuse(send, 413, limit, languagetool=languagetool)
            return
        extra = list(SECURITY_HEADERS)
        if not path.startswith("/static/"):
            extra.append(NO_STORE)
        if self._token_from_query(scope):
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            extra.append((b"set-cookie", cookie.encode()))
        host = headers.get("host", "")
        started = False

        async def send_safely(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = _outgoing(message, extra, host)
            await send(message)

        try:
            await self.app(scope, _replay(body, receive), send_safely)
        except Exception as error:
            if started or self.on_bug is None:
                raise  # half an answer is out: only closing the connection is honest
            from starlette.requests import Request

            response = await self.on_bug(Request(scope), error)
            await response(scope, _disconnected, send_safely)

    def _refusal(self, scope: Scope, headers: dict[str, str], path: str) -> tuple[int, str] | None:
        hosts = [value for name, value in scope["headers"] if name == b"host"]
        if len(hosts) != 1:
            return 400, f"expected exactly one Host header, found {len(hosts)}"
        if sum(name == b"origin" for name, _ in scope["headers"]) > 1:
            return 400, "expected at most one Origin header"
        host = headers["host"]
        parsed = parse_host(host)
        if parsed is None:
            return 400, f"malformed Host header {host!r}: expected name or name:port"
        name, port = parsed
        if self.loopback:
            server = scope.get("server")
            listening = server[1] if server and len(server) > 1 else None
            if not is_loopback(name) or (listening is not None and (port or 80) != listening):
                return 421, f"this server answers to localhost only, not to Host {host!r}"
        if self.token is not None and not self._has_token(scope, headers):
            return 403, "this server needs its token: open the address `decline serve` printed"
        guarded = path.startswith(("/api/v1", "/v2/")) or scope["method"] not in SAFE_METHODS
        if guarded:
            origin = headers.get("origin")
            if origin is not None and not _same_origin(origin, host):
                return 403, f"requests from another site ({origin}) are refused"
            if headers.get("sec-fetch-site") == "cross-site":
                return 403, "requests from another site are refused"
        return None

    def _has_token(self, scope: Scope, headers: dict[str, str]) -> bool:
        assert self.token is not None
        offered = []
        authorization = headers.get("authorization", "")
        if authorization.lower().startswith("bearer "):
            offered.append(authorization[7:].strip())
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == TOKEN_COOKIE:
                offered.append(value)
        offered += _query(scope).get("token", [])
        expected = self.token.encode()
        return any(hmac.compare_digest(value.encode(), expected) for value in offered)

    def _token_from_query(self, scope: Scope) -> bool:
        return self.token is not None and bool(_query(scope).get("token"))


def _outgoing(message: Message, extra: list[tuple[bytes, bytes]], host: str) -> list[Any]:
    """Return the answer's headers: ours added, line breaks removed, redirects kept home."""
    own = [(name, CONTROL.sub(b"", bytes(value))) for name, value in message.get("headers", [])]
    known = {name for name, _ in own}
    own += [(name, value) for name, value in extra if name not in known or name == b"set-cookie"]
    if 300 <= message["status"] < 400:
        own = [
            (name, b"/")
            if name == b"location" and not same_site(value.decode("latin-1"), host)
            else (name, value)
            for name, value in own
        ]
    return own


async def _disconnected() -> Message:
    return {"type": "http.disconnect"}


def _query(scope: Scope) -> dict[str, list[str]]:
    raw = scope.get("query_string", b"").decode("latin-1")
    return parse_qs(raw) if raw else {}


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}


def _same_origin(origin: str, host: str) -> bool:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False  # "null" and the like
    return parts.netloc.lower() == host.lower()


async def _read_capped(receive: Receive, headers: dict[str, str]) -> bytes | None:
    """Return the whole body, or None when it is (or says it is) over the cap."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """Hand the app the body already read, then the server's own messages (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(
    send: Send, status: int, message: str, *, languagetool: bool, close: bool = False
) -> None:
    if languagetool:
        body = f"Error: {message}".encode()
        content_type = b"text/plain; charset=utf-8"
    else:
        error = {"ok": False, "error": message, "errors": [message], "status": status}
        body = json.dumps(error, separators=(",", ":")).encode()
        content_type = b"application/json"
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        NO_STORE,
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
