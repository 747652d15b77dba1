"""The JSON API under `/api/v1`: review, write, compare, offers, letters, follow-ups.

Every answer is an object: `{"ok": true, …}` on success, the one error shape otherwise.
Handlers only read input, call the core or the workspace, and shape the answer.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from decline.errors import InputError
from decline.offers.writing import offer_json
from decline.service.reports import summary_line
from decline.web import inputs, service
from decline.web.errors import ApiError
from decline.web.languagetool import offload
from decline.web.pages.common import settings


def _db(request: Request) -> Path:
    path: Path = request.app.state.db_path
    return path


def ok(**values: Any) -> JSONResponse:
    """Return a success answer."""
    return JSONResponse({"ok": True, **values})


async def review(request: Request) -> Response:
    """Review any draft: `{"text", "lang"?, "offer"?, "ignore"?, "today"?}`."""
    data = await inputs.json_object(request)
    text = inputs.text(data, "text", required=True)
    assert text is not None
    lang = inputs.text(data, "lang") or "auto"
    today = inputs.day(data, "today")
    ignore = (*settings(request).review_ignore, *inputs.text_list(data, "ignore"))
    offer_id = inputs.text(data, "offer")
    offer = await run_in_threadpool(service.offer, _db(request), offer_id) if offer_id else None
    review_it = partial(service.review, text, lang, offer=offer, today=today, ignore=ignore)
    report = await offload(len(text), review_it)
    labels = service.checklist_labels(report.lang)
    rows = [row.to_dict() for row in service.checklist(report, labels)]
    return ok(report=report.to_dict(), checklist=rows, summary=summary_line(report))


async def write(request: Request) -> Response:
    """Compose the decline for a stored offer (nothing is saved; see `letters`)."""
    return await _sync(request, _write)


def _write(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.service.letters import compose_reviewed

    offer_id = inputs.text(data, "offer", required=True)
    assert offer_id is not None
    offers = service.offer_set(_db(request))
    composed = compose_reviewed(
        offers.offer(offer_id),
        offers.candidate,
        settings(request),
        reason=inputs.text(data, "reason"),
        tone=inputs.text(data, "tone"),
        channel=inputs.text(data, "channel"),
        lang=inputs.text(data, "lang"),
        variant=inputs.whole(data, "variant", 0, 0, 1000),
        register=inputs.text(data, "register"),
        date=inputs.day(data, "date"),
    )
    return {
        "letter": {
            **composed.letter.to_dict(),
            "text": composed.text,
            "talking_points": composed.talking_points,
        },
        "review": composed.report.to_dict(),
        "summary": summary_line(composed.report),
    }


async def compare(request: Request) -> Response:
    """Rank the stored offers; POST `{"weights": {…}}` to try other priorities."""
    return await _sync(request, _compare)


def _compare(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.evaluate.explain import Words, recommendation_lines, sensitivity_lines
    from decline.service.offers import SAMPLES, compare_with_settings

    offers = service.offer_set(_db(request))
    weights = inputs.numbers(data, "weights")
    samples = inputs.whole(data, "samples", SAMPLES, 0, 100_000)
    seed = inputs.whole(data, "seed", 0, 0, 2**31)
    lang = inputs.text(data, "lang")
    compared = compare_with_settings(
        offers, settings(request), weights=weights, lang=lang, samples=samples, seed=seed
    )
    comparison = compared.comparison
    words = Words(compared.lang)
    return {
        "comparison": comparison.to_dict(),
        "recommendation": recommendation_lines(comparison, words),
        "sensitivity": sensitivity_lines(comparison, words),
    }


async def offers(request: Request) -> Response:
    """List the stored offers, or (POST `{"toml": …}`) import an offer file's text."""
    return await _sync(request, _offers)


def _offers(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.offers.parsing import parse_offers
    from decline.service.offers import add_offers
    from decline.workspace.catalog import list_offers
    from decline.workspace.store import utc_now

    with service.workspace(_db(request)) as opened, opened.transaction() as connection:
        if request.method == "POST":
            text = inputs.text(data, "toml", required=True)
            assert text is not None
            replace = data.get("replace") is True  # else 422 (field "replace") lists them
            added = add_offers(
                connection, parse_offers(text, "<request>"), utc_now(), replace=replace
            )
            summary = added.summary
            return {
                "kept_decisions": added.kept_decisions,
                "added": list(summary.added),
                "updated": list(summary.updated),
                "unchanged": list(summary.unchanged),
            }
        return {"offers": [offer_json(o) for o in list_offers(connection)]}


async def one_offer(request: Request) -> Response:
    """Show one stored offer."""
    return await _sync(request, lambda r, _: {"offer": offer_json(service.offer(_db(r), _id(r)))})


async def decision(request: Request) -> Response:
    """Record a decision: `{"decision": "accept" | "decline"}`."""
    return await _sync(request, _decision)


def _decision(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.service.offers import decide
    from decline.workspace.store import utc_now

    choice = inputs.text(data, "decision", required=True)
    with service.workspace(_db(request)) as opened, opened.transaction() as connection:
        recorded = decide(connection, _id(request), choice or "", utc_now())
    return {"offer": _id(request), "decision": choice, "changed": recorded.changed}


async def letters(request: Request) -> Response:
    """List an offer's letters, or (POST) save its draft `{"subject", "body", "lang"?}`."""
    return await _sync(request, _letters)


def _letters(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.service.letters import save_draft
    from decline.workspace import letters as store
    from decline.workspace.catalog import get_offer

    offer_id = _id(request)
    with service.workspace(_db(request)) as opened:
        if request.method == "POST":
            draft = store.LetterDraft(
                subject=inputs.text(data, "subject"),
                body=inputs.text(data, "body", required=True) or "",
                lang=inputs.text(data, "lang"),
                tone=inputs.text(data, "tone"),
                reason=inputs.text(data, "reason"),
                recipient_name=inputs.text(data, "to_name"),
                recipient_email=inputs.text(data, "to_email"),
            )
            return {"letter_id": save_draft(opened, offer_id, draft)}
        with opened.transaction() as connection:
            get_offer(connection, offer_id)
            rows = store.letters_for(connection, offer_id)
    shown = ("id", "state", "via", "subject", "body", "lang", "recipient_email", "score")
    return {"letters": [{key: row[key] for key in shown} for row in rows]}


async def followups(request: Request) -> Response:
    """List pending follow-ups (`?all=1` includes done ones)."""
    from decline.service.letters import followups as listed

    def read(request: Request, _: dict[str, Any]) -> dict[str, Any]:
        include = request.query_params.get("all") in ("1", "true")
        with service.workspace(_db(request)) as opened:
            found = listed(opened, include_done=include)
        return {"followups": [f.to_dict() for f in found]}

    return await _sync(request, read)


async def followup_action(request: Request) -> Response:
    """Mark a follow-up done, or snooze it: `{"days": N}` (1 to 3,650, default 7)."""
    from decline.service.letters import followup_done, followup_snooze

    def act(request: Request, data: dict[str, Any]) -> dict[str, Any]:
        number = request.path_params["number"]
        action = request.path_params["action"]
        if action not in ("done", "snooze"):
            raise ApiError(404, f"no follow-up action {action!r}; use done or snooze")
        with service.workspace(_db(request)) as opened:
            if action == "done":
                followup_done(opened, number)
                return {"followup": number, "done": True}
            days = data.get("days", 7)
            if isinstance(days, str) and days.strip().isdigit() and len(days.strip()) < 10:
                days = int(days)
            if not isinstance(days, int) or isinstance(days, bool):
                raise InputError(f"days: expected a whole number, found {days!r}", field="days")
            due = followup_snooze(opened, number, days)
        return {"followup": number, "due": due.isoformat()}

    return await _sync(request, act)


def _id(request: Request) -> str:
    value: str = request.path_params["offer_id"]
    return value


async def _sync(request: Request, handler: Any) -> Response:
    """Read a JSON body for POST, then run the (blocking) handler off the event loop."""
    data = await inputs.json_object(request) if request.method == "POST" else {}
    result = await run_in_threadpool(handler, request, data)
    return ok(**result)


async def fix(request: Request) -> Response:
    """Repair a draft in its own words (issue 13): `{"text", "lang"?, "to"?, "name"?,
    "company"?, "role"?, "decided"?, "offer"?, "ignore"?}`; the answer is `Repair.to_dict()`.
    The person's settings' ignored rules are not acted on, as in review."""
    return await _sync(request, _fix)


def _fix(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    from decline.repair import facts_for_offer
    from decline.repair import fix as repair

    text = inputs.text(data, "text", required=True)
    assert text is not None
    facts = {key: inputs.text(data, key) for key in ("to", "name", "company", "role")}
    decided = data.get("decided", False)
    if not isinstance(decided, bool):
        raise ApiError(422, f"decided: expected true or false, found {type(decided).__name__}")
    offer_id = inputs.text(data, "offer")
    if offer_id:
        known = facts_for_offer(
            service.offer(_db(request), offer_id), service.offer_set(_db(request)).candidate
        )
        facts = {key: value or known.get(key) for key, value in facts.items()}
    lang = inputs.text(data, "lang") or "auto"
    ignore = (*settings(request).review_ignore, *inputs.text_list(data, "ignore"))
    return repair(
        text,
        lang,
        to=facts["to"],
        name=facts["name"],
        company=facts["company"],
        role=facts["role"],
        decided=decided,
        ignore=ignore,
    ).to_dict()


async def openapi(request: Request) -> Response:
    """Return the OpenAPI document."""
    from decline.web.openapi import document

    return JSONResponse(document())


ROUTES = [
    Route("/api/v1/openapi.json", openapi, methods=["GET"]),
    Route("/api/v1/review", review, methods=["POST"]),
    Route("/api/v1/fix", fix, methods=["POST"]),
    Route("/api/v1/write", write, methods=["POST"]),
    Route("/api/v1/compare", compare, methods=["GET", "POST"]),
    Route("/api/v1/offers", offers, methods=["GET", "POST"]),
    Route("/api/v1/offers/{offer_id}", one_offer, methods=["GET"]),
    Route("/api/v1/offers/{offer_id}/decision", decision, methods=["POST"]),
    Route("/api/v1/offers/{offer_id}/letters", letters, methods=["GET", "POST"]),
    Route("/api/v1/followups", followups, methods=["GET"]),
    Route("/api/v1/followups/{number:int}/{action:str}", followup_action, methods=["POST"]),
]
