"""Compare (P1): the table, the chart, the recommendation; try other priorities and re-rank.

Trying priorities is a GET (`?w.growth=5&…`): it changes nothing, so a link can share it.
Saving them as the workspace's priorities is a POST, and so is saving exchange rates. The
ranking itself is `decline.service.offers.compare_with_settings`, as in the CLI and API.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline.errors import InputError, NotFoundError
from decline.offers import OfferSet
from decline.web import service
from decline.web.pages.common import checked_form, db, field, see_other, settings
from decline.web.render import page, ui_language, words

PREFIX = "w."


def _weights(params: Any, offers: OfferSet) -> dict[str, float] | None:
    """Return the weights the query (or form) asks for, or None to use the stored ones."""
    chosen: dict[str, float] = {}
    for name in service.criteria(offers):
        raw = params.get(PREFIX + name)
        if raw is None:
            continue
        try:
            value = float(raw)
        except ValueError:
            raise InputError(f"{name}: expected a weight from 0 to 10, found {raw!r}") from None
        if not 0 <= value <= 10:
            raise InputError(f"{name}: expected a weight from 0 to 10, found {raw!r}")
        chosen[name] = value
    return chosen or None


def _comparison(request: Request, params: Any) -> tuple[OfferSet, Any, dict[str, float]]:
    from decline.service.offers import compare_with_settings

    stored = _stored(request)
    if stored is None:
        raise NotFoundError(words(request)("compare.no_offers"), field="offer")
    offers = stored
    weights = _weights(params, offers)
    compared = compare_with_settings(
        offers, settings(request), weights=weights, lang=_words_language(request)
    )
    offers, comparison = compared.offers, compared.comparison
    shown = dict.fromkeys(service.criteria(offers), 0.0)
    if offers.priorities.weights:
        shown.update(offers.priorities.weights)
    else:
        shown.update({name: round(share * 10, 1) for name, share in comparison.weights.items()})
    return offers, comparison, shown


def _currencies(offers: OfferSet) -> int:
    """Return how many currencies the offers use."""
    return len({offer.currency for offer in offers.offers if offer.currency})


def _stored(request: Request) -> OfferSet | None:
    """Return the workspace's offers, or None while it holds none."""
    from decline.workspace.catalog import get_candidate, offer_set

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        if get_candidate(connection) is None:
            return None
        offers = offer_set(connection)
    return offers if offers.offers else None


def _rates_form(offers: OfferSet, missing: list[str], lang: str = "en") -> dict[str, Any]:
    """Return what the exchange-rate form shows: the base, each other currency and its rate.

    A rate is written in the page's notation (1,17 in Italian), as the form reads it back.
    """
    from babel.numbers import format_decimal

    from decline.web.inputs import babel_locale

    used = sorted({offer.currency for offer in offers.offers if offer.currency})
    base = offers.fx_base or (used[0] if used else "")
    others = [code for code in used if code != base]
    locale = babel_locale(lang)

    def shown(rate: float | None) -> str:
        if rate is None:
            return ""
        return str(format_decimal(rate, format="0.##########", locale=locale))

    return {
        "base": base,
        "currencies": used,
        "rates": {code: shown(offers.fx_rates.get(code)) for code in others},
        "missing": missing,
    }


async def index(request: Request) -> Response:
    """Show the comparison with the priority sliders."""
    from decline.evaluate.explain import (
        Words,
        estimate_lines,
        recommendation_lines,
        sensitivity_lines,
        weights_line,
    )
    from decline.evaluate.report import grid
    from decline.service.offers import missing_rates

    stored = await run_in_threadpool(_stored, request)
    if stored is None:  # nothing to compare yet: say where offers come from, in words
        return page(request, "compare.html", comparison=None, fx=None, fx_problems={})
    missing = missing_rates(stored)
    if missing:  # never ranked without a rate: ask for it, beside its field
        return page(
            request,
            "compare.html",
            status=409,
            comparison=None,
            fx=_rates_form(stored, missing, ui_language(request)),
            fx_problems={},
        )
    offers, comparison, shown = await run_in_threadpool(_comparison, request, request.query_params)
    words = Words(_words_language(request))
    return page(
        request,
        "compare.html",
        grid=grid(comparison, words),
        recommendation=recommendation_lines(comparison, words),
        sensitivity=sensitivity_lines(comparison, words),
        estimates=estimate_lines(comparison, words),
        weights_line=weights_line(comparison, words),
        comparison=comparison,
        weights=shown,
        criterion_name=words.criterion,
        ahp=bool(offers.priorities.pairwise),
        query=request.url.query,
        prefix=PREFIX,
        fx=_rates_form(offers, [], ui_language(request)) if _currencies(offers) > 1 else None,
        fx_problems={},
    )


def _words_language(request: Request) -> str:
    """Return the page's language when the comparison's words exist in it, else English."""
    from decline.evaluate.explain import languages

    lang = ui_language(request)
    return lang if lang in languages() else "en"


async def chart(request: Request) -> Response:
    """Draw the chart of the same comparison as SVG (`?size=narrow`: for a phone, 1:1)."""
    from decline.evaluate.chart import NARROW, WIDTH, save_chart
    from decline.evaluate.explain import Words

    _, comparison, _ = await run_in_threadpool(_comparison, request, request.query_params)
    words = Words(_words_language(request))

    def draw() -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "chart.svg"
            width = NARROW if request.query_params.get("size") == "narrow" else WIDTH
            save_chart(comparison, path, words, width)
            return path.read_bytes()

    svg = await run_in_threadpool(draw)
    # matplotlib's SVG styles itself inline; it is shown as an image, never as a document
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"},
    )


async def save_priorities(request: Request) -> Response:
    """Keep the tried weights as the workspace's priorities."""
    from decline.service.offers import save_priorities as keep
    from decline.workspace.store import utc_now

    form = await checked_form(request)

    def store() -> None:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            from decline.workspace.catalog import offer_set

            weights = _weights(form, offer_set(connection))
            if weights is None:
                raise InputError("priorities: nothing to save", field="priorities")
            keep(connection, weights, utc_now())

    await run_in_threadpool(store)
    return see_other("/compare")


async def save_rates(request: Request) -> Response:
    """Keep the exchange rates the form gives (the offer file's `[fx]`), then compare."""
    from decline.offers.parsing import OfferFileError
    from decline.service.offers import save_rates as keep
    from decline.web.inputs import NumberError, babel_locale, localized_number
    from decline.workspace.store import utc_now

    form = await checked_form(request)
    t = words(request)
    offers = await run_in_threadpool(service.offer_set, db(request))
    shown = _rates_form(offers, [], t.lang)
    base = field(form, "fx_base").strip().upper() or shown["base"]
    problems: dict[str, str] = {}
    rates: dict[str, float] = {}
    for code in shown["currencies"]:
        raw = field(form, f"fx_{code}").strip()
        if code == base:
            continue
        if not raw:
            problems[code] = t("compare.fx_missing", code=code)
            continue
        try:
            rates[code] = float(localized_number(raw, babel_locale(t.lang)))
        except NumberError:
            problems[code] = t("offer_form.number_bad", text=raw)
    if not problems:

        def store() -> None:
            with service.workspace(db(request)) as opened, opened.transaction() as connection:
                keep(connection, base, rates, utc_now())

        try:
            await run_in_threadpool(store)
        except OfferFileError as error:
            for problem in error.problems:
                code = (problem.field or "").removeprefix("fx.").upper()
                problems[code if code in shown["currencies"] else "base"] = problem.detail
    if problems:
        shown.update(base=base, rates={code: field(form, f"fx_{code}") for code in shown["rates"]})
        return page(
            request,
            "compare.html",
            status=422,
            comparison=None,
            fx=shown,
            fx_problems=problems,
        )
    return see_other("/compare")


ROUTES = [
    Route("/compare", index, methods=["GET"]),
    Route("/compare/chart.svg", chart, methods=["GET"]),
    Route("/compare/priorities", save_priorities, methods=["POST"]),
    Route("/compare/rates", save_rates, methods=["POST"]),
]
