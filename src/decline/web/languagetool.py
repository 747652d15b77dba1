"""LanguageTool's HTTP API (`/v2/check`, `/v2/languages`), answered by our checker.

LanguageTool clients and editor plugins point at `decline serve` and show our findings.
It answers as LanguageTool's own server does — its response shape, its plain-text
`Error: …` answers, 413 for a text over the limit — stores nothing and reads no workspace
data, so the token and Origin checks do not apply (the guard adds CORS headers instead).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from decline.errors import InputError
from decline.web.errors import languagetool_error

MAX_TEXT = 100_000  # characters, as LanguageTool's servers limit them
# Texts longer than this are reviewed in a worker process: a letter of a few KB takes about
# a millisecond and stays in the server's process; a long text would hold the event loop
# (a thread would not help: the review holds the GIL) and stall every other client.
OFFLOAD_AT = 5_000  # characters

_pool: ProcessPoolExecutor | None = None
Result = TypeVar("Result")


def _warm() -> None:
    """Load the checker in a fresh worker, so that its first review is not slow."""
    from decline.checker import engine, lexicon

    for code in lexicon.available():
        engine.review("Dear Tom, thank you. I decline.", code)


def _workers() -> ProcessPoolExecutor:
    """Return the review worker pool, started on first use, one worker per core."""
    global _pool
    if _pool is None:
        import multiprocessing

        _pool = ProcessPoolExecutor(
            max_workers=os.cpu_count() or 1,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded server
            initializer=_warm,
        )
    return _pool


async def offload(size: int, function: Callable[..., Result], *args: object) -> Result:
    """Run a review-sized `function(*args)`: in a worker process when the text has `size`
    characters past OFFLOAD_AT, else here (a short letter costs less than the hand-off)."""
    global _pool
    if size <= OFFLOAD_AT:
        return function(*args)
    try:
        return await asyncio.get_running_loop().run_in_executor(_workers(), function, *args)
    except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
        _pool = None
        return await asyncio.get_running_loop().run_in_executor(_workers(), function, *args)


def _language_codes() -> dict[str, str]:
    """Map every code a client may send (en, en-US, en-GB, it-IT …) to our lexicon's."""
    from decline.checker import lexicon

    codes: dict[str, str] = {}
    for code in lexicon.available():
        long_code = lexicon.load(code).languagetool_code
        codes[code] = code
        codes[long_code.lower()] = code
    return codes


def resolve_language(value: str) -> str | None:
    """Return our code for a LanguageTool language parameter (`auto` stays `auto`)."""
    wanted = value.strip().lower().replace("_", "-")
    if wanted == "auto":
        return "auto"
    codes = _language_codes()
    return codes.get(wanted) or codes.get(wanted.split("-")[0])


async def check(request: Request) -> Response:
    """Check `text` in `language` (form fields, or query parameters for GET)."""
    if request.method == "POST":
        try:
            params = dict(await request.form(max_files=0, max_fields=100))
        except Exception:
            return languagetool_error(400, "could not read the form parameters")
    else:
        params = dict(request.query_params)
    text = params.get("text")
    if not isinstance(text, str):
        if params.get("data") is not None:
            return languagetool_error(400, "the 'data' parameter is not supported; send 'text'")
        return languagetool_error(400, "Missing 'text' or 'data' parameter")
    language = params.get("language")
    if not isinstance(language, str) or not language:
        return languagetool_error(
            400,
            "Missing 'language' parameter, use 'language=auto' to auto-detect the language "
            "of the input text",
        )
    code = resolve_language(language)
    if code is None:
        known = ", ".join(sorted({"auto", *_language_codes()}))
        return languagetool_error(
            400,
            f"'{language}' is not a language code known to this server. "
            f"Supported language codes are: {known}",
        )
    if len(text) > MAX_TEXT:
        return languagetool_error(
            413,
            f"Your text exceeds the limit of {MAX_TEXT} characters (it's {len(text)} "
            "characters). Please submit a shorter text.",
        )
    disabled = params.get("disabledRules")
    ignore = tuple(disabled.split(",")) if isinstance(disabled, str) and disabled else ()
    try:
        body = await offload(len(text), _render, text, code, ignore)
    except InputError as error:
        if not text.strip():
            return JSONResponse(_empty(code))
        return languagetool_error(400, str(error))
    return JSONResponse(body)


def _render(text: str, code: str, ignore: tuple[str, ...]) -> dict[str, object]:
    from decline.checker.engine import review
    from decline.checker.formats.languagetool import render
    from decline.checker.rules import BY_CODE

    # LanguageTool ignores rule ids it does not know; so do we.
    known = tuple(rule for rule in ignore if rule.strip().upper() in BY_CODE)
    return render(review(text, code, ignore=known))


def _empty(code: str) -> dict[str, object]:
    """Return LanguageTool's answer for an empty text: no matches."""
    from decline.checker.formats.languagetool import render
    from decline.checker.report import Report

    lang = "en" if code == "auto" else code
    return render(Report(lang=lang, words=0, signals={}, findings=(), text=""))


async def languages(request: Request) -> Response:
    """List the languages, as LanguageTool's `/v2/languages` does."""
    from decline.checker import lexicon

    listed = []
    for code in lexicon.available():
        lex = lexicon.load(code)
        listed.append({"name": lex.name, "code": code, "longCode": lex.languagetool_code})
    return JSONResponse(listed)


ROUTES = [
    Route("/v2/check", check, methods=["GET", "POST"]),
    Route("/v2/languages", languages, methods=["GET"]),
]
