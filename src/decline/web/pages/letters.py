"""Write and review: compose the decline, edit it while the checker reads along.

Without JavaScript, "Check again" posts the edited text and the page comes back reviewed;
with it, `static/app.js` asks `/api/v1/review` as the user types and marks the spans in place.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline import languages
from decline.errors import InputError
from decline.settings import CHANNELS, TONES
from decline.web import service
from decline.web.pages.common import checked_form, db, field, see_other
from decline.web.render import page, words
from decline.writer.composer import REASONS

CHOICES = {"reason": REASONS, "tone": TONES, "channel": CHANNELS, "lang": languages.available()}


def reviewed(text: str, lang: str, offer: Any = None) -> dict[str, Any]:
    """Return the template context of a reviewed draft (or of the refusal to review it)."""
    try:
        report = service.review(text, lang, offer=offer)
    except InputError as error:
        return {"report": None, "review_error": str(error), "segments": []}
    return {"report": report, "review_error": None, "segments": service.segments(report)}


def _with_labels(context: dict[str, Any], request: Request) -> dict[str, Any]:
    labels = service.checklist_labels(words(request).lang)
    report = context.get("report")
    context["checklist"] = service.checklist(report, labels)
    return context


def _compose(request: Request, choice: dict[str, str]) -> dict[str, Any]:
    from decline import compose

    offers = service.offer_set(db(request))
    offer = offers.offer(choice["offer"])
    letter = compose(
        offer,
        offers.candidate,
        reason=choice["reason"],
        tone=choice["tone"],
        channel=choice["channel"],
        lang=choice["lang"] or None,
        variant=int(choice["variant"]),
    )
    text = letter.reviewable_text()
    return {
        "letter": letter,
        "text": text,
        "lang": letter.lang,
        **reviewed(text, letter.lang, offer),
    }


def _choice(params: Any, offers: list[Any]) -> dict[str, str]:
    choice = {
        "offer": params.get("offer") or (offers[0].id if offers else ""),
        "reason": params.get("reason") or "other_offer",
        "tone": params.get("tone") or "warm",
        "channel": params.get("channel") or "email",
        "lang": params.get("lang") or "",
        "variant": params.get("variant") or "0",
    }
    if not choice["variant"].isdigit() or int(choice["variant"]) > 1000:
        raise InputError(f"variant: expected a whole number 0 or more, found {choice['variant']!r}")
    return choice


def _offers(request: Request) -> list[Any]:
    from decline.workspace.catalog import list_offers

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        return list_offers(connection)


async def write(request: Request) -> Response:
    """Choose the offer, reason, tone, channel, language and variant; show the letter."""
    offers = await run_in_threadpool(_offers, request)
    choice = _choice(request.query_params, offers)
    context: dict[str, Any] = {"letter": None, "text": "", "lang": choice["lang"] or "auto"}
    if offers and "offer" in request.query_params:
        context = await run_in_threadpool(_compose, request, choice)
    return page(
        request,
        "write.html",
        offers=offers,
        choice=choice,
        choices=CHOICES,
        **_with_labels({"report": None, "review_error": None, "segments": [], **context}, request),
    )


async def write_check(request: Request) -> Response:
    """Review the edited letter (the no-JavaScript path), or save it and go to send."""
    form = await checked_form(request)
    offers = await run_in_threadpool(_offers, request)
    choice = _choice(form, offers)
    text = field(form, "text")
    lang = field(form, "letter_lang") or "auto"
    offer = next((o for o in offers if o.id == choice["offer"]), None)
    if field(form, "action") == "save" and offer is not None:
        await run_in_threadpool(_save_draft, request, offer.id, text, lang, choice)
        return see_other(f"/send/{offer.id}")
    context = await run_in_threadpool(reviewed, text, lang, offer)
    return page(
        request,
        "write.html",
        offers=offers,
        choice=choice,
        choices=CHOICES,
        letter=None,
        text=text,
        lang=lang,
        **_with_labels(context, request),
    )


def _save_draft(
    request: Request, offer_id: str, text: str, lang: str, choice: dict[str, str]
) -> None:
    from decline.workspace.catalog import get_offer
    from decline.workspace.followups import pick_contact
    from decline.workspace.letters import LetterDraft, save_draft
    from decline.workspace.store import utc_now

    if not text.strip():
        raise InputError(words(request)("write.empty"))
    from decline.send.subject import split_subject

    subject, body = split_subject(text)
    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        contact = pick_contact(get_offer(connection, offer_id), None)
        draft = LetterDraft(
            subject=subject,
            body=body,
            lang=lang if lang in CHOICES["lang"] else None,
            tone=choice["tone"],
            reason=choice["reason"],
            recipient_name=contact.name if contact else None,
            recipient_email=contact.email if contact else None,
        )
        save_draft(connection, offer_id, draft, utc_now())


async def review_page(request: Request) -> Response:
    """Paste any draft and see the same highlighted review."""
    context: dict[str, Any] = {"report": None, "review_error": None, "segments": []}
    text = ""
    lang = "auto"
    if request.method == "POST":
        form = await checked_form(request)
        text = field(form, "text")
        lang = field(form, "letter_lang") or "auto"
        if text.strip():
            context = await run_in_threadpool(reviewed, text, lang)
    return page(request, "review.html", text=text, lang=lang, **_with_labels(context, request))


ROUTES = [
    Route("/write", write, methods=["GET"]),
    Route("/write", write_check, methods=["POST"]),
    Route("/review", review_page, methods=["GET", "POST"]),
]
