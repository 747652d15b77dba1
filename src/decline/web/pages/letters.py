"""Write and review: compose the decline, edit it while the checker reads along.

One form holds the choices (offer, reason, tone, channel, language, variant, register) and
the letter, so nothing the person typed is lost whatever they press: without JavaScript, "Write the
letter" posts the edited text too, and an edited letter is kept (a separate button replaces
it); with JavaScript, `static/app.js` recomposes in place when a choice changes and the
letter is unedited, and asks `/api/v1/review` as the person types. Choices never submit on
their own, so arrow keys on a select move through its options and keep the focus.

Composing and reviewing go through `decline.service.letters`, with the person's settings,
exactly as `decline write` does.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline import languages
from decline.errors import InputError
from decline.offers import known_registers
from decline.service import letters
from decline.settings import TONES
from decline.web import service
from decline.web.pages.common import checked_form, db, field, see_other, settings
from decline.web.render import page, words
from decline.writer.channels import NAMES as CHANNELS
from decline.writer.composer import REASONS

CHOICES = {
    "reason": REASONS,
    "tone": TONES,
    "channel": CHANNELS,
    "lang": languages.available(),
    "register": known_registers(),  # "" (the default): as the contact asks, else the language's
}
ACTIONS = ("compose", "replace", "check", "save", "keep")


def reviewed(text: str, lang: str, offer: Any = None, chosen: Any = None) -> dict[str, Any]:
    """Return the template context of a reviewed draft (or of the refusal to review it).

    `chosen` are the person's settings: the rules they ignore are ignored here too.
    """
    try:
        report = letters.review_draft(text, lang, chosen, offer=offer)
    except InputError as error:
        return {"report": None, "review_error": str(error), "segments": []}
    return {"report": report, "review_error": None, "segments": service.segments(report)}


def _with_labels(context: dict[str, Any], request: Request) -> dict[str, Any]:
    labels = service.checklist_labels(words(request).lang)
    report = context.get("report")
    context["checklist"] = service.checklist(report, labels)
    return context


def _compose(request: Request, choice: dict[str, str]) -> dict[str, Any]:
    offers = service.offer_set(db(request))
    offer = offers.offer(choice["offer"])
    composed = letters.compose_reviewed(
        offer,
        offers.candidate,
        settings(request),
        reason=choice["reason"],
        tone=choice["tone"],
        channel=choice["channel"],
        lang=choice["lang"] or None,
        variant=int(choice["variant"]),
        register=choice["register"] or None,
    )
    return {
        "letter": composed.letter,
        "text": composed.text,
        "composed": composed.text,
        "talking_points": composed.talking_points,
        "lang": composed.letter.lang,
        "report": composed.report,
        "review_error": None,
        "segments": service.segments(composed.report),
    }


def _choice(params: Any, offers: list[Any], request: Request) -> dict[str, str]:
    """Return the choices asked for, the person's settings filling in what is not."""
    chosen = settings(request)
    choice = {
        "offer": params.get("offer") or (offers[0].id if offers else ""),
        "reason": params.get("reason") or "other_offer",
        "tone": params.get("tone") or chosen.tone,
        "channel": params.get("channel") or chosen.channel,
        "lang": params.get("lang") or "",
        "variant": params.get("variant") or "0",
        "register": params.get("register") or "",
    }
    if choice["register"] and choice["register"] not in CHOICES["register"]:
        raise InputError(
            f"register: expected one of {', '.join(CHOICES['register'])}, "
            f"found {choice['register']!r}",
            field="register",
        )
    if not choice["variant"].isdigit() or int(choice["variant"]) > 1000:
        raise InputError(
            f"variant: expected a whole number 0 or more, found {choice['variant']!r}",
            field="variant",
        )
    return choice


def _offers(request: Request) -> list[Any]:
    from decline.workspace.catalog import list_offers

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        return list_offers(connection)


def _same(text: str, other: str) -> bool:
    """Return whether two texts are the same letter (a browser posts CRLF line ends)."""
    return text.replace("\r\n", "\n").strip() == other.replace("\r\n", "\n").strip()


def _render(
    request: Request, offers: list[Any], choice: dict[str, str], **context: Any
) -> Response:
    base: dict[str, Any] = {
        "letter": None,
        "text": "",
        "composed": "",
        "talking_points": None,
        "lang": choice["lang"] or "auto",
        "report": None,
        "review_error": None,
        "segments": [],
        "kept": False,
        "choice_error": None,
    }
    status = context.pop("status", 200)
    return page(
        request,
        "write.html",
        status=status,
        offers=offers,
        choice=choice,
        choices=CHOICES,
        keep_form="letter-form",
        **_with_labels({**base, **context}, request),
    )


async def write(request: Request) -> Response:
    """Choose the offer, reason, tone, channel, language and variant; show the letter."""
    offers = await run_in_threadpool(_offers, request)
    choice = _choice(request.query_params, offers, request)
    context: dict[str, Any] = {}
    if offers and "offer" in request.query_params:
        context = await run_in_threadpool(_composed_or_refused, request, choice)
    return _render(request, offers, choice, **context)


def _composed_or_refused(request: Request, choice: dict[str, str]) -> dict[str, Any]:
    """Compose; a choice the composer refuses is shown beside its field, with a 422."""
    try:
        return _compose(request, choice)
    except InputError as error:
        if error.field not in CHOICES and error.field != "variant":
            raise
        return {"choice_error": {"field": error.field, "message": str(error)}, "status": 422}


def _talking_points(request: Request, choice: dict[str, str]) -> str | None:
    """Return a call's talking points for these choices (shown to read, never edited)."""
    try:
        points: str | None = _compose(request, choice)["talking_points"]
    except InputError:  # the kept letter stands; the choices are refused when composed
        return None
    return points


async def write_post(request: Request) -> Response:
    """Compose, check, keep or save the letter; an edited letter is never thrown away."""
    form = await checked_form(request)
    offers = await run_in_threadpool(_offers, request)
    choice = _choice(form, offers, request)
    text = field(form, "text")
    composed = field(form, "composed")
    lang = field(form, "letter_lang") or "auto"
    action = field(form, "action") or ("check" if text.strip() else "compose")
    if action not in ACTIONS:
        raise InputError(f"action: expected one of {', '.join(ACTIONS)}, found {action!r}")
    offer = next((o for o in offers if o.id == choice["offer"]), None)
    if action == "save" and offer is not None:
        if not text.strip():
            raise InputError(words(request)("write.empty"), field="text")
        await run_in_threadpool(_save_draft, request, offer.id, text, lang, choice)
        return see_other(f"/send/{offer.id}")
    edited = bool(text.strip()) and not _same(text, composed)
    if offer is not None and (action == "replace" or (action == "compose" and not edited)):
        context = await run_in_threadpool(_composed_or_refused, request, choice)
        if "choice_error" not in context:
            return _render(request, offers, choice, **context)
        if not text.strip():
            return _render(request, offers, choice, **context)
        # refused: the text on the page stays, reviewed, with the refusal beside its choice
        kept = await run_in_threadpool(reviewed, text, lang, offer, settings(request))
        return _render(
            request, offers, choice, text=text, composed=composed, lang=lang, **context, **kept
        )
    if not text.strip():  # nothing to keep or check yet
        return _render(request, offers, choice)
    context = await run_in_threadpool(reviewed, text, lang, offer, settings(request))
    points = await run_in_threadpool(_talking_points, request, choice) if offer else None
    return _render(
        request,
        offers,
        choice,
        text=text,
        composed=composed,
        lang=lang,
        talking_points=points,
        kept=action == "compose",  # they asked for a new letter but had edited this one
        **context,
    )


def _save_draft(
    request: Request, offer_id: str, text: str, lang: str, choice: dict[str, str]
) -> None:
    with service.workspace(db(request)) as opened:
        letters.save_text(
            opened,
            offer_id,
            text,
            lang=lang,
            tone=choice["tone"],
            reason=choice["reason"],
            channel=choice["channel"],
        )


async def review_page(request: Request) -> Response:
    """Paste any draft and see the same highlighted review."""
    text = ""
    lang = "auto"
    if request.method == "POST":
        form = await checked_form(request)
        text = field(form, "text")
        lang = field(form, "letter_lang") or "auto"
    return await _review_answer(request, text, lang)


async def _review_answer(request: Request, text: str, lang: str) -> Response:
    """Show the Review page with `text` reviewed (when there is one), as the person set it."""
    context: dict[str, Any] = {"report": None, "review_error": None, "segments": []}
    if text.strip():
        context = await run_in_threadpool(reviewed, text, lang, None, settings(request))
    return page(
        request,
        "review.html",
        text=text,
        lang=lang,
        keep_form="letter-form",
        **_with_labels(context, request),
    )


ROUTES = [
    Route("/write", write, methods=["GET"]),
    Route("/write", write_post, methods=["POST"]),
    Route("/review", review_page, methods=["GET", "POST"]),
]


async def fix_page(request: Request) -> Response:
    """Fix it for me, on the Review page (issue 13): see `decline.web.pages.fix`."""
    from decline.web.pages.fix import fix_page as show

    return await show(request, _review_answer)


ROUTES.append(Route("/review/fix", fix_page, methods=["POST"]))
