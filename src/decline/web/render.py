"""Render pages: Jinja2 with autoescaping, the interface's words, and the CSRF token.

The CSRF token is a random value in a `SameSite=Strict` cookie that every form repeats in
a hidden field (double submit); with the guard's Origin check, another site cannot post
a form here.
"""

from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from decline.web import i18n
from decline.web.errors import ApiError

CSRF_COOKIE = "decline_csrf"
CSRF_FIELD = "csrf"
NAV = ("offers", "compare", "write", "review", "status")


@cache
def environment() -> jinja2.Environment:
    """Return the template environment (autoescaped, undefined names are errors)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("decline.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def ui_language(request: Request) -> str:
    """Return the interface language for this request."""
    return i18n.choose(
        request.cookies.get(i18n.COOKIE),
        request.query_params.get("ui"),
        request.headers.get("accept-language", ""),
    )


def words(request: Request) -> i18n.Words:
    """Return the interface's words for this request."""
    return i18n.Words(ui_language(request))


def csrf_token(request: Request) -> str:
    """Return this browser's CSRF token, minting one when it has none yet."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(24)
        request.state.new_csrf = token
    return str(token)


def check_csrf(request: Request, form: FormData) -> None:
    """Refuse a form whose CSRF field does not match this browser's cookie."""
    expected = request.cookies.get(CSRF_COOKIE, "")
    offered = form.get(CSRF_FIELD, "")
    if not expected or not isinstance(offered, str) or not hmac.compare_digest(offered, expected):
        raise ApiError(403, words(request)("errors.csrf"))


def page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """Render a page with the shared context, and set the cookies it needs."""
    t = words(request)
    lang = t.lang
    body = (
        environment()
        .get_template(template)
        .render(
            t=t,
            ui=lang,
            ui_languages=[(code, i18n.Words(code).name) for code in i18n.languages()],
            csrf=csrf_token(request),
            csrf_field=CSRF_FIELD,
            nav=NAV,
            path=request.url.path,
            **context,
        )
    )
    response = HTMLResponse(body, status_code=status)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict")
    if request.query_params.get("ui") in i18n.languages():
        response.set_cookie(i18n.COOKIE, lang, samesite="lax", max_age=365 * 86400)
    return response


def error_page(request: Request, status: int, error: str, errors: list[str]) -> Response:
    """Render an error as a page, in the interface's language."""
    details = [line for line in errors if line != error]
    return page(
        request, "error.html", status=status, status_code=status, error=error, details=details
    )


def attachment(filename: str) -> str:
    """Return a `Content-Disposition` value that downloads as `filename` (any user text).

    RFC 6266: a plain ASCII `filename` for old clients (accents dropped, quotes, slashes,
    semicolons and control characters replaced) and the exact name as UTF-8 in
    `filename*`, percent-encoded, so nothing in the name can end the header or add one.
    """
    name = "".join(ch for ch in filename if unicodedata.category(ch)[0] != "C").strip()
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r'["\\/;:*?<>|%]+', "_", ascii_name).strip(" .") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
