"""Read a draft from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, or an .eml's text part.

This is edge code shared by the faces (CLI, web); the checker itself reads nothing.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from decline.errors import InputError

MAX_BYTES = 1_000_000
MAX_MIME_DEPTH = 50
"""How deeply multipart parts may nest in an .eml; a real message nests 2 or 3 deep."""
MAX_MIME_SECTIONS = 100
"""How many multipart sections an .eml may declare: the email parser's time grows with the
square of their nesting, so thousands are refused before it starts."""
_BOUNDARY = re.compile(rb"boundary\s*=", re.IGNORECASE)

_CHUNK = 65_536


def _too_large(name: str, limit: int) -> InputError:
    return InputError(f"{name}: larger than {limit / 1_000_000:g} MB, the limit for one file")


def _binary(name: str, why: str) -> InputError:
    return InputError(f"{name}: binary ({why}), not a letter")


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Read at most `limit` bytes of a file; InputError naming it on any problem.

    Never more than limit + 1 bytes are read, so /dev/zero or an endless pipe stops at once.
    A named pipe (FIFO) is opened without waiting for a writer: with none, it reads as
    empty instead of hanging. Terminals, sockets and block devices are refused.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a letter") from None
    except ValueError:  # a NUL character in the name
        raise InputError(f"{name!r}: not a possible file name") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror})") from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a folder, not a letter")
        if os.isatty(handle):
            raise InputError(f"{name}: is a terminal, not a file; use - to read standard input")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            raise InputError(f"{name}: is a special file (a device or socket), not a letter")
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(handle, True)  # a writer is there (or none ever will be): wait
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror})") from None
    finally:
        os.close(handle)
    if size > limit:
        raise _too_large(name, limit)
    return b"".join(chunks)


def _looks_binary(data: bytes) -> bool:
    """Tell binary data from text in a legacy encoding: control bytes are rare in text."""
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f") + sample.count(
        0x7F
    )
    return controls * 10 > len(sample)


def decode(data: bytes, name: str) -> str:
    """Decode a draft's bytes; InputError naming the file and the position of a bad byte."""
    if len(data) > MAX_BYTES:
        raise _too_large(name, MAX_BYTES)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    if encoding == "utf-8" and b"\x00" in data:
        raise _binary(name, f"a NUL byte at position {data.index(0)}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8" and _looks_binary(data):
            raise _binary(name, "mostly control bytes") from None
        raise InputError(
            f"{name}: not valid {encoding.upper()} (byte 0x{data[error.start]:02x} at "
            f"position {error.start}); save it as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise _binary(name, f"a NUL character at position {text.index(chr(0))}")
    if not text.strip():
        raise InputError(f"{name}: the letter is empty")
    return text


def eml_text(data: bytes, name: str) -> str:
    """Return the decoded text/plain part of an e-mail message."""
    from email import policy  # only .eml input pays for the email package
    from email.message import EmailMessage
    from email.parser import BytesParser

    if len(data) > MAX_BYTES:
        raise _too_large(name, MAX_BYTES)
    sections = len(_BOUNDARY.findall(data))
    if sections > MAX_MIME_SECTIONS:
        raise InputError(
            f"{name}: {sections:,} multipart sections: expected a letter, with at most "
            f"{MAX_MIME_SECTIONS} (a real message has 1 to 3)"
        )
    too_deep = InputError(
        f"{name}: message parts nested too deeply (expected at most {MAX_MIME_DEPTH} levels)"
    )
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        assert isinstance(message, EmailMessage)
        if _mime_depth(message) > MAX_MIME_DEPTH:
            raise too_deep
        part = message.get_body(preferencelist=("plain",))
    except RecursionError:
        raise too_deep from None
    if part is None:
        raise InputError(f"{name}: the message has no text/plain part to review")
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes) and b"\x00" in payload:
        raise _binary(name, "its text part has NUL bytes")
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: cannot decode the text part ({error})") from None
    if not isinstance(content, str) or not content.strip():
        raise InputError(f"{name}: the message's text part is empty")
    if "\ufffd" in content and isinstance(payload, bytes) and "\ufffd".encode() not in payload:
        charset = part.get_content_charset() or "us-ascii"
        raise _binary(name, f"its text part is not valid {charset}")
    return content  # offsets are into the decoded text part itself (docs/design.md)


def _mime_depth(message: object) -> int:
    """Return how deeply the parts of a parsed message nest, without recursion."""
    from email.message import Message

    deepest = 0
    stack = [(message, 1)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_MIME_DEPTH:
            break
        payload = part.get_payload() if isinstance(part, Message) else None
        if isinstance(payload, list):
            stack.extend((child, depth + 1) for child in payload)
    return deepest


def read_draft(path: Path) -> str:
    """Read a draft file (.txt or .eml); InputError naming the file on any problem."""
    data = read_bytes(path)
    if path.suffix.lower() == ".eml":
        return eml_text(data, str(path))
    return decode(data, str(path))
