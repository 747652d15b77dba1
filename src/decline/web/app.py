"""The web app: `create_app(db_path)` gives the ASGI app `decline serve` runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from decline.web import api, languagetool, pages
from decline.web.errors import handlers
from decline.web.guard import BODY_TIMEOUT, Guard, is_loopback
from decline.web.render import error_page


def create_app(
    db_path: Path,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    settings: Any = None,
    body_timeout: float = BODY_TIMEOUT,
) -> Starlette:
    """Return the app over the workspace at `db_path`, guarded for `host`.

    Bound to a loopback address, the app answers only to loopback `Host` names; bound
    elsewhere it needs a `token` (refused without one). A request body must arrive within
    `body_timeout` seconds.
    """
    loopback = is_loopback(host)
    if not loopback and not token:
        raise ValueError(f"listening on {host} needs a token; loopback needs none")
    static = StaticFiles(packages=[("decline.web", "static")])
    routes = [
        *languagetool.ROUTES,
        *api.ROUTES,
        *pages.ROUTES,
        Mount("/static", app=static, name="static"),
    ]
    answers = handlers(error_page)
    guard = Middleware(
        Guard,
        token=token,
        loopback=loopback,
        on_bug=answers[Exception],
        body_timeout=body_timeout,
    )
    app = Starlette(routes=routes, middleware=[guard], exception_handlers=answers)
    app.state.db_path = db_path
    app.state.settings = settings
    return app
