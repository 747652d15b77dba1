"""The demo journey writes every artefact, and the message really went through SMTP."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import date
from pathlib import Path

from icalendar import Calendar

from decline.workspace.journey import run_journey


def test_the_journey_sends_and_leaves_every_artefact(tmp_path: Path) -> None:
    artefacts = dict(run_journey(tmp_path, today=date(2026, 11, 20)))
    assert all(path.exists() for path in artefacts.values())
    received = artefacts["message received by the local SMTP server"]
    message = email.message_from_bytes(received.read_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "maria.rossi@acme.example"
    assert json.loads(artefacts["review"].read_text())["ready_to_send"] is True
    status = json.loads(artefacts["status"].read_text())
    assert {s["id"]: s["letter"] for s in status}["acme"] == "sent"
    assert len(json.loads(artefacts["follow-ups"].read_text())) == 3
    events = Calendar.from_ical(artefacts["calendar"].read_bytes()).walk("VEVENT")
    assert len(events) == 5  # two open deadlines, three follow-ups
