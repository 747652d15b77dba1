"""Real SMTP servers on loopback for the send tests: aiosmtpd, with TLS from trustme."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
USER, PASSWORD = "alex", "correct horse"


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Inbox:
    """What the server received: envelopes with their exact bytes."""

    envelopes: list[Any] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.endswith("@reject.example"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    """A running server: where it listens and what it received."""

    port: int
    inbox: Inbox
    client_context: ssl.SSLContext | None = None


@contextmanager
def smtp_server(*, starttls: bool = False, auth: bool = False) -> Iterator[Server]:
    """Run an aiosmtpd server on loopback, optionally with STARTTLS and required AUTH."""
    inbox = Inbox()
    options: dict[str, Any] = {}
    client_context = None
    if starttls:
        authority = trustme.CA()
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert(HOST).configure_cert(server_context)
        client_context = ssl.create_default_context()
        authority.configure_trust(client_context)
        options.update(tls_context=server_context, require_starttls=True)
    if auth:
        options.update(authenticator=_authenticate, auth_required=True, auth_require_tls=starttls)
    port = free_port()
    controller = Controller(inbox, hostname=HOST, port=port, **options)
    controller.start()
    try:
        yield Server(port, inbox, client_context)
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[int]:
    """Accept connections and never answer, like a server that hangs; yield its port."""
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
                held.append(connection)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in held:
            connection.close()
        listener.close()


@dataclass
class Scripted:
    """A hand-written server's port, what it received, and a switch to release its answer."""

    port: int
    received: list[bytes] = field(default_factory=list)
    dot_seen: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@contextmanager
def scripted_server(after_dot: str) -> Iterator[Scripted]:
    """Run a tiny SMTP server that misbehaves after the message's final dot.

    `after_dot` is `drop_at_quit` (accept with 250, then hang up instead of answering
    QUIT), `no_answer` (never answer the dot) or `hold` (answer 250 once `release` is set).
    """
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen()
    listener.settimeout(0.1)
    state = Scripted(listener.getsockname()[1])
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def session(connection: socket.socket) -> None:
        stream = connection.makefile("rb")

        def reply(line: str) -> None:
            connection.sendall(line.encode("ascii") + b"\r\n")

        with connection, stream:
            reply("220 scripted ready")
            while not stop.is_set():
                line = stream.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    reply("250 OK")
                elif verb == b"DATA":
                    reply("354 go ahead")
                    lines = []
                    while (part := stream.readline()) not in (b".\r\n", b""):
                        lines.append(part)
                    state.received.append(b"".join(lines))
                    state.dot_seen.set()
                    if after_dot == "no_answer":
                        stop.wait(30)
                        return
                    if after_dot == "hold":
                        state.release.wait(30)
                    reply("250 accepted")
                elif verb == b"QUIT":
                    if after_dot != "drop_at_quit":
                        reply("221 bye")
                    return
                else:
                    reply("502 not here")

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            thread = threading.Thread(target=session, args=(connection,), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield state
    finally:
        stop.set()
        state.release.set()
        acceptor.join(timeout=2)
        for thread in threads:
            thread.join(timeout=2)
        listener.close()
