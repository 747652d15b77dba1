"""Errors the public API raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: one clear sentence saying where and what.

    Every face turns it into exit code 2 (CLI) or a 4xx answer (web), never a traceback.
    `field` names the input the sentence is about (an offer-file key such as
    ``salary.base``, a form field, an option) when there is one, so a face can show the
    message beside that field without reading the sentence; it is ``None`` otherwise.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(InputError):
    """The input names something the workspace does not hold (an offer id, a letter id).

    A CLI exits 2 as for any bad input; the web answers 404.
    """
