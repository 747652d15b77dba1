"""The whole journey on the bundled example, for `decline demo`: every artefact on disk.

add → decide → write → review → send (to a loopback SMTP sink started here, else an .eml)
→ status → follow-ups → calendar, in a fresh workspace inside `workdir`.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from decline.send.sink import SmtpSink
from decline.send.smtp import SmtpTarget
from decline.workspace.calendar_export import build_calendar
from decline.workspace.catalog import add_offer_set, decide
from decline.workspace.followups import list_followups
from decline.workspace.letters import LetterDraft, save_draft
from decline.workspace.outbox import SendRequest, send
from decline.workspace.status import offer_statuses
from decline.workspace.store import Workspace, utc_now


def example_path() -> Path:
    """Return the bundled example offer file."""
    return Path(str(resources.files("decline") / "data" / "example_offers.toml"))


def run_journey(
    workdir: Path, *, offer_id: str | None = None, today: date | None = None
) -> list[tuple[str, Path]]:
    """Run the journey in `workdir`; return (what, path) for each artefact written."""
    from decline import compose, load_offers, review

    workdir.mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    offers = load_offers(example_path())
    offer = offers.offer(offer_id) if offer_id else offers.offers[0]
    artefacts: list[tuple[str, Path]] = [("workspace", workdir / "decline.db")]
    with Workspace.open(workdir / "decline.db") as workspace:
        letter = compose(offer, offers.candidate, date=today)
        with workspace.transaction() as connection:
            add_offer_set(connection, offers, utc_now())
            decide(connection, offer.id, "decline", utc_now())
            save_draft(
                connection,
                offer.id,
                LetterDraft.from_letter(letter),
                utc_now(),
            )
        letter_path = workdir / f"{offer.id}-decline.txt"
        letter_path.write_text(letter.reviewable_text() + "\n", encoding="utf-8")
        artefacts.append(("letter", letter_path))
        report = review(
            letter.reviewable_text(),
            letter.lang,
            received=offer.received,
            deadline=offer.deadline,
            today=today,
        )
        review_path = workdir / f"{offer.id}-review.json"
        review_path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
        artefacts.append(("review", review_path))
        artefacts.extend(_send(workspace, workdir, offer.id, today))
        with workspace.transaction() as connection:
            statuses = [status.to_dict() for status in offer_statuses(connection, today)]
            followups = [followup.to_dict() for followup in list_followups(connection)]
            calendar = build_calendar(connection, today)
        status_path = workdir / "status.json"
        status_path.write_text(json.dumps(statuses, indent=2, ensure_ascii=False) + "\n", "utf-8")
        artefacts.append(("status", status_path))
        followups_path = workdir / "followups.json"
        followups_path.write_text(
            json.dumps(followups, indent=2, ensure_ascii=False) + "\n", "utf-8"
        )
        artefacts.append(("follow-ups", followups_path))
        calendar_path = workdir / "decline.ics"
        calendar_path.write_bytes(calendar.to_ical())
        artefacts.append(("calendar", calendar_path))
    return artefacts


def _send(
    workspace: Workspace, workdir: Path, offer_id: str, today: date
) -> list[tuple[str, Path]]:
    """Send to a loopback sink; when no socket can be opened, prepare an .eml instead."""
    try:
        sink = SmtpSink(workdir / "inbox")
    except OSError:
        out = workdir / f"{offer_id}-decline.eml"
        send(workspace, SendRequest(offer_id=offer_id, via="eml", out=out, today=today))
        return [("message (.eml, no SMTP server could start)", out)]
    with sink:
        target = SmtpTarget("127.0.0.1", sink.port, "none", timeout=10)
        send(workspace, SendRequest(offer_id=offer_id, via="smtp", target=target, today=today))
    return [("message received by the local SMTP server", path) for path in sink.received]
