"""A tiny SMTP server on loopback that keeps what it receives, for the demo journey.

It speaks just enough SMTP (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
`smtplib` to deliver to it, and writes each message it accepts to a folder as an .eml file.
It never relays anything anywhere.
"""

from __future__ import annotations

import socketserver
import threading
from pathlib import Path
from types import TracebackType


class _Session(socketserver.StreamRequestHandler):
    server: _Server

    def _reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self) -> None:
        self._reply("220 decline-sink ready")
        while True:
            raw = self.rfile.readline(1000)
            if not raw:
                return
            verb = raw[:4].decode("ascii", "replace").upper()
            if verb in ("EHLO", "HELO"):
                self._reply("250-decline-sink" if verb == "EHLO" else "250 decline-sink")
                if verb == "EHLO":
                    self._reply("250 8BITMIME")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 end with <CRLF>.<CRLF>")
                self._receive()
                self._reply("250 OK: kept")
            elif verb == "QUIT":
                self._reply("221 bye")
                return
            else:
                self._reply("502 not implemented")

    def _receive(self) -> None:
        lines = []
        while True:
            line = self.rfile.readline()
            if not line or line in (b".\r\n", b".\n"):
                break
            lines.append(line[1:] if line.startswith(b"..") else line)
        self.server.keep(b"".join(lines))


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, folder: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.folder = folder
        self.received: list[Path] = []
        self._lock = threading.Lock()

    def keep(self, message: bytes) -> None:
        with self._lock:
            path = self.folder / f"received-{len(self.received) + 1}.eml"
            path.write_bytes(message)
            self.received.append(path)


class SmtpSink:
    """Run the sink in a thread: `with SmtpSink(folder) as sink: … sink.port …`."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._server = _Server(folder)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """Return the loopback port the sink listens on."""
        port: int = self._server.server_address[1]
        return port

    @property
    def received(self) -> list[Path]:
        """Return the .eml files of the messages received so far."""
        return list(self._server.received)

    def __enter__(self) -> SmtpSink:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
