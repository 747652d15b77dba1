"""The letters service both faces call: settings applied once, bounds as InputErrors."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from decline import load_offers
from decline.errors import InputError, NotFoundError
from decline.send import methods
from decline.send.smtp import TIMEOUT
from decline.service import letters
from decline.settings import Settings, SmtpSettings
from decline.workspace import letters as store
from decline.workspace import schema
from decline.workspace.catalog import add_offer_set, decide
from decline.workspace.store import Workspace, utc_now
from web_support import EXAMPLE, GRACEFUL

SRC = Path(letters.__file__).resolve().parent.parent
FOLLOWUP_SQL = (
    "INSERT INTO followups (offer_id, kind, due, title, message, lang, created_at) "
    "VALUES ('acme', 'checkin_3m', '2027-03-01', 'Check in', 'Hello', 'en', ?)"
)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    opened = Workspace.open(tmp_path / "w.db")
    with opened.transaction() as connection:
        add_offer_set(connection, load_offers(EXAMPLE), utc_now())
        connection.execute(FOLLOWUP_SQL, (utc_now(),))
    return opened


def test_compose_takes_the_persons_default_tone_and_channel() -> None:
    offers = load_offers(EXAMPLE)
    chosen = Settings(tone="formal", channel="phone", review_ignore=("D601",))
    composed = letters.compose_reviewed(offers.offer("acme"), offers.candidate, chosen)
    assert (composed.letter.tone, composed.letter.channel) == ("formal", "phone")
    points = composed.talking_points
    assert points is not None
    assert points.startswith("Talking points")
    assert "1. " in points
    assert composed.letter.body.startswith(points)
    assert "Subject:" not in points  # the confirming e-mail is the text, below the points
    assert composed.letter.follow_up is not None
    assert composed.text == composed.letter.follow_up.reviewable_text()
    explicit = letters.compose_reviewed(
        offers.offer("acme"), offers.candidate, chosen, tone="brief", channel="email"
    )
    assert (explicit.letter.tone, explicit.letter.channel) == ("brief", "email")
    assert explicit.talking_points is None


def test_the_rules_the_person_ignores_are_ignored_and_more_can_be_added() -> None:
    rude = "Hi,\n\nI won't take the job.\n\nBye"
    everything = {f.rule for f in letters.review_draft(rude, "en").findings}
    assert "D201" in everything
    quiet = letters.review_draft(rude, "en", Settings(review_ignore=("D201",)))
    assert "D201" not in {f.rule for f in quiet.findings}
    quieter = letters.review_draft(rude, "en", Settings(review_ignore=("D201",)), ignore=("d702",))
    assert {"D201", "D702"}.isdisjoint({f.rule for f in quieter.findings})
    assert quiet.signals == letters.review_draft(rude, "en").signals


@pytest.mark.parametrize("days", [0, -1, 3651, 99_999_999, 10**23])
def test_snooze_days_out_of_range_are_an_input_error_about_days(
    workspace: Workspace, days: int
) -> None:
    with pytest.raises(InputError) as raised:
        letters.followup_snooze(workspace, 1, days)
    assert raised.value.field == "days"


@pytest.mark.parametrize("number", [0, -5, 2, 10**23, 2**63])
def test_an_unknown_follow_up_number_is_not_found(workspace: Workspace, number: int) -> None:
    for act in (
        lambda: letters.followup_done(workspace, number),
        lambda: letters.followup_snooze(workspace, number, 7),
    ):
        with pytest.raises(NotFoundError) as raised:
            act()
        assert raised.value.field == "number"


def test_done_and_snooze_within_bounds(workspace: Workspace) -> None:
    assert letters.followup_snooze(workspace, 1, 3650) == dt.date(2037, 2, 26)
    letters.followup_done(workspace, 1)
    assert letters.followups(workspace) == []
    assert [f.id for f in letters.followups(workspace, include_done=True)] == [1]


def test_one_smtp_timeout_for_every_face() -> None:
    chosen = Settings(smtp=SmtpSettings(host="mail.example", security="ssl"))
    target = letters.smtp_target(chosen)
    assert target is not None
    assert (target.port, target.timeout) == (465, TIMEOUT)
    assert letters.smtp_target(Settings()) is None
    with pytest.raises(InputError) as raised:
        letters.smtp_target(chosen, security="tls")
    assert raised.value.field == "security"
    # no face builds its own target (and so its own timeout): both go through the service
    for face in ("cli/send.py", "web/pages/send.py", "web/api.py"):
        calls = [
            node.func.id
            for node in ast.walk(ast.parse((SRC / face).read_text("utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        ]
        assert "SmtpTarget" not in calls, face


def test_an_unknown_delivery_method_is_an_error_never_a_fall_through(
    workspace: Workspace,
) -> None:
    with pytest.raises(InputError) as raised:
        letters.send(workspace, Settings(), "acme", via="sms")
    assert raised.value.field == "via"
    assert "smtp, eml, mailto" in str(raised.value)


def test_every_delivery_method_can_be_recorded_by_the_workspace() -> None:
    create = next(s for s in schema.INITIAL.statements if "CREATE TABLE letters" in s)
    allowed = create.split("via TEXT CHECK (via IN (")[1].split("))")[0]
    for name in methods.METHODS:
        assert f"'{name}'" in allowed, name
    assert set(store.VIAS) == {part.strip(" '") for part in allowed.split(",")}


def test_a_handed_over_letter_is_the_one_sent_next(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.transaction() as connection:
        decide(connection, "acme", "decline", utc_now())
    letters.save_text(workspace, "acme", f"Subject: Thank you\n\n{GRACEFUL}", lang="en")
    first = letters.send(workspace, Settings(), "acme", via="eml", out=tmp_path / "a.eml")
    assert first.state == "prepared"
    # opening it in the mail app afterwards gives that letter, not a fresh composition
    link = letters.send(workspace, Settings(tone="brief"), "acme", via="mailto")
    assert link.letter.body == GRACEFUL
    assert link.letter_id == first.letter_id
    assert letters.confirm_sent(workspace, "acme") >= 2


def test_saving_an_empty_letter_names_the_field(workspace: Workspace) -> None:
    with pytest.raises(InputError) as raised:
        letters.save_text(workspace, "acme", "  \n ")
    assert raised.value.field == "text"
    with pytest.raises(NotFoundError):
        letters.save_text(workspace, "nope", "Subject: Hi\n\nHello")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--snooze", "1", "99999999"), "days: expected a whole number of days from 1 to 3,650"),
        (("--snooze", "1", "0"), "days: expected"),
        (("--done", str(10**23)), "no follow-up number"),
        (("--snooze", "7", "3"), "no follow-up number 7"),
    ],
)
def test_the_cli_refuses_follow_ups_out_of_range_in_one_line(
    capsys: pytest.CaptureFixture[str],
    workspace: Workspace,
    args: tuple[str, ...],
    said: str,
) -> None:
    from cli_support import decline

    workspace.close()
    outcome = decline(capsys, workspace.path, "followups", *args)
    assert outcome.code == 2
    assert said in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert "Traceback" not in outcome.err
