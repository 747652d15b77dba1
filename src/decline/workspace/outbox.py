"""Send the decline for an offer: pick the letter, review it, then deliver or prepare it.

The order matters. Nothing is recorded before the review passes; an SMTP send is recorded
as `sending` (committed) before decline talks to the server and as `sent` only after the
server accepted it; a failure puts the letter back to an unsent draft and raises.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decline.errors import InputError
from decline.offers import Candidate, Offer
from decline.send.smtp import DeliveryError, SmtpTarget, deliver
from decline.workspace import letters as store
from decline.workspace.catalog import get_candidate, get_offer
from decline.workspace.followups import pick_contact, plan
from decline.workspace.letters import LetterDraft, SendRefused, Verdict
from decline.workspace.store import Workspace, utc_now

if TYPE_CHECKING:
    import ssl

    from decline.writer.letter import Letter

VIAS = ("smtp", "eml", "mailto")

__all__ = ["DeliveryError", "NotReady", "SendRefused", "SendRequest", "SendResult", "send"]


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
    lang: str | None = None
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


def parse_draft(text: str) -> tuple[str | None, str]:
    """Split a draft file into its subject (a first `Subject:` line) and its body."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:") :].strip(), rest.lstrip("\n")
    return None, text


def _choose_letter(
    request: SendRequest, offer: Offer, candidate: Candidate, saved: Any
) -> LetterDraft:
    contact = pick_contact(offer, None)
    to_name = contact.name if contact else None
    to_email = contact.email if contact else None
    if request.draft_text is not None:
        subject, body = parse_draft(request.draft_text)
        if not body.strip():
            raise InputError("--draft: the draft is empty")
        return LetterDraft(
            subject=subject,
            body=body,
            lang=request.lang or candidate.lang,
            recipient_name=to_name,
            recipient_email=to_email,
        )
    if saved is not None and saved["body"]:
        return LetterDraft(
            subject=saved["subject"],
            body=saved["body"],
            channel="email",
            lang=saved["lang"],
            tone=saved["tone"],
            reason=saved["reason"],
            recipient_name=saved["recipient_name"] or to_name,
            recipient_email=saved["recipient_email"] or to_email,
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
    if request.via not in VIAS:
        raise InputError(f"--via: expected one of {', '.join(VIAS)}, found {request.via!r}")
    with workspace.transaction() as connection:
        offer = get_offer(connection, request.offer_id)
        candidate = get_candidate(connection)
        assert candidate is not None  # an offer implies `add` stored the candidate
        store.check_can_send(connection, offer.id, again=request.again)
        saved = store.latest(connection, offer.id, "draft")
        draft = _choose_letter(request, offer, candidate, saved)
    from decline import review

    subject_line = f"Subject: {draft.subject}\n\n" if draft.subject else ""
    report = review(
        subject_line + draft.body,
        draft.lang or "auto",
        received=offer.received,
        deadline=offer.deadline,
        today=request.today,
        ignore=request.review_ignore,
    )
    if not report.ready_to_send and not request.force:
        raise NotReady(report)
    verdict = Verdict(
        ready=report.ready_to_send,
        graceful=report.graceful,
        score=report.score,
        report=report.to_dict(),
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
    message_id = message.get("Message-ID")
    result = SendResult(
        state="dry-run", letter=draft, report=report, message=data, recipient=recipient
    )
    if request.dry_run:
        return result
    if request.via == "smtp":
        return _send_smtp(workspace, request, result, verdict, sender, message_id, context)
    link = None
    out = None
    if request.via == "eml":
        out = request.out or Path(f"{offer.id}-decline.eml")
        try:
            out.write_bytes(data)
        except OSError as error:
            raise InputError(f"{out}: cannot write the message ({error.strerror})") from None
    else:
        from decline.send.mailto import mailto_link

        link = mailto_link(recipient, draft.subject or "", draft.body)
    with workspace.transaction() as connection:
        letter_id = store.mark_prepared(
            connection,
            offer.id,
            draft,
            verdict,
            via=request.via,
            message=data,
            message_id=message_id,
            sender_email=sender,
            now=utc_now(),
        )
    return SendResult(
        state="prepared",
        letter=draft,
        report=report,
        message=data,
        recipient=recipient,
        out=out,
        link=link,
        letter_id=letter_id,
    )


def _send_smtp(
    workspace: Workspace,
    request: SendRequest,
    result: SendResult,
    verdict: Verdict,
    sender: str,
    message_id: str | None,
    context: ssl.SSLContext | None,
) -> SendResult:
    if request.target is None:
        raise InputError(
            "no SMTP server: pass --smtp-host (and --smtp-port), set [smtp] host in the "
            "settings file, or use --via eml"
        )
    with workspace.transaction() as connection:
        store.check_can_send(connection, request.offer_id, again=request.again)
        letter_id = store.mark_sending(
            connection,
            request.offer_id,
            result.letter,
            verdict,
            message=result.message,
            message_id=message_id,
            sender_email=sender,
            now=utc_now(),
        )
    try:
        deliver(
            request.target,
            sender=sender,
            recipients=[result.recipient],
            message=result.message,
            password=request.password,
            context=context,
        )
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
    return SendResult(
        state="sent",
        letter=result.letter,
        report=result.report,
        message=result.message,
        recipient=result.recipient,
        followups=count,
        letter_id=letter_id,
    )
