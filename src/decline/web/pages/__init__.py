"""The pages of the web app, one module per step of the journey."""

from __future__ import annotations

from decline.web.pages import compare, letters, offers, send, status

ROUTES = [*offers.ROUTES, *compare.ROUTES, *letters.ROUTES, *send.ROUTES, *status.ROUTES]
