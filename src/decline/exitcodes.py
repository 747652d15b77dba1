"""The exit codes of every `decline` command (docs/design.md)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a `decline` command's exit status means, the same for every command."""

    DONE = 0
    """Done; for `review`, every letter is ready to send (warnings allowed)."""
    NEGATIVE = 1
    """Done, with a negative result: a letter is not graceful or not ready, a send was refused."""
    BAD_INPUT = 2
    """Bad input or usage."""
    INTERRUPTED = 3
    """Interrupted (Ctrl-C)."""
    INTERNAL = 4
    """An internal error: a bug in decline."""
    SERVICE_FAILED = 5
    """An outside service failed (SMTP unreachable, rejected, timed out)."""
