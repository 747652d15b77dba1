"""Reading drafts and offer files that are endless, special, binary or nested to death.

Each is refused with one line naming the file (exit 2 from the command), and reading never
takes more than the limit plus one byte, never waits for a writer that is not there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from decline import InputError, load_offers
from decline.reading import (
    MAX_BYTES,
    MAX_MIME_DEPTH,
    MAX_MIME_SECTIONS,
    decode,
    eml_text,
    read_bytes,
    read_draft,
)

Run = Callable[..., subprocess.CompletedProcess[str]]
LETTER = "Dear Maria,\n\nThank you for the offer. I have decided to decline it.\n\nBest,\nAlex\n"


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail instead of hanging when the block blocks for more than `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(InputError) as caught:
        call()
    return str(caught.value)


def test_dev_zero_stops_at_the_limit() -> None:
    with alarm(10):
        message = refused(lambda: read_draft(Path("/dev/zero")))
    assert message == "/dev/zero: larger than 1 MB, the limit for one file"


def test_dev_zero_as_an_offer_file_stops_at_its_limit() -> None:
    with alarm(20):
        message = refused(lambda: load_offers("/dev/zero"))
    assert message == "/dev/zero: larger than 10 MB, the limit for one file"


def test_read_bytes_reads_at_most_limit_plus_one(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"a" * 100)
    assert read_bytes(path, 100) == b"a" * 100
    assert "larger than" in refused(lambda: read_bytes(path, 99))


def test_a_fifo_with_no_writer_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    with alarm(5):
        assert refused(lambda: read_draft(fifo)) == f"{fifo}: the letter is empty"


def test_a_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write(LETTER)

    # the writer opens first (it blocks until a reader comes): then the letter is all there
    writer = threading.Thread(target=write)
    writer.start()
    with alarm(5):
        while writer.is_alive():
            try:
                text = read_draft(fifo)
            except InputError:  # the reader came before the writer had opened: try again
                continue
            break
        writer.join()
    assert text == LETTER


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    assert refused(lambda: read_draft(tmp_path)) == f"{tmp_path}: is a folder, not a letter"
    missing = tmp_path / "nope.txt"
    assert refused(lambda: read_draft(missing)) == f"{missing}: no such file"


def test_binary_file_is_named_binary() -> None:
    message = refused(lambda: decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt"))
    assert message == "img.txt: binary (a NUL byte at position 8), not a letter"
    junk = bytes(range(1, 32)) * 10 + b"\xff"
    assert (
        refused(lambda: decode(junk, "j.txt"))
        == "j.txt: binary (mostly control bytes), not a letter"
    )


def test_a_latin1_letter_is_not_called_binary() -> None:
    message = refused(lambda: decode("Dear Tom, été thank you".encode("latin-1"), "l.txt"))
    assert "not valid UTF-8" in message


def _eml(body: bytes, headers: str = "Content-Type: text/plain; charset=utf-8\n") -> bytes:
    head = f"From: a@example.com\nTo: b@example.com\nSubject: x\n{headers}"
    return head.encode() + b"Content-Transfer-Encoding: 8bit\n\n" + body


def test_binary_bytes_in_an_eml_text_part() -> None:
    nul = _eml(b"Dear Maria\x00\x01 thanks\n")
    assert refused(lambda: eml_text(nul, "m.eml")) == (
        "m.eml: binary (its text part has NUL bytes), not a letter"
    )
    invalid = _eml(b"Dear Maria \xff\xfe\xfa thank you\n")
    assert refused(lambda: eml_text(invalid, "m.eml")) == (
        "m.eml: binary (its text part is not valid utf-8), not a letter"
    )
    assert eml_text(_eml(LETTER.encode()), "m.eml") == LETTER


def _nested(depth: int) -> bytes:
    head = "From: a@example.com\nTo: b@example.com\nSubject: x\nMIME-Version: 1.0\n"
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)
    )
    body = "Content-Type: text/plain\n\n" + LETTER
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return (head + opening + body + closing).encode()


def test_mime_nested_2000_deep_is_refused_before_parsing() -> None:
    message = refused(lambda: eml_text(_nested(2000), "deep.eml"))
    assert message == (
        f"deep.eml: 2,000 multipart sections: expected a letter, with at most "
        f"{MAX_MIME_SECTIONS} (a real message has 1 to 3)"
    )


def test_mime_nested_deeper_than_the_cap_is_refused() -> None:
    message = refused(lambda: eml_text(_nested(MAX_MIME_DEPTH + 10), "deep.eml"))
    assert message == (
        f"deep.eml: message parts nested too deeply (expected at most {MAX_MIME_DEPTH} levels)"
    )


def test_mime_nesting_just_past_the_cap_is_refused_and_within_it_read() -> None:
    assert "nested too deeply" in refused(lambda: eml_text(_nested(MAX_MIME_DEPTH), "d.eml"))
    assert eml_text(_nested(3), "ok.eml").strip() == LETTER.strip()


# ----- the command, as a user runs it


@pytest.mark.parametrize(
    ("source", "needle"),
    [
        ("/dev/zero", "/dev/zero: larger than 1 MB"),
        ("deep.eml", "deep.eml: 2,000 multipart sections"),
        ("bin.eml", "bin.eml: binary"),
        ("fifo.txt", "fifo.txt: the letter is empty"),
    ],
)
def test_review_refuses_with_exit_two(
    tmp_path: Path, decline_cli: Run, source: str, needle: str
) -> None:
    (tmp_path / "deep.eml").write_bytes(_nested(2000))
    (tmp_path / "bin.eml").write_bytes(_eml(b"\x00\x01\x02" * 100))
    os.mkfifo(tmp_path / "fifo.txt")
    done = decline_cli("review", source)
    assert done.returncode == 2, done.stderr
    assert needle in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_endless_stdin_stops_at_the_limit(tmp_path: Path, decline_cli: Run) -> None:
    done = decline_cli("review", "-", stdin=b"a" * (MAX_BYTES * 3))
    assert done.returncode == 2
    assert "<stdin>" in done.stderr
    assert "Traceback" not in done.stderr
