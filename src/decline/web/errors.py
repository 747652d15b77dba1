"""Every error the web app answers: one JSON shape for the API, LanguageTool's for `/v2`.

The JSON shape is `{"ok": false, "error": "...", "errors": [...], "status": N}`, plus
`"field"` when the error is about one input (an `InputError` that names its field) -- for
bad input, a missing page, a refused request and even a bug (without its traceback). Pages
get the same sentence from the page renderer the app hands to `handlers` (this module sits
below the renderer and never imports it); `/v2` answers as LanguageTool's server does.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from decline.errors import InputError, NotFoundError

log = logging.getLogger("decline.web")

PageRenderer = Callable[[Request, int, str, list[str]], Response]
Handler = Callable[[Request, Exception], Awaitable[Response]]

REASONS = {
    400: "bad request",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    408: "request timeout",
    409: "conflict",
    413: "request body too large",
    415: "unsupported media type",
    421: "misdirected request",
    422: "unprocessable input",
    500: "internal error",
    502: "an outside service failed",
}


class ApiError(Exception):
    """A refusal with a status, one sentence and optional details (one per problem)."""

    def __init__(
        self,
        status: int,
        error: str,
        errors: list[str] | None = None,
        *,
        field: str | None = None,
    ) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.errors = errors or []
        self.field = field


def error_body(
    status: int, error: str, errors: list[str] | None = None, field: str | None = None
) -> dict[str, Any]:
    """Return the one JSON error shape."""
    body: dict[str, Any] = {"ok": False, "error": error, "errors": errors or [error]}
    body["status"] = status
    if field:
        body["field"] = field
    return body


def json_error(
    status: int, error: str, errors: list[str] | None = None, field: str | None = None
) -> JSONResponse:
    """Return the one JSON error shape as a response."""
    return JSONResponse(error_body(status, error, errors, field), status_code=status)


def languagetool_error(status: int, message: str) -> PlainTextResponse:
    """Return an error as LanguageTool's server does: plain text starting with `Error: `."""
    return PlainTextResponse(f"Error: {message}", status_code=status)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class Answers:
    """The exception handlers, answering browsers with pages drawn by `page`."""

    def __init__(self, page: PageRenderer) -> None:
        self.page = page

    def respond(
        self,
        request: Request,
        status: int,
        error: str,
        errors: list[str] | None = None,
        field: str | None = None,
    ) -> Response:
        """Answer an error in the form the path calls for."""
        if request.url.path.startswith("/v2/"):
            return languagetool_error(status, error)
        if _wants_json(request):
            return json_error(status, error, errors, field)
        return self.page(request, status, error, errors or [])

    async def api_error(self, request: Request, exc: Exception) -> Response:
        """Answer an `ApiError`."""
        assert isinstance(exc, ApiError)
        return self.respond(request, exc.status, exc.error, exc.errors, exc.field)

    async def input_error(self, request: Request, exc: Exception) -> Response:
        """Answer bad input (the core's `InputError`): 422, or 404 for an unknown id."""
        assert isinstance(exc, InputError)
        lines = [line for line in str(exc).splitlines() if line.strip()] or ["bad input"]
        message = lines[0] if len(lines) == 1 else f"{len(lines)} problems in the input"
        status = 404 if isinstance(exc, NotFoundError) else 422
        return self.respond(request, status, message, lines, exc.field)

    async def http_error(self, request: Request, exc: Exception) -> Response:
        """Answer Starlette's own refusals (404, 405 …) in the same shapes."""
        assert isinstance(exc, HTTPException)
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail else ""
        reason = REASONS.get(exc.status_code, "error")
        return self.respond(request, exc.status_code, detail or reason)

    async def bug(self, request: Request, exc: Exception) -> Response:
        """Answer a bug with 500 and a plain sentence; the traceback goes to the log only."""
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return self.respond(
            request, 500, f"internal error ({type(exc).__name__}); please report it"
        )


def handlers(page: PageRenderer) -> dict[Any, Handler]:
    """Return the app's exception handlers, drawing error pages with `page`."""
    answers = Answers(page)
    return {
        ApiError: answers.api_error,
        InputError: answers.input_error,
        HTTPException: answers.http_error,
        Exception: answers.bug,
    }
