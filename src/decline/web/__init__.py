"""The local web app and HTTP API that `decline serve` runs (Starlette, Jinja2)."""

from __future__ import annotations

from decline.web.app import create_app

__all__ = ["create_app"]
