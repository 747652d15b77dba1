"""Send: the .eml download, a mailto: link, or SMTP — each reviewed first, then recorded.

The SMTP password is used for one request only (or read from the keyring); it is never
stored. Sending goes through `workspace.outbox.send`, exactly as `decline send` does.
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
from decline.web.pages.common import checked_form, db, field, see_other
from decline.web.pages.letters import reviewed
from decline.web.render import page, words


def _settings(request: Request) -> Any:
    settings = request.app.state.settings
    if settings is None:
        from decline.settings import Settings

        settings = Settings()
    return settings


def _state(request: Request, offer_id: str) -> dict[str, Any]:
    """Return the letter to show: the saved draft, or one that may have gone out."""
    from decline.workspace import letters as store
    from decline.workspace.catalog import get_offer
    from decline.workspace.outbox import reviewable, stored

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        offer = get_offer(connection, offer_id)
        last = store.latest(connection, offer_id)
        maybe_sent = last if last is not None and last["state"] == "sending" else None
        draft = maybe_sent or store.latest(connection, offer_id, "draft")
    text = ""
    lang = "auto"
    if draft is not None and draft["body"]:
        text, lang = reviewable(stored(draft))
    context = reviewed(text, lang, offer) if text else {"report": None, "review_error": None}
    return {
        "offer": offer,
        "draft": draft,
        "last": last,
        "maybe_sent": maybe_sent,
        "text": text,
        **context,
    }


async def show(request: Request) -> Response:
    """Show the saved draft, its verdict and the three ways to send it."""
    offer_id = request.path_params["offer_id"]
    state = await run_in_threadpool(_state, request, offer_id)
    return page(request, "send.html", smtp=_settings(request).smtp, result=None, **state)


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
            headers={"content-disposition": f'attachment; filename="{offer_id}-decline.eml"'},
        )
    state = await run_in_threadpool(_state, request, offer_id)
    return page(
        request,
        "send.html",
        status=200 if problem is None else 409,
        smtp=_settings(request).smtp,
        result=None if problem else result,
        problem=problem,
        via=via,
        **state,
    )


def _send(request: Request, offer_id: str, via: str, form: Any) -> Any:
    from decline.send.smtp import DEFAULT_PORTS, SmtpTarget, find_password
    from decline.workspace.outbox import SendRequest, send

    settings = _settings(request)
    target = None
    password = None
    if via == "smtp":
        host = field(form, "host").strip()
        security = field(form, "security") or "starttls"
        if security not in DEFAULT_PORTS:
            raise InputError(f"security: expected starttls, ssl or none, found {security!r}")
        port_text = field(form, "port").strip()
        if port_text and not port_text.isdigit():
            raise InputError(f"port: expected a number, found {port_text!r}")
        if not host:
            raise InputError(words(request)("send.no_host"))
        user = field(form, "user").strip() or None
        port = int(port_text) if port_text else DEFAULT_PORTS[security]
        target = SmtpTarget(host, port, security, user, timeout=20)
        password = field(form, "password") or (find_password(user) if user else None)
    elif via not in ("eml", "mailto"):
        raise InputError(f"via: expected eml, mailto or smtp, found {via!r}")
    with service.workspace(db(request)) as opened, tempfile.TemporaryDirectory() as folder:
        request_ = SendRequest(
            offer_id=offer_id,
            via=via,
            out=Path(folder) / "decline.eml",
            target=target,
            password=password,
            sender=settings.smtp.sender,
            review_ignore=settings.review_ignore,
            again=field(form, "again") == "1",
            today=date.today(),
        )
        return send(opened, request_)


async def confirm(request: Request) -> Response:
    """Record that the candidate sent the letter themselves; plan the follow-ups."""
    from decline.workspace.confirm import record_sent

    await checked_form(request)
    offer_id = request.path_params["offer_id"]

    def store() -> None:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            record_sent(connection, offer_id, date.today())

    await run_in_threadpool(store)
    return see_other("/status")


ROUTES = [
    Route("/send/{offer_id}", show, methods=["GET"]),
    Route("/send/{offer_id}", deliver, methods=["POST"]),
    Route("/send/{offer_id}/sent", confirm, methods=["POST"]),
]
