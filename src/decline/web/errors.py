"""Every error the web app answers: one JSON shape for the API, LanguageTool's for `/v2`.

The JSON shape is `{"ok": false, "error": "...", "errors": [...], "status": N}` — for bad
input, a missing page, a refused request and even a bug (without its traceback). Pages get
the same sentence as plain HTML-escaped text; `/v2` answers as LanguageTool's server does.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from decline.errors import InputError

log = logging.getLogger("decline.web")

REASONS = {
    400: "bad request",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
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

    def __init__(self, status: int, error: str, errors: list[str] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.errors = errors or []


def error_body(status: int, error: str, errors: list[str] | None = None) -> dict[str, Any]:
    """Return the one JSON error shape."""
    return {"ok": False, "error": error, "errors": errors or [error], "status": status}


def json_error(status: int, error: str, errors: list[str] | None = None) -> JSONResponse:
    """Return the one JSON error shape as a response."""
    return JSONResponse(error_body(status, error, errors), status_code=status)


def languagetool_error(status: int, message: str) -> PlainTextResponse:
    """Return an error as LanguageTool's server does: plain text starting with `Error: `."""
    return PlainTextResponse(f"Error: {message}", status_code=status)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def respond(request: Request, status: int, error: str, errors: list[str] | None = None) -> Response:
    """Answer an error in the form the path calls for."""
    if request.url.path.startswith("/v2/"):
        return languagetool_error(status, error)
    if _wants_json(request):
        return json_error(status, error, errors)
    from decline.web.render import error_page

    return error_page(request, status, error, errors or [])


async def on_api_error(request: Request, exc: Exception) -> Response:
    """Answer an `ApiError`."""
    assert isinstance(exc, ApiError)
    return respond(request, exc.status, exc.error, exc.errors)


async def on_input_error(request: Request, exc: Exception) -> Response:
    """Answer bad input (the core's `InputError`) with 422, one line per problem."""
    lines = [line for line in str(exc).splitlines() if line.strip()] or ["bad input"]
    message = lines[0] if len(lines) == 1 else f"{len(lines)} problems in the input"
    return respond(request, 422, message, lines)


async def on_http_error(request: Request, exc: Exception) -> Response:
    """Answer Starlette's own refusals (404, 405 …) in the same shapes."""
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail else ""
    reason = REASONS.get(exc.status_code, "error")
    return respond(request, exc.status_code, detail or reason)


async def on_bug(request: Request, exc: Exception) -> Response:
    """Answer a bug with 500 and a plain sentence; the traceback goes to the log only."""
    log.exception("internal error on %s %s", request.method, request.url.path)
    return respond(request, 500, f"internal error ({type(exc).__name__}); please report it")


HANDLERS = {
    ApiError: on_api_error,
    InputError: on_input_error,
    HTTPException: on_http_error,
    Exception: on_bug,
}
