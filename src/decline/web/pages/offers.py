"""Offers: who you are, your offers (add, edit, decide), and the offer file in and out."""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline.errors import InputError
from decline.offers import GENDERS, OfferSet
from decline.web import offer_form, service
from decline.web.pages.common import checked_form, db, field, see_other
from decline.web.render import page, words

CANDIDATE_FIELDS = (
    "name",
    "email",
    "phone",
    "linkedin",
    "city",
    "address",
    "lang",
    "grammatical_gender",
)


def _stored(request: Request) -> tuple[OfferSet | None, dict[str, str]]:
    from decline.workspace.catalog import get_candidate, offer_set
    from decline.workspace.status import offer_statuses

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        decisions = {s.offer_id: s.decision or "" for s in offer_statuses(connection, _today())}
        if get_candidate(connection) is None:
            return None, decisions
        return offer_set(connection), decisions


def _today() -> Any:
    from datetime import date

    return date.today()


async def home(request: Request) -> Response:
    """Send a new user to their offers."""
    return see_other("/offers")


async def _offers_page(
    request: Request,
    status: int = 200,
    *,
    candidate: dict[str, str] | None = None,
    candidate_problems: list[str] | None = None,
    import_problems: list[str] | None = None,
    kept: list[str] | None = None,
    **more: Any,
) -> Response:
    """Render the Offers page over what is stored now; `more` for the import question."""
    stored, decisions = await run_in_threadpool(_stored, request)
    return page(
        request,
        "offers.html",
        status=status,
        stored=stored,
        decisions=decisions,
        candidate=offer_form.candidate_values(stored) if candidate is None else candidate,
        genders=GENDERS,
        candidate_problems=candidate_problems or [],
        import_problems=import_problems or [],
        kept=[name for name in kept or [] if name in decisions],
        **more,
    )


async def index(request: Request) -> Response:
    """List the offers, with the candidate form and the offer file's import and export."""
    kept = [name for name in request.query_params.get("kept", "").split(",") if name]
    return await _offers_page(request, kept=kept)


async def save_candidate(request: Request) -> Response:
    """Store who the candidate is (their name comes first: letters are signed with it).

    Only the fields this page shows are changed; the others (hourly rate …) are kept as
    they are (`service.offers.save_candidate`).
    """
    form = await checked_form(request)
    # a post from a page without the gender field (an older one, a script) keeps it as it is
    shown = [name for name in CANDIDATE_FIELDS if name != "grammatical_gender" or name in form]
    values = {name: field(form, name).strip() for name in shown}
    result = await run_in_threadpool(_store_candidate, request, values)
    if result:
        return await _offers_page(request, 422, candidate=values, candidate_problems=result)
    next_page = field(form, "next")
    return see_other(next_page if next_page in ("/offers/new", "/offers") else "/offers")


def _store_candidate(request: Request, values: dict[str, str]) -> list[str]:
    from decline.offers.parsing import OfferFileError
    from decline.service import offers as actions
    from decline.workspace.store import utc_now

    if not values.get("name"):
        return [words(request)("offers.name_needed")]
    try:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            actions.save_candidate(connection, values, utc_now())
    except OfferFileError as error:
        return [problem.detail for problem in error.problems]
    return []


async def edit(request: Request) -> Response:
    """Show the offer form: empty for a new offer, filled for an existing one.

    Before the candidate has given their name, the page asks for it first, and shows no
    offer fields to fill in vain.
    """
    offer_id = request.path_params.get("offer_id")
    existing = await run_in_threadpool(service.offer, db(request), offer_id) if offer_id else None
    stored, _ = await run_in_threadpool(_stored, request)
    return page(
        request,
        "offer_form.html",
        form=offer_form.from_offer(existing),
        editing=offer_id,
        rating_fields=offer_form.rating_fields(),
        criterion_label=_criterion_label(request),
        name_first=stored is None,
        registers=_registers(stored),
    )


def _registers(stored: OfferSet | None) -> tuple[str, ...]:
    """Return the registers the offer form offers per contact: the letters' language's."""
    from decline.languages import available, meta

    if stored is None or stored.candidate.lang not in available():
        return ()
    return meta(stored.candidate.lang).registers


def _criterion_label(request: Request) -> Any:
    """Return the function naming a criterion in the page's language (its label is data)."""
    from decline.evaluate.explain import Words, languages

    lang = words(request).lang
    return Words(lang if lang in languages() else "en").criterion


async def save(request: Request) -> Response:
    """Validate the offer form with the offer file's own rules, then store the offer."""
    form = await checked_form(request)
    values = {name: field(form, name) for name in offer_form.fields()}
    editing = field(form, "editing") or None
    if editing:
        values["id"] = editing
    result = await run_in_threadpool(_store_offer, request, values, editing)
    if isinstance(result, offer_form.OfferForm):
        stored, _ = await run_in_threadpool(_stored, request)
        return page(
            request,
            "offer_form.html",
            status=422,
            form=result,
            editing=editing,
            rating_fields=offer_form.rating_fields(),
            criterion_label=_criterion_label(request),
            name_first=stored is None,
            registers=_registers(stored),
        )
    return see_other(f"/offers#offer-{result}")


def _store_offer(request: Request, values: dict[str, str], editing: str | None) -> Any:
    from decline.workspace.catalog import add_offer_set, get_candidate, get_offer, offer_set
    from decline.workspace.store import utc_now

    t = words(request)
    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        if get_candidate(connection) is None:
            form = offer_form.OfferForm(values)
            form.general.append(t("offers.you_first"))
            return form
        stored = offer_set(connection)
        existing = get_offer(connection, editing) if editing else None
        result = offer_form.read(values, stored, existing, t)
        if isinstance(result, offer_form.OfferForm):
            return result
        if not editing and result.id in {o.id for o in stored.offers}:
            form = offer_form.OfferForm(values)
            form.problems["id"] = t("offers.id_taken", id=result.id)
            return form
        add_offer_set(connection, dataclasses.replace(stored, offers=(result,)), utc_now())
        return result.id


async def decide(request: Request) -> Response:
    """Record the decision on an offer (404 for an unknown one)."""
    from decline.service import offers as actions
    from decline.workspace.store import utc_now

    form = await checked_form(request)
    choice = field(form, "decision")

    def store() -> None:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            actions.decide(connection, request.path_params["offer_id"], choice, utc_now())

    await run_in_threadpool(store)
    return see_other(field(form, "next") if field(form, "next").startswith("/") else "/offers")


async def import_file(request: Request) -> Response:
    """Import an offer file (uploaded, or pasted); ask before replacing stored offers.

    An offer whose id is already stored with other terms is replaced only after the
    person confirms on the page that lists them (and says their decisions are kept).
    """
    from decline.service.offers import ReplaceNeeded

    form = await checked_form(request)
    upload = form.get("file")
    text = field(form, "text")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return await _import_failed(request, [words(request)("offers.not_utf8")])
    if not text.strip():
        return await _import_failed(request, [words(request)("offers.import_empty")])
    replace = field(form, "replace") == "yes"
    try:
        kept = await run_in_threadpool(_import, request, text, replace)
    except ReplaceNeeded as question:
        return await _offers_page(request, 409, replacing=question.offers, import_text=text)
    except InputError as error:
        return await _import_failed(request, str(error).splitlines())
    return see_other("/offers?kept=" + ",".join(kept) if kept else "/offers")


def _import(request: Request, text: str, replace: bool) -> list[str]:
    from decline.offers.parsing import parse_offers
    from decline.service.offers import add_offers
    from decline.workspace.store import utc_now

    offers = parse_offers(text, "offers.toml")
    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        result = add_offers(connection, offers, utc_now(), replace=replace)
    return sorted(result.kept_decisions)


async def _import_failed(request: Request, problems: list[str]) -> Response:
    return await _offers_page(request, 422, import_problems=problems)


async def export(request: Request) -> Response:
    """Download the workspace as an offer file."""
    from decline.offers.writing import dump_offers

    offers = await run_in_threadpool(service.offer_set, db(request))
    return Response(
        dump_offers(offers),
        media_type="application/toml; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="offers.toml"'},
    )


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/offers", index, methods=["GET"]),
    Route("/offers/you", save_candidate, methods=["POST"]),
    Route("/offers/new", edit, methods=["GET"]),
    Route("/offers/save", save, methods=["POST"]),
    Route("/offers/import", import_file, methods=["POST"]),
    Route("/offers/export.toml", export, methods=["GET"]),
    Route("/offers/{offer_id}/edit", edit, methods=["GET"]),
    Route("/offers/{offer_id}/decide", decide, methods=["POST"]),
]
