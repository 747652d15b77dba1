"""Read a draft from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, or an .eml's text part.

This is edge code shared by the faces (CLI, web); the checker itself reads nothing.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from decline.errors import InputError

MAX_BYTES = 1_000_000


def decode(data: bytes, name: str) -> str:
    """Decode a draft's bytes; InputError naming the file and the position of a bad byte."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the 1 MB limit for one letter")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding.upper()} (byte 0x{data[error.start]:02x} at "
            f"position {error.start}); save it as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters; is it a binary file?")
    if not text.strip():
        raise InputError(f"{name}: the letter is empty")
    return text


def eml_text(data: bytes, name: str) -> str:
    """Return the decoded text/plain part of an e-mail message."""
    from email import policy  # only .eml input pays for the email package
    from email.message import EmailMessage
    from email.parser import BytesParser

    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the 1 MB limit for one letter")
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        raise InputError(f"{name}: the message has no text/plain part to review")
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: cannot decode the text part ({error})") from None
    if not isinstance(content, str) or not content.strip():
        raise InputError(f"{name}: the message's text part is empty")
    return content  # offsets are into the decoded text part itself (DESIGN.md)


def read_draft(path: Path) -> str:
    """Read a draft file (.txt or .eml); InputError naming the file on any problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a letter") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None
    if path.suffix.lower() == ".eml":
        return eml_text(data, str(path))
    return decode(data, str(path))
