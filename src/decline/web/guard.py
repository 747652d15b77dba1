"""Protect the local server from other web pages and other machines (pure ASGI middleware).

In order, for every HTTP request:
1. `Host` must be a loopback name when the server listens on loopback (DNS rebinding).
2. With a token, every request outside `/v2/` must carry it (header, cookie, or `?token=`
   once, which sets the cookie).
3. A foreign `Origin` (or `Sec-Fetch-Site: cross-site`) is refused for state-changing
   requests and for any `/api/v1` request.
4. Request bodies are capped; past the cap the answer is 413.
5. Every answer gets a strict Content-Security-Policy and friends; `/v2/` gets CORS headers.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1_000_000
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
CORS_HEADERS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type, Accept"),
    (b"access-control-max-age", b"86400"),
]
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Say whether a host name or address (no port) is this machine's loopback."""
    host = host.strip("[]").lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """Return the host part of a `Host` header value (no port; IPv6 without brackets)."""
    if host_header.startswith("["):
        return host_header[1:].partition("]")[0]
    return host_header.rpartition(":")[0] if host_header.count(":") == 1 else host_header


class Guard:
    """The middleware; `loopback` says whether the server listens on loopback only."""

    def __init__(self, app: ASGIApp, *, token: str | None, loopback: bool) -> None:
        self.app = app
        self.token = token
        self.loopback = loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        languagetool = path.startswith("/v2/")
        headers = _headers(scope)
        refusal = self._refusal(scope, headers, path, languagetool)
        if refusal is not None:
            await _refuse(send, *refusal, languagetool=languagetool)
            return
        if languagetool and scope["method"] == "OPTIONS":
            await send({"type": "http.response.start", "status": 204, "headers": CORS_HEADERS})
            await send({"type": "http.response.body", "body": b""})
            return
        body = await _read_capped(receive, headers)
        if body is None:
            limit = f"the request body is larger than {MAX_BODY:,} bytes"
            await _refuse(send, 413, limit, languagetool=languagetool)
            return
        set_cookie = self._token_from_query(scope)
        extra = list(SECURITY_HEADERS)
        if languagetool:
            extra += CORS_HEADERS
        if set_cookie:
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            extra.append((b"set-cookie", cookie.encode()))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                known = {name for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(
                        (name, value)
                        for name, value in extra
                        if name not in known or name == b"set-cookie"
                    ),
                ]
            await send(message)

        await self.app(scope, _replay(body, receive), send_with_headers)

    def _refusal(
        self, scope: Scope, headers: dict[str, str], path: str, languagetool: bool
    ) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.loopback and not is_loopback(host_name(host)):
            return 421, f"this server answers to localhost only, not to Host {host!r}"
        if languagetool:
            return None
        if self.token is not None and not self._has_token(scope, headers):
            return 403, "this server needs its token: open the address `decline serve` printed"
        if scope["method"] not in SAFE_METHODS or path.startswith("/api/v1"):
            origin = headers.get("origin")
            if origin is not None and not _same_origin(origin, host, scope):
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


def _query(scope: Scope) -> dict[str, list[str]]:
    raw = scope.get("query_string", b"").decode("latin-1")
    return parse_qs(raw) if raw else {}


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}


def _same_origin(origin: str, host: str, scope: Scope) -> bool:
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


async def _refuse(send: Send, status: int, message: str, *, languagetool: bool) -> None:
    if languagetool:
        body = f"Error: {message}".encode()
        content_type = b"text/plain; charset=utf-8"
        extra = CORS_HEADERS
    else:
        error = {"ok": False, "error": message, "errors": [message], "status": status}
        body = json.dumps(error, separators=(",", ":")).encode()
        content_type = b"application/json"
        extra = []
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
