"""Send: the .eml download, a mailto: link, or SMTP — each reviewed first, then recorded.

The SMTP password is used for one request only (or read from the keyring); it is never
stored. Sending goes through `decline.service.letters.send`, exactly as `decline send`
does: the same letter (the saved draft, or the one already handed over), the same review,
the same SMTP timeout, the same refusals. A letter handed over (downloaded as .eml, opened
in the mail app) stays on this page with "I sent it" until the person confirms it.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline.errors import InputError
from decline.web import service
from decline.web.pages.common import checked_form, db, field, see_other, settings
from decline.web.pages.letters import reviewed
from decline.web.render import attachment, page, words


def _state(request: Request, offer_id: str) -> dict[str, Any]:
    """Return the letter to show: the saved draft, or one that may have gone out."""
    from decline.workspace import letters as store
    from decline.workspace.catalog import get_offer
    from decline.workspace.outbox import reviewable, stored

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        offer = get_offer(connection, offer_id)
        last = store.latest(connection, offer_id)
        maybe_sent = last if last is not None and last["state"] == "sending" else None
        # the saved draft, or the letter already handed over (.eml, mailto) to send
        draft = maybe_sent or store.latest(connection, offer_id, "draft", "prepared")
        sent = store.latest(connection, offer_id, "sent") if draft is None else None
    text = ""
    lang = "auto"
    if draft is not None and draft["body"]:
        text, lang = reviewable(stored(draft))
    chosen = settings(request)
    context = (
        reviewed(text, lang, offer, chosen) if text else {"report": None, "review_error": None}
    )
    return {
        "offer": offer,
        "draft": draft,
        "last": last,
        "maybe_sent": maybe_sent,
        "sent_on": (sent["sent_at"] or "")[:10] if sent is not None else None,
        "text": text,
        **context,
    }


async def show(request: Request) -> Response:
    """Show the saved draft, its verdict and the three ways to send it."""
    offer_id = request.path_params["offer_id"]
    state = await run_in_threadpool(_state, request, offer_id)
    return page(request, "send.html", smtp=settings(request).smtp, result=None, **state)


async def deliver(request: Request) -> Response:
    """Send or prepare the letter the chosen way."""
    from decline.send.smtp import DeliveryError, MaybeDelivered
    from decline.workspace.outbox import NotReady, SendRefused

    offer_id = request.path_params["offer_id"]
    form = await checked_form(request)
    via = field(form, "via")
    t = words(request)
    problem = None
    try:
        result = await run_in_threadpool(_send, request, offer_id, via, form)
    except NotReady:
        problem = t("send.not_ready")
    except SendRefused as refusal:
        problem = str(refusal)
    except MaybeDelivered as unknown:
        problem = t("send.maybe_sent_now", reason=str(unknown))
    except DeliveryError as failure:
        problem = t("send.failed", reason=str(failure))
    if problem is None and via == "eml":
        return Response(
            result.message,
            media_type="message/rfc822",
            headers={"content-disposition": attachment(f"{offer_id}-decline.eml")},
        )
    state = await run_in_threadpool(_state, request, offer_id)
    return page(
        request,
        "send.html",
        status=200 if problem is None else 409,
        smtp=settings(request).smtp,
        result=None if problem else result,
        problem=problem,
        via=via,
        **state,
    )


def _send(request: Request, offer_id: str, via: str, form: Any) -> Any:
    from decline.send.methods import method
    from decline.send.smtp import find_password
    from decline.service import letters

    chosen = settings(request)
    target = None
    password = None
    if method(via).needs_server:
        port_text = field(form, "port").strip()
        if port_text and (not port_text.isdigit() or len(port_text) > 5):
            raise InputError(f"port: expected a number, found {port_text!r}", field="port")
        host = field(form, "host").strip()
        if not host:
            raise InputError(words(request)("send.no_host"), field="host")
        target = letters.smtp_target(
            chosen,
            host=host,
            port=int(port_text) if port_text else None,
            security=field(form, "security") or None,
            user=field(form, "user").strip() or None,
        )
        assert target is not None  # a host was given
        password = field(form, "password") or find_password(target.user)
    with service.workspace(db(request)) as opened, tempfile.TemporaryDirectory() as folder:
        return letters.send(
            opened,
            chosen,
            offer_id,
            via=via,
            out=Path(folder) / "decline.eml",
            target=target,
            password=password,
            again=field(form, "again") == "1",
            today=date.today(),
        )


async def confirm(request: Request) -> Response:
    """Record that the candidate sent the letter themselves; plan the follow-ups."""
    from decline.service.letters import confirm_sent

    await checked_form(request)
    offer_id = request.path_params["offer_id"]

    def store() -> None:
        with service.workspace(db(request)) as opened:
            confirm_sent(opened, offer_id, date.today())

    await run_in_threadpool(store)
    return see_other("/status")


ROUTES = [
    Route("/send/{offer_id}", show, methods=["GET"]),
    Route("/send/{offer_id}", deliver, methods=["POST"]),
    Route("/send/{offer_id}/sent", confirm, methods=["POST"]),
]
