""" "Fix it for me" on the Review page: the repair's changes, each to accept or reject.

The first post (from the Review page) shows every change the repair makes, ticked, with the
diff and what only the person can supply. The second applies the ticked ones and shows the
result on the Review page, reviewed as usual. The repair is computed again from the same
draft each time (it is deterministic), so nothing is kept on the server between the two.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from decline.errors import InputError
from decline.web.pages.common import checked_form, field, settings
from decline.web.render import page


def _repair(text: str, lang: str, ignore: tuple[str, ...]) -> Any:
    from decline.repair import fix

    return fix(text, lang, ignore=ignore)


async def fix_page(
    request: Request, review_answer: Callable[[Request, str, str], Awaitable[Response]]
) -> Response:
    """Show the repair to accept or reject; with `action=apply`, review the chosen result.

    The Review page hands over how it answers with a reviewed draft (`review_answer`), so
    the result is its own page, and no import goes back to it.
    """
    form = await checked_form(request)
    text = field(form, "text").replace("\r\n", "\n")  # a browser posts a textarea in CRLF
    lang = field(form, "letter_lang") or "auto"
    problem: str | None = None
    try:
        ignore = tuple(settings(request).review_ignore)
        repair = await run_in_threadpool(_repair, text, lang, ignore) if text.strip() else None
    except InputError as error:
        repair, problem = None, str(error)
    if repair is not None and field(form, "action") == "apply":
        ticked = [value for value in form.getlist("change") if isinstance(value, str)]
        chosen = [int(value) for value in ticked if value.isdecimal() and len(value) < 6]
        return await review_answer(request, repair.apply(chosen), lang)
    return page(
        request,
        "review_fix.html",
        text=text,
        lang=lang,
        repair=repair,
        problem=problem,
        diff=repair.diff() if repair is not None else "",
    )
