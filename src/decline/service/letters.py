"""Letters, for both faces: compose and review, review a draft, save, send, follow-ups.

Every function takes the person's `Settings` (default tone, channel, letter language,
ignored review rules, SMTP server) and applies them the same way for the CLI and the web:
an explicit choice wins, then what the workspace or offer file says (the candidate's letter
language), then the settings file, then the built-in defaults. Bad input is an
`InputError` whose `field` names the input (`tone`, `days`, `number`, …), an unknown
follow-up or offer a `NotFoundError`.

The heavy parts (the checker, SMTP, the workspace) load on first use, so a face that
imports this module to parse its options stays quick to start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decline.errors import InputError, NotFoundError
from decline.send.subject import split_subject

if TYPE_CHECKING:
    from pathlib import Path

    from decline.checker.report import Report
    from decline.offers import Candidate, Offer
    from decline.send.smtp import SmtpTarget
    from decline.settings import Settings
    from decline.workspace.followups import FollowUp
    from decline.workspace.letters import LetterDraft
    from decline.workspace.outbox import SendResult
    from decline.workspace.store import Workspace
    from decline.writer.letter import Letter

__all__ = [
    "SNOOZE_DAYS",
    "Composed",
    "compose_reviewed",
    "confirm_sent",
    "editable_text",
    "followup_done",
    "followup_snooze",
    "followups",
    "review_draft",
    "save_draft",
    "save_text",
    "send",
    "smtp_target",
    "split_subject",
]

SNOOZE_DAYS = (1, 3650)  # a follow-up moves at least a day and at most ten years later
_LARGEST_ID = 2**63 - 1  # SQLite's largest integer: any larger number names no row


@dataclass(frozen=True)
class Composed:
    """A composed letter, the text the person edits and sends, and its review."""

    letter: Letter
    text: str
    report: Report

    @property
    def talking_points(self) -> str | None:
        """Return what to say on a call, without the confirming e-mail (that is `text`)."""
        follow_up = self.letter.follow_up
        if follow_up is None:
            return None
        return self.letter.body.removesuffix(follow_up.reviewable_text()).rstrip()


def editable_text(letter: Letter) -> str:
    """Return the text a person edits, reviews and sends: subject line and body.

    For a call, the confirming e-mail (the talking points are shown beside it); for a
    formal letter or a LinkedIn message, the whole message.
    """
    return letter.reviewable_text()


def review_draft(
    text: str,
    lang: str = "auto",
    settings: Settings | None = None,
    *,
    offer: Offer | None = None,
    today: dt.date | None = None,
    ignore: tuple[str, ...] = (),
) -> Report:
    """Review any draft with the rules the person ignores (settings) plus `ignore`.

    The offer's dates, when given, feed the timing rules.
    """
    from decline import review

    ignored = (*(settings.review_ignore if settings else ()), *ignore)
    return review(
        text,
        lang,
        received=offer.received if offer else None,
        deadline=offer.deadline if offer else None,
        today=today,
        ignore=tuple(dict.fromkeys(code.strip().upper() for code in ignored)),
    )


def compose_reviewed(
    offer: Offer,
    candidate: Candidate,
    settings: Settings,
    *,
    reason: str | None = None,
    tone: str | None = None,
    channel: str | None = None,
    lang: str | None = None,
    variant: int = 0,
    register: str | None = None,
    date: dt.date | None = None,
    today: dt.date | None = None,
) -> Composed:
    """Compose the decline with the person's defaults, and review it as it will be sent.

    The letter's language: `lang`, else the candidate's (workspace or offer file), else the
    settings file's, else English.
    """
    from decline.writer.composer import compose

    letter = compose(
        offer,
        candidate,
        reason=reason or "other_offer",
        tone=tone or settings.tone,
        channel=channel or settings.channel,
        lang=lang or candidate.lang or settings.lang or "en",
        variant=variant,
        date=date,
        register=register,
    )
    text = editable_text(letter)
    report = review_draft(text, letter.lang, settings, offer=offer, today=today or date)
    return Composed(letter, text, report)


def save_draft(workspace: Workspace, offer_id: str, draft: LetterDraft) -> int:
    """Store `draft` as the offer's one draft (replacing the previous); return its id.

    The recipient defaults to the offer's contact (the hiring manager first). An empty
    body is an InputError (field `body`); an unknown offer a NotFoundError.
    """
    from dataclasses import replace

    from decline.workspace import letters as store
    from decline.workspace.catalog import get_offer
    from decline.workspace.followups import pick_contact
    from decline.workspace.store import utc_now

    if not draft.body.strip():
        raise InputError("body: the letter is empty", field="body")
    with workspace.transaction() as connection:
        contact = pick_contact(get_offer(connection, offer_id), draft.recipient_email)
        if contact is not None:
            draft = replace(
                draft,
                recipient_name=draft.recipient_name or contact.name,
                recipient_email=draft.recipient_email or contact.email,
            )
        return store.save_draft(connection, offer_id, draft, utc_now())


def save_text(
    workspace: Workspace,
    offer_id: str,
    text: str,
    *,
    lang: str | None = None,
    tone: str | None = None,
    reason: str | None = None,
    channel: str = "email",
) -> int:
    """Store an edited text (a first `Subject:` line is its subject) as the offer's draft."""
    from decline.workspace.letters import LetterDraft

    if not text.strip():
        raise InputError("text: the letter is empty", field="text")
    subject, body = split_subject(text)
    from decline.writer.phrasebook import languages

    draft = LetterDraft(
        subject=subject,
        body=body,
        channel=channel,
        lang=lang if lang in languages() else None,  # "auto": the review will say
        tone=tone,
        reason=reason,
    )
    return save_draft(workspace, offer_id, draft)


def smtp_target(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    security: str | None = None,
    user: str | None = None,
    timeout: float | None = None,
) -> SmtpTarget | None:
    """Return where to deliver: these values over the settings file's; None without a host.

    Both faces wait the same `decline.send.smtp.TIMEOUT` unless told otherwise.
    """
    from decline.send.smtp import DEFAULT_PORTS, TIMEOUT, SmtpTarget, check_timeout

    smtp = settings.smtp
    security = security or smtp.security
    if security not in DEFAULT_PORTS:
        raise InputError(
            f"security: expected one of {', '.join(DEFAULT_PORTS)}, found {security!r}",
            field="security",
        )
    host = host or smtp.host
    if not host:
        return None
    port = port or smtp.port or DEFAULT_PORTS[security]
    if not 1 <= port <= 65535:
        raise InputError(f"port: expected 1 to 65535, found {port}", field="port")
    seconds = check_timeout(TIMEOUT if timeout is None else timeout, "timeout")
    return SmtpTarget(host, port, security, user or smtp.user, seconds)


def send(
    workspace: Workspace,
    settings: Settings,
    offer_id: str,
    *,
    via: str = "smtp",
    draft_text: str | None = None,
    review_lang: str = "auto",
    reason: str | None = None,
    tone: str | None = None,
    lang: str | None = None,
    variant: int = 0,
    out: Path | None = None,
    target: SmtpTarget | None = None,
    password: str | None = None,
    dry_run: bool = False,
    force: bool = False,
    again: bool = False,
    today: dt.date | None = None,
) -> SendResult:
    """Review, then send or hand over the decline for `offer_id`, never twice by accident.

    The letter is `draft_text` when given, else the saved (or handed-over) draft, else one
    composed with the person's defaults. Refused (`SendRefused`) when no decline is
    recorded for the offer (unless `force`) or one already went out (unless `again`);
    `NotReady` when the review says it is not ready (unless `force`).
    """
    from decline.send.methods import method
    from decline.workspace.outbox import SendRequest
    from decline.workspace.outbox import send as deliver

    method(via)  # an unknown method is refused before anything else
    request = SendRequest(
        offer_id=offer_id,
        via=via,
        draft_text=draft_text,
        reason=reason or "other_offer",
        tone=tone or settings.tone,
        lang=lang,
        review_lang=review_lang,
        variant=variant,
        out=out,
        target=target,
        password=password,
        sender=settings.smtp.sender,
        review_ignore=settings.review_ignore,
        dry_run=dry_run,
        force=force,
        again=again,
        today=today or dt.date.today(),
    )
    return deliver(workspace, request)


def confirm_sent(workspace: Workspace, offer_id: str, sent_on: dt.date | None = None) -> int:
    """Record that the person sent the decline themselves; return the follow-ups planned."""
    from decline.workspace.confirm import record_sent

    with workspace.transaction() as connection:
        return record_sent(connection, offer_id, sent_on or dt.date.today())


def followups(
    workspace: Workspace, *, due_by: dt.date | None = None, include_done: bool = False
) -> list[FollowUp]:
    """Return the follow-ups, soonest first: pending ones, or those due by a day, or all."""
    from decline.workspace.followups import list_followups

    with workspace.transaction() as connection:
        return list_followups(connection, due_by=due_by, include_done=include_done)


def _number(number: int) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= _LARGEST_ID:
        raise NotFoundError(
            f"no follow-up number {number}; list them with: decline followups", field="number"
        )
    return number


def _known(workspace: Workspace, number: int) -> None:
    with workspace.transaction() as connection:
        row = connection.execute("SELECT 1 FROM followups WHERE id = ?", (number,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"no follow-up number {number}; list them with: decline followups", field="number"
        )


def followup_done(workspace: Workspace, number: int) -> None:
    """Record follow-up `number` as done (NotFoundError, field `number`, when unknown)."""
    from decline.workspace.followups import mark_done
    from decline.workspace.store import utc_now

    _known(workspace, _number(number))
    with workspace.transaction() as connection:
        mark_done(connection, number, utc_now())


def followup_snooze(workspace: Workspace, number: int, days: int) -> dt.date:
    """Move follow-up `number` `days` later (1 to 3,650); return its new date."""
    from decline.workspace.followups import snooze

    low, high = SNOOZE_DAYS
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise InputError(
            f"days: expected a whole number of days from {low} to {high:,}, found {days}",
            field="days",
        )
    _known(workspace, _number(number))
    with workspace.transaction() as connection:
        try:
            return snooze(connection, number, days)
        except OverflowError:  # past the year 9999
            raise InputError(
                f"days: {days} days later is past the last date a calendar can hold",
                field="days",
            ) from None
