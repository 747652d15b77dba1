"""Errors the public API raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: one clear sentence saying where and what.

    Every face turns it into exit code 2 (CLI) or a 4xx answer (web), never a traceback.
    """
