"""LanguageTool's HTTP API (`/v2/check`, `/v2/languages`), answered by our checker.

LanguageTool clients and editor plugins point at `decline serve` and show our findings.
It answers as LanguageTool's own server does — its response shape, its plain-text
`Error: …` answers, 413 for a text over the limit, the `data` parameter (text with
markup) and rule choices by id and category — and stores nothing. It still makes this
machine work on whatever it is sent, so the guard treats it as the rest of the API: the
token when one is set, no foreign Origin, no CORS headers (no other site may use it).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from decline.errors import InputError
from decline.web.annotated import Annotated
from decline.web.errors import ApiError, languagetool_error

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


SHORT = 5  # words: with language=auto, a shorter text that is neither language is checked
# in the default language (LanguageTool's server does the same), a longer one is refused


async def check(request: Request) -> Response:
    """Check `text` (or `data`, text with markup) in `language`: form fields, or the query.

    `disabledRules`, and `enabledRules` with `enabledOnly=true`, choose rules by id;
    `disabledCategories` and `enabledCategories` by category (`DECLINE_P2` … `DECLINE_P7`,
    `DECLINE_READINESS`), as LanguageTool's server does.
    """
    if request.method == "POST":
        try:
            params = dict(await request.form(max_files=0, max_fields=100))
        except Exception:
            return languagetool_error(400, "could not read the form parameters")
    else:
        params = dict(request.query_params)
    texts = {name: value for name, value in params.items() if isinstance(value, str)}
    fallback = getattr(request.app.state, "settings", None)
    try:
        return JSONResponse(await _check(texts, getattr(fallback, "lang", None) or "en"))
    except ApiError as error:
        return languagetool_error(error.status, error.error)


async def _check(params: dict[str, str], fallback: str) -> dict[str, Any]:
    """Return the check's answer; `fallback` is the language for a short text of no clear one."""
    text, annotated = _text(params)
    language = params.get("language")
    if not language:
        raise ApiError(
            400,
            "Missing 'language' parameter, use 'language=auto' to auto-detect the language "
            "of the input text",
        )
    code = resolve_language(language)
    if code is None:
        known = ", ".join(sorted({"auto", *_language_codes()}))
        raise ApiError(
            400,
            f"'{language}' is not a language code known to this server. "
            f"Supported language codes are: {known}",
        )
    if len(text) > MAX_TEXT:
        raise ApiError(
            413,
            f"Your text exceeds the limit of {MAX_TEXT} characters (it's {len(text)} "
            "characters). Please submit a shorter text.",
        )
    ignore = _ignored(params)
    try:
        body = await offload(len(text), _render, text, code, ignore, fallback)
    except InputError as error:
        if not text.strip():
            return _empty(code)
        raise ApiError(400, str(error)) from None
    if annotated is not None:
        body = _on_document(body, annotated)
    return body


def _text(params: dict[str, str]) -> tuple[str, Annotated | None]:
    """Return the text to check, and its annotation when it came as `data`."""
    text = params.get("text")
    data = params.get("data")
    if text is not None and data is not None:
        raise ApiError(400, "Set either 'text' or 'data' but not both")
    if text is not None:
        return text, None
    if data is None:
        raise ApiError(400, "Missing 'text' or 'data' parameter")
    from decline.web import annotated, jsonbody

    try:
        document = annotated.parse(jsonbody.loads(data.encode("utf-8", "surrogatepass")))
    except annotated.AnnotationError as error:
        raise ApiError(400, f"Invalid 'data' parameter: {error}") from None
    except ApiError as error:
        raise ApiError(400, f"Invalid 'data' parameter: {error.error}") from None
    return document.plain, document


def _ignored(params: dict[str, str]) -> tuple[str, ...]:
    """Return the rule codes to leave out, from LanguageTool's rule and category options."""
    from decline.checker.rules import BY_CODE

    def listed(name: str) -> set[str]:
        return {part.strip().upper() for part in params.get(name, "").split(",") if part.strip()}

    def category(code: str) -> str:
        return f"DECLINE_{BY_CODE[code].principle or 'READINESS'}"

    enabled, enabled_categories = listed("enabledRules"), listed("enabledCategories")
    off = listed("disabledRules") | {
        code for code in BY_CODE if category(code) in listed("disabledCategories")
    }
    if params.get("enabledOnly", "false").strip().lower() == "true":
        if not enabled and not enabled_categories:
            raise ApiError(
                400,
                "You cannot use 'enabledOnly' without 'enabledRules' or 'enabledCategories'",
            )
        off |= {
            code
            for code in BY_CODE
            if code not in enabled and category(code) not in enabled_categories
        }
    # LanguageTool ignores rule ids it does not know; so do we.
    return tuple(sorted(code for code in off if code in BY_CODE))


def _render(text: str, code: str, ignore: tuple[str, ...], fallback: str) -> dict[str, Any]:
    from decline.checker.engine import review
    from decline.checker.formats.languagetool import render

    try:
        return render(review(text, code, ignore=ignore))
    except InputError:
        if code != "auto" or not text.strip() or len(text.split()) >= SHORT:
            raise
    body = render(review(text, fallback, ignore=ignore))
    detected = dict(body["language"]["detectedLanguage"])
    detected.update(confidence=0.0, source="fallback: too short to tell its language")
    body["language"] = {**body["language"], "detectedLanguage": detected}
    return body


def _on_document(body: dict[str, Any], document: Annotated) -> dict[str, Any]:
    """Move every match from the checked text to its place in the whole document."""
    from decline.checker.formats.languagetool import utf16_offset

    plain, whole = document.plain, document.document
    matches = []
    for match in body["matches"]:
        start = _code_point(plain, match["offset"])
        end = _code_point(plain, match["offset"] + match["length"])
        doc_start, doc_length = document.to_document(start, end - start)
        offset = utf16_offset(whole, doc_start)
        length = utf16_offset(whole, doc_start + doc_length) - offset
        matches.append({**match, "offset": offset, "length": length})
    return {**body, "matches": matches}


def _code_point(text: str, utf16: int) -> int:
    """Return the code-point index of a UTF-16 offset into `text`."""
    units = 0
    for index, char in enumerate(text):
        if units >= utf16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _empty(code: str) -> dict[str, Any]:
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
