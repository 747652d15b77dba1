"""Send the decline for an offer: pick the letter, review it, then deliver or prepare it.

One function, `send`, for every face (CLI, web). The order matters:

1. refuse what must never go out: a decline to an offer not recorded as declined (unless
   `force`), a second decline (unless `again`), one another process is sending right now;
2. review the letter exactly as `decline review` would (its own language, the same ignores);
3. check everything that could fail before the first byte reaches the server (addresses,
   headers, the message itself, the SMTP settings) — nothing is recorded yet;
4. record `sending` (committed), talk to the server, then record the outcome: `sent` once
   the server accepted the message, an unsent draft when it cannot have gone out, and
   `sending` kept, with why, when it may have gone out (the whole message was sent but the
   server's verdict never came).
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decline.errors import InputError
from decline.offers import Candidate, Offer
from decline.send.claim import ClaimTaken, SendClaim
from decline.send.smtp import DeliveryError, MaybeDelivered, SmtpTarget, deliver
from decline.workspace import letters as store
from decline.workspace.catalog import get_candidate, get_offer
from decline.workspace.followups import pick_contact, plan
from decline.workspace.letters import LetterDraft, SendRefused, Verdict
from decline.workspace.store import Workspace, utc_now

if TYPE_CHECKING:
    import ssl

    from decline.writer.letter import Letter

__all__ = [
    "DeliveryError",
    "MaybeDelivered",
    "NotReady",
    "SendRefused",
    "SendRequest",
    "SendResult",
    "send",
]


class NotReady(Exception):
    """The review found the letter not ready to send; `report` says why."""

    def __init__(self, report: Any) -> None:
        super().__init__("the letter is not ready to send")
        self.report = report


@dataclass(frozen=True)
class SendRequest:
    """What `decline send` was asked to do."""

    offer_id: str
    via: str = "smtp"
    draft_text: str | None = None
    reason: str = "other_offer"
    tone: str = "warm"
    lang: str | None = None  # the language to compose in, when there is no draft
    review_lang: str = "auto"  # the language to review a given draft in, as `review --lang`
    variant: int = 0
    out: Path | None = None
    target: SmtpTarget | None = None
    password: str | None = None
    sender: str | None = None
    review_ignore: tuple[str, ...] = ()
    dry_run: bool = False
    force: bool = False
    again: bool = False
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class SendResult:
    """What happened: the letter's new state, the message and where it went."""

    state: str  # sent | prepared | dry-run
    letter: LetterDraft
    report: Any
    message: bytes
    recipient: str
    out: Path | None = None
    link: str | None = None
    followups: int = 0
    letter_id: int | None = None
    overridden: tuple[str, ...] = ()  # what `force` overrode, one sentence each
    sender: str | None = None
    message_id: str | None = None


def _choose_letter(
    request: SendRequest, offer: Offer, candidate: Candidate, saved: Any
) -> LetterDraft:
    contact = pick_contact(offer, None)
    to_name = contact.name if contact else None
    to_email = contact.email if contact else None
    if request.draft_text is not None:
        from decline.send.subject import split_subject

        subject, body = split_subject(request.draft_text)
        if not body.strip():
            raise InputError("--draft: the draft is empty")
        return LetterDraft(
            subject=subject,
            body=body,
            lang=None,  # the review says which language it is in
            recipient_name=to_name,
            recipient_email=to_email,
        )
    if saved is not None and saved["body"]:
        draft = stored(saved)
        return replace(
            draft,
            channel="email",
            recipient_name=draft.recipient_name or to_name,
            recipient_email=draft.recipient_email or to_email,
        )
    from decline import compose

    letter = compose(
        offer,
        candidate,
        reason=request.reason,
        tone=request.tone,
        channel="email",
        lang=request.lang,
        variant=request.variant,
        date=request.today,
    )
    return LetterDraft(
        subject=letter.subject,
        body=letter.body,
        lang=letter.lang,
        tone=letter.tone,
        reason=letter.reason,
        recipient_name=letter.to_name or to_name,
        recipient_email=letter.to_email or to_email,
    )


def _writer_letter(draft: LetterDraft) -> Letter:
    from decline.writer.letter import Letter

    return Letter(
        subject=draft.subject,
        body=draft.body,
        to_name=draft.recipient_name,
        to_email=draft.recipient_email,
        lang=draft.lang or "en",
        channel="email",
        tone=draft.tone or "warm",
        reason=draft.reason or "none",
        variant=0,
    )


def reviewable(draft: LetterDraft) -> tuple[str, str]:
    """Return the text `send` reviews for a stored letter, and the language to review it in."""
    return _writer_letter(draft).reviewable_text(), draft.lang or "auto"


def stored(row: Any) -> LetterDraft:
    """Return a stored letter (a `letters` row) as the draft it holds."""
    return LetterDraft(
        subject=row["subject"],
        body=row["body"] or "",
        channel=row["channel"] or "email",
        lang=row["lang"],
        tone=row["tone"],
        reason=row["reason"],
        recipient_name=row["recipient_name"],
        recipient_email=row["recipient_email"],
    )


def valid_address(address: str | None, what: str) -> str:
    """Return the normalised e-mail address; InputError saying what is wrong (no network)."""
    if not address:
        raise InputError(f"no e-mail address for {what}")
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InputError(f"{what}: {address!r} is not a valid e-mail address ({error})") from None


def _check_headers(offer: Offer, candidate: Candidate, draft: LetterDraft) -> None:
    """Refuse line breaks and control characters in anything that becomes a header."""
    from decline.send.eml import check_header_value

    contact = pick_contact(offer, draft.recipient_email)
    values = {
        "Subject": draft.subject,
        "To (name)": draft.recipient_name,
        "To (address)": draft.recipient_email,
        "From (name)": candidate.name,
        "From (address)": candidate.email,
        "the contact's name": contact.name if contact else None,
        "the contact's address": contact.email if contact else None,
    }
    for field_name, value in values.items():
        if value is not None:
            check_header_value(field_name, value)


def send(
    workspace: Workspace,
    request: SendRequest,
    *,
    context: ssl.SSLContext | None = None,
) -> SendResult:
    """Send, prepare or dry-run the decline for the requested offer."""
    from decline.send.methods import method

    way = method(request.via)
    if way.needs_server and not request.dry_run:
        if request.target is None:
            raise InputError(
                "no SMTP server: pass --smtp-host (and --smtp-port), set [smtp] host in the "
                "settings file, or use --via eml"
            )
        request.target.check()
    if request.dry_run:
        return _prepare(workspace, request)
    try:
        with SendClaim(workspace.path, request.offer_id):
            result = _prepare(workspace, request)
            if way.needs_server:
                return _send_smtp(workspace, request, result, context)
            return _hand_over(workspace, request, result)
    except ClaimTaken as taken:
        holder = f" ({taken.holder})" if taken.holder else ""
        raise SendRefused(
            f"another decline process is sending this letter now{holder}; wait for it to "
            f"finish, then see `decline status`"
        ) from None


def _prepare(workspace: Workspace, request: SendRequest) -> SendResult:
    """Choose, review and build the message; record nothing. Refuse what must not go out."""
    overridden: list[str] = []
    with workspace.transaction() as connection:
        offer = get_offer(connection, request.offer_id)
        candidate = get_candidate(connection)
        assert candidate is not None  # an offer implies `add` stored the candidate
        if not request.dry_run:
            wrong = store.check_decision(connection, offer.id)
            if wrong is not None and not request.force:
                raise SendRefused(f"{wrong}, or pass --force to send it anyway")
            if wrong is not None:
                overridden.append(f"--force: sending although {wrong}")
            store.check_can_send(connection, offer.id, again=request.again)
        # the letter the person saved, or handed over already (.eml, mailto) and not yet sent
        saved = store.latest(connection, offer.id, "draft", "prepared")
        draft = _choose_letter(request, offer, candidate, saved)
    if not draft.subject:
        from decline.send.subject import subject_labels

        words = " or ".join(f"`{label.title()}: …`" for label in sorted(subject_labels()))
        where = "--draft" if request.draft_text is not None else f"the saved draft for {offer.id}"
        raise InputError(f"{where}: no subject line; start the letter with {words}")
    from decline import review

    if request.draft_text is not None:
        text, lang = request.draft_text, request.review_lang
    else:
        text, lang = reviewable(draft)
    report = review(
        text,
        lang,
        received=offer.received,
        deadline=offer.deadline,
        today=request.today,
        ignore=request.review_ignore,
    )
    draft = replace(draft, lang=report.lang)
    if not report.ready_to_send:
        if not request.force:
            raise NotReady(report)
        overridden.append(
            f"--force: sending although the review says the letter is not ready "
            f"(score {report.score})"
        )
    _check_headers(offer, candidate, draft)
    recipient = valid_address(draft.recipient_email, f"the recipient at {offer.company}")
    sender = valid_address(request.sender or candidate.email, "the sender (you)")
    from decline.send.eml import build_message

    message = build_message(
        _writer_letter(draft),
        sender_name=candidate.name,
        sender_email=sender,
        message_id_domain=sender.rpartition("@")[2],
    )
    data = message.as_bytes(policy=email.policy.SMTP)
    return SendResult(
        state="dry-run",
        letter=draft,
        report=report,
        message=data,
        recipient=recipient,
        overridden=tuple(overridden),
        sender=sender,
        message_id=message.get("Message-ID"),
    )


def _verdict(report: Any) -> Verdict:
    return Verdict(
        ready=report.ready_to_send,
        graceful=report.graceful,
        score=report.score,
        report=report.to_dict(),
    )


def _hand_over(workspace: Workspace, request: SendRequest, result: SendResult) -> SendResult:
    """Hand the message over (an .eml file, a mailto: link), and record it as prepared."""
    from decline.send.methods import Parcel, method

    hand_over = method(request.via).hand_over
    assert hand_over is not None  # a server method goes through `_send_smtp`
    handed = hand_over(
        Parcel(
            offer_id=request.offer_id,
            message=result.message,
            recipient=result.recipient,
            subject=result.letter.subject or "",
            body=result.letter.body,
            out=request.out,
        )
    )
    with workspace.transaction() as connection:
        letter_id = store.mark_prepared(
            connection,
            request.offer_id,
            result.letter,
            _verdict(result.report),
            via=request.via,
            message=result.message,
            message_id=result.message_id,
            sender_email=result.sender,
            now=utc_now(),
        )
    return replace(result, state="prepared", out=handed.out, link=handed.link, letter_id=letter_id)


def _send_smtp(
    workspace: Workspace,
    request: SendRequest,
    result: SendResult,
    context: ssl.SSLContext | None,
) -> SendResult:
    assert request.target is not None  # checked before anything else
    with workspace.transaction() as connection:
        store.check_can_send(connection, request.offer_id, again=request.again)
        letter_id = store.mark_sending(
            connection,
            request.offer_id,
            result.letter,
            _verdict(result.report),
            message=result.message,
            message_id=result.message_id,
            sender_email=result.sender,
            now=utc_now(),
        )
    progress: list[str] = []
    try:
        deliver(
            request.target,
            sender=result.sender or "",
            recipients=[result.recipient],
            message=result.message,
            password=request.password,
            context=context,
            progress=progress,
        )
    except KeyboardInterrupt:
        if not progress:  # stopped before any of the message left: it is still a draft
            with workspace.transaction() as connection:
                store.mark_failed(connection, letter_id, "interrupted before sending", utc_now())
        raise
    except MaybeDelivered as error:
        with workspace.transaction() as connection:
            store.mark_uncertain(connection, letter_id, str(error), utc_now())
        raise
    except DeliveryError as error:
        with workspace.transaction() as connection:
            store.mark_failed(connection, letter_id, str(error), utc_now())
        raise
    now = utc_now()
    with workspace.transaction() as connection:
        store.mark_sent(connection, letter_id, now)
        offer = get_offer(connection, request.offer_id)
        count = plan(
            connection,
            offer,
            get_candidate(connection),
            letter_id=letter_id,
            recipient_email=result.recipient,
            lang=result.letter.lang or "en",
            sent_on=date.today(),
            now=now,
        )
    return replace(result, state="sent", followups=count, letter_id=letter_id)
