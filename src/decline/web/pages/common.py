"""What every page handler needs: the workspace path, a checked form, a redirect."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse

from decline.web import inputs
from decline.web.render import check_csrf

if TYPE_CHECKING:
    from decline.settings import Settings


def db(request: Request) -> Path:
    """Return the workspace's path."""
    path: Path = request.app.state.db_path
    return path


def settings(request: Request) -> Settings:
    """Return the person's settings (the built-in defaults when the app was given none)."""
    chosen: Settings | None = request.app.state.settings
    if chosen is None:
        from decline.settings import Settings

        chosen = Settings()
    return chosen


async def checked_form(request: Request) -> FormData:
    """Return the posted form after checking its CSRF token."""
    form = await inputs.form(request)
    check_csrf(request, form)
    return form


def field(form: FormData, name: str, default: str = "") -> str:
    """Return a text field of a form (files and missing fields give the default)."""
    value = form.get(name, default)
    return value if isinstance(value, str) else default


def see_other(url: str) -> RedirectResponse:
    """Redirect after a POST, so reloading the page does not post again."""
    return RedirectResponse(url, status_code=303)
