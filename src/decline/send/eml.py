"""Build a standards-compliant e-mail message (.eml) from a composed letter.

Header values are checked first: a name, address or subject holding a line break or
another control character is refused, so no one can smuggle in a header (no injection).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage

from decline.errors import InputError
from decline.writer.letter import Letter


def check_header_value(field: str, value: str) -> str:
    """Return `value` when it is safe in a header; InputError on a line break or control."""
    for char in value:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):  # \r, \n, NUL, U+2028…
            raise InputError(
                f"{field}: line breaks and control characters are not allowed in a mail "
                f"header (found {char!r} in {value!r})"
            )
    return value


def _address(field: str, name: str | None, addr: str) -> Address:
    check_header_value(field, addr)
    if name is not None:
        check_header_value(field, name)
    local, at, domain = addr.strip().rpartition("@")
    if not at or not local or not domain or any(c in addr for c in ' <>,;"()[]\\'):
        raise InputError(f"{field}: {addr!r} is not an e-mail address")
    return Address(display_name=name or "", username=local, domain=domain)


def build_message(
    letter: Letter,
    *,
    sender_name: str,
    sender_email: str,
    date: dt.datetime | dt.date | None = None,
    message_id_domain: str | None = None,
) -> EmailMessage:
    """Return the letter as a UTF-8 e-mail with From, To, Subject, Date and Message-ID.

    For a phone call, the message is the confirming e-mail (`letter.follow_up`). Only
    e-mails make messages: a formal letter or a LinkedIn message is an InputError.
    """
    mail = letter.follow_up or letter
    if mail.channel not in ("email", "phone") or mail.subject is None:
        raise InputError(
            f"a {letter.channel} message is not an e-mail; use the email or phone channel"
        )
    message = EmailMessage(policy=email.policy.default)
    sender = _address("From", sender_name, sender_email)
    message["From"] = sender
    if mail.to_email:
        message["To"] = _address("To", mail.to_name, mail.to_email)
    message["Subject"] = check_header_value("Subject", mail.subject)
    when = date if date is not None else dt.datetime.now().astimezone()
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(9, 0)).astimezone()
    elif when.tzinfo is None:
        when = when.astimezone()
    message["Date"] = email.utils.format_datetime(when)
    domain = check_header_value("Message-ID domain", message_id_domain or sender.domain)
    message["Message-ID"] = email.utils.make_msgid(domain=domain)
    message.set_content(mail.body, charset="utf-8")  # clears Content-* headers: set it first
    message["Content-Language"] = mail.lang
    return message
