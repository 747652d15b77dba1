"""Compare (P1): the table, the chart, the recommendation; try other priorities and re-rank.

Trying priorities is a GET (`?w.growth=5&…`): it changes nothing, so a link can share it.
Saving them as the workspace's priorities is a POST.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline.errors import InputError
from decline.offers import OfferSet
from decline.web import service
from decline.web.pages.common import checked_form, db, see_other
from decline.web.render import page, ui_language

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
    from decline import compare

    offers = service.offer_set(db(request))
    weights = _weights(params, offers)
    if weights is not None:
        offers = service.with_weights(offers, weights)
    comparison = compare(offers, samples=2_000)
    shown = dict.fromkeys(service.criteria(offers), 0.0)
    if offers.priorities.weights:
        shown.update(offers.priorities.weights)
    else:
        shown.update({name: round(share * 10, 1) for name, share in comparison.weights.items()})
    return offers, comparison, shown


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

    offers, comparison, shown = await run_in_threadpool(_comparison, request, request.query_params)
    words = Words(ui_language(request))
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
    )


async def chart(request: Request) -> Response:
    """Draw the chart of the same comparison as SVG."""
    from decline.evaluate.chart import save_chart
    from decline.evaluate.explain import Words

    _, comparison, _ = await run_in_threadpool(_comparison, request, request.query_params)
    words = Words(ui_language(request))

    def draw() -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "chart.svg"
            save_chart(comparison, path, words)
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
    from decline.workspace.catalog import add_offer_set, offer_set
    from decline.workspace.store import utc_now

    form = await checked_form(request)

    def store() -> None:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            offers = offer_set(connection)
            weights = _weights(form, offers)
            if weights is None:
                raise InputError("priorities: nothing to save")
            updated = service.with_weights(offers, weights)
            add_offer_set(connection, dataclasses.replace(updated, offers=()), utc_now())

    await run_in_threadpool(store)
    return see_other("/compare")


ROUTES = [
    Route("/compare", index, methods=["GET"]),
    Route("/compare/chart.svg", chart, methods=["GET"]),
    Route("/compare/priorities", save_priorities, methods=["POST"]),
]
