"""Status (P3) and follow-ups (P6, P7): what is urgent, done/snooze, and the calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decline.errors import InputError
from decline.web import service
from decline.web.pages.common import checked_form, db, field, see_other
from decline.web.render import page


def _read(request: Request) -> dict[str, Any]:
    from decline.workspace.followups import list_followups
    from decline.workspace.status import offer_statuses

    with service.workspace(db(request)) as opened, opened.transaction() as connection:
        return {
            "statuses": offer_statuses(connection, date.today()),
            "followups": list_followups(connection),
            "today": date.today(),
        }


async def index(request: Request) -> Response:
    """Show each offer's next step and the pending follow-ups."""
    return page(request, "status.html", **await run_in_threadpool(_read, request))


async def followup(request: Request) -> Response:
    """Mark a follow-up done, or snooze it by a number of days."""
    from decline.service.letters import followup_done, followup_snooze

    form = await checked_form(request)
    number: int = request.path_params["number"]
    action = field(form, "action")
    days_text = field(form, "days", "7").strip()

    def store() -> None:
        with service.workspace(db(request)) as opened:
            if action == "done":
                followup_done(opened, number)
            elif action == "snooze":
                if not days_text.isdigit() or len(days_text) > 9:
                    raise InputError(
                        f"days: expected a number of days from 1 to 3,650, found {days_text!r}",
                        field="days",
                    )
                followup_snooze(opened, number, int(days_text))
            else:
                raise InputError(f"action: expected done or snooze, found {action!r}")

    await run_in_threadpool(store)
    return see_other("/status#followups")


async def calendar(request: Request) -> Response:
    """Download deadlines and follow-ups as an .ics calendar."""
    from decline.workspace.calendar_export import build_calendar

    def build() -> bytes:
        with service.workspace(db(request)) as opened, opened.transaction() as connection:
            data: bytes = build_calendar(connection, date.today()).to_ical()
        return data

    return Response(
        await run_in_threadpool(build),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="decline.ics"'},
    )


ROUTES = [
    Route("/status", index, methods=["GET"]),
    Route("/followups/{number:int}", followup, methods=["POST"]),
    Route("/calendar.ics", calendar, methods=["GET"]),
]
