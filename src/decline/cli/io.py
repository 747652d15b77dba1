"""Name files on the command line one way, and write them safely.

Every command that reads an input file or writes an output file goes through here, so the
rules are the same everywhere:

- `-` is standard input where a command reads a file, standard output where it writes one
  (a file really called `-` is `./-`);
- an output is never one of the command's own inputs (the same file by any name: a hard
  link, a symlink, another spelling of the path);
- an output that already exists is replaced only with `--force`;
- a file is written whole or not at all: into a temporary file in the same folder, then
  renamed over the target (`os.replace`), so a crash, a full disk or Ctrl-C never leaves
  half a file behind.

Nothing here imports Click, so code outside the CLI (sending an .eml) may use it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from decline.errors import InputError

if TYPE_CHECKING:
    from decline.offers import OfferSet

STDIO = "-"
STDIN_LABEL = "<stdin>"
MAX_OFFER_FILE_BYTES = 10_000_000
"""Standard input is read into memory; an offer file is a few kilobytes, so 10 MB is a typo."""

STDIO_HELP = "`-` is standard input or output."


def is_stdio(name: str | os.PathLike[str] | None) -> bool:
    """Tell whether a file name on the command line means standard input or output."""
    return name is not None and os.fspath(name) == STDIO


def label(source: str) -> str:
    """Return how messages name an input: its path, or `<stdin>` for `-`."""
    return STDIN_LABEL if is_stdio(source) else source


def read_stdin(limit: int, what: str) -> bytes:
    """Read standard input whole, refusing more than `limit` bytes rather than filling memory."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError(f"{STDIN_LABEL}: there is no standard input to read the {what} from")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"{STDIN_LABEL}: more than {limit:,} bytes is too large for {what}; "
            "is it the right file?"
        )
    return data


def read_offers(source: str) -> OfferSet:
    """Load and validate the offer file named on the command line, or standard input for `-`."""
    from decline.offers.parsing import load_offers, parse_offers

    if not is_stdio(source):
        return load_offers(source)
    data = read_stdin(MAX_OFFER_FILE_BYTES, "an offer file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{STDIN_LABEL}: expected UTF-8 text, found byte 0x{data[error.start]:02x} at "
            f"position {error.start}"
        ) from None
    return parse_offers(text, STDIN_LABEL)


def check_output(
    target: str, *, inputs: Iterable[str] = (), force: bool = False, option: str = "-o/--out"
) -> None:
    """Refuse an output that is one of the inputs, or that exists without `force`.

    Commands call this before they start work, so a refusal costs nothing; `output_path`
    calls it again just before writing.
    """
    if is_stdio(target):
        return
    path = Path(target)
    for source in inputs:
        if not is_stdio(source) and _same_file(path, Path(source)):
            raise InputError(
                f"{option}: {target} is also an input ({source}); writing it would destroy "
                "the input — choose another file"
            )
    if path.is_dir():
        raise InputError(f"{option}: {target} is a folder; expected a file name")
    if path.exists() and not force:
        raise InputError(f"{option}: {target} already exists; choose another name or add --force")
    parent = Path(os.path.realpath(path)).parent
    if not parent.is_dir():
        raise InputError(f"{option}: cannot write {target}: there is no folder {parent}")


def _same_file(output: Path, source: Path) -> bool:
    try:
        return os.path.samefile(output, source)
    except OSError:  # one of them does not exist (yet): compare where the names lead
        return os.path.realpath(output) == os.path.realpath(source)


@contextmanager
def output_path(
    target: str, *, inputs: Iterable[str] = (), force: bool = False, option: str = "-o/--out"
) -> Iterator[Path]:
    """Yield a temporary file to write; when the block succeeds it becomes `target`.

    For `-` the finished file is copied to standard output. The temporary file keeps the
    target's suffix, so writers that choose a format by suffix (charts) still work. Any
    OSError while writing becomes an InputError naming `option` and `target`; on any
    failure, Ctrl-C included, the temporary file is removed and the target is untouched.
    """
    inputs = tuple(inputs)
    check_output(target, inputs=inputs, force=force, option=option)
    import tempfile  # only writing needs it: start-up stays lean

    if is_stdio(target):
        with tempfile.TemporaryDirectory(prefix="decline-") as folder:
            temporary = Path(folder) / "output"
            try:
                yield temporary
            except OSError as error:
                raise _cannot_write(option, "standard output", error) from None
            write_stdout(temporary.read_bytes())
        return
    final = Path(os.path.realpath(target))  # through a symlink: the link stays a link
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{final.name}.", suffix=final.suffix or ".tmp", dir=final.parent
        )
    except OSError as error:
        raise _cannot_write(option, target, error) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        check_output(target, inputs=inputs, force=force, option=option)
        _settle(temporary, final)
    except OSError as error:
        _remove(temporary)
        raise _cannot_write(option, target, error) from None
    except BaseException:
        _remove(temporary)
        raise


def write_output(
    target: str | None,
    data: bytes | str,
    *,
    inputs: Iterable[str] = (),
    force: bool = False,
    option: str = "-o/--out",
) -> None:
    """Write a command's output to `target`, or to standard output for None or `-`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target is None or is_stdio(target):
        write_stdout(payload)
        return
    with output_path(target, inputs=inputs, force=force, option=option) as temporary:
        temporary.write_bytes(payload)


def write_stdout(data: bytes) -> None:
    """Write bytes to standard output after anything already printed there."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _settle(temporary: Path, final: Path) -> None:
    """Make the written file durable, give it the usual permissions, and move it in place."""
    try:
        mode = final.stat().st_mode & 0o7777  # replacing a file (--force): keep its mode
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask  # mkstemp made it 0600; a new file gets the usual mode
    os.chmod(temporary, mode)
    handle = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
    os.replace(temporary, final)


def _remove(temporary: Path) -> None:
    with suppress(OSError):  # best effort: the target itself was never touched
        temporary.unlink(missing_ok=True)


def _cannot_write(option: str, target: str, error: OSError) -> InputError:
    reason = error.strerror or str(error)
    return InputError(f"{option}: cannot write {target} ({reason})")
