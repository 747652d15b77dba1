"""Deliver a message through an SMTP server (smtplib), failing with one clear sentence.

Delivery is driven step by step (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA) so that a failure
says whether the message can have reached the server. Until the final dot is sent, nothing
can have gone out (`DeliveryError`); once the server answered 250 to it, the message went
out, whatever happens after (a dropped QUIT is ignored); in between — the dot sent, no
answer — it *may* have gone out (`MaybeDelivered`), and only the person can tell.

The password comes from `DECLINE_SMTP_PASSWORD` or the system keyring (service
`decline-smtp`, the SMTP user name), never from the command line, the database or a log.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decline.errors import InputError

if TYPE_CHECKING:  # smtplib and ssl (with OpenSSL) load when a message goes out: start-up
    import smtplib
    import ssl

SECURITIES = ("starttls", "ssl", "none")
KEYRING_SERVICE = "decline-smtp"
PASSWORD_VARIABLE = "DECLINE_SMTP_PASSWORD"
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
TIMEOUT = 30.0  # seconds to wait for the server, from every face (CLI, web)
TIMEOUT_RANGE = (1.0, 600.0)  # seconds: a socket timeout must be finite to be set at all


class DeliveryError(Exception):
    """The message did not reach the server: unreachable, refused, or timed out before it."""


class MaybeDelivered(DeliveryError):
    """The whole message was sent but the server's verdict never came: it may have gone out."""


def check_timeout(timeout: float, option: str = "timeout") -> float:
    """Return `timeout` when it is a sane number of seconds; InputError naming `option`."""
    low, high = TIMEOUT_RANGE
    if not (isinstance(timeout, int | float) and math.isfinite(timeout)) or not (
        low <= timeout <= high
    ):
        raise InputError(
            f"{option}: expected a number of seconds from {low:g} to {high:g}, found {timeout!r}"
        )
    return float(timeout)


@dataclass(frozen=True)
class SmtpTarget:
    """Where and how to deliver: host, port, security, user and how long to wait."""

    host: str
    port: int
    security: str = "starttls"
    user: str | None = None
    timeout: float = TIMEOUT

    @property
    def where(self) -> str:
        """Return `host:port`, for messages."""
        return f"{self.host}:{self.port}"

    def check(self) -> None:
        """Refuse, before anything is recorded or sent, what could only fail mid-delivery."""
        if self.security not in SECURITIES:
            raise InputError(
                f"security: expected one of {', '.join(SECURITIES)}, found {self.security!r}"
            )
        if not self.host or not self.host.isprintable() or any(c.isspace() for c in self.host):
            raise InputError(f"SMTP host: expected a server name, found {self.host!r}")
        if not 1 <= self.port <= 65535:
            raise InputError(f"SMTP port: expected 1 to 65535, found {self.port}")
        check_timeout(self.timeout)


def find_password(user: str | None) -> str | None:
    """Return the SMTP password from the environment or the keyring; None without a user."""
    if user is None:
        return None
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    keyring_help = f"store it in your keyring with `keyring set {KEYRING_SERVICE} {user}`"
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(KEYRING_SERVICE, user)
        except KeyringError:
            password = None
    except ImportError:  # keyring is the optional extra decline[keyring]
        password = None
        keyring_help = "install `pip install 'decline[keyring]'` to read it from your keyring"
    if password is None:
        raise InputError(f"no SMTP password for {user}: set {PASSWORD_VARIABLE}, or {keyring_help}")
    return password


def deliver(
    target: SmtpTarget,
    *,
    sender: str,
    recipients: list[str],
    message: bytes,
    password: str | None,
    context: ssl.SSLContext | None = None,
    progress: list[str] | None = None,
) -> None:
    """Send the exact bytes to the recipients; return once the server accepted them.

    Raise DeliveryError (one clear line) when the message cannot have gone out, and
    MaybeDelivered when it was sent in full but the server's answer never came. `progress`
    stays empty until the message starts to leave, so a caller interrupted (Ctrl-C) can
    tell that nothing can have gone out.
    """
    import smtplib
    import ssl

    target.check()
    context = context or ssl.create_default_context()
    client: smtplib.SMTP | None = None
    try:
        if target.security == "ssl":
            client = smtplib.SMTP_SSL(
                target.host, target.port, timeout=target.timeout, context=context
            )
        else:
            client = smtplib.SMTP(target.host, target.port, timeout=target.timeout)
        client.ehlo()
        if target.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if target.user is not None:
            _login(client, target.user, password or "")
        _envelope(client, sender, recipients, len(message))
        _data(client, target, message, progress if progress is not None else [])
    except DeliveryError:
        raise
    except Exception as error:  # every smtplib and socket failure before the final dot
        raise DeliveryError(_explain(error, target)) from None
    finally:
        if client is not None:
            with contextlib.suppress(Exception):
                client.close()


def _goodbye(client: smtplib.SMTP) -> None:
    """Say QUIT after an accepted message; a server that drops the line here changes nothing."""
    with contextlib.suppress(Exception):
        client.quit()


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    import base64
    import smtplib

    if (user + password).isascii():
        client.login(user, password)
        return
    # smtplib encodes AUTH responses as ASCII; RFC 4616 PLAIN carries UTF-8, so say it here.
    if "plain" not in client.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPNotSupportedError(
            "a non-ASCII user name or password needs AUTH PLAIN, which the server does not offer"
        )
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, reply = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _envelope(client: smtplib.SMTP, sender: str, recipients: list[str], size: int) -> None:
    import smtplib

    options = [f"size={size}"] if client.does_esmtp and client.has_extn("size") else []
    code, reply = client.mail(sender, options)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    for recipient in recipients:
        code, reply = client.rcpt(recipient)
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})


def _data(client: smtplib.SMTP, target: SmtpTarget, message: bytes, progress: list[str]) -> None:
    import smtplib

    code, reply = client.docmd("data")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    payload = re.sub(rb"(?m)^\.", b"..", message)  # dot-stuffing, as RFC 5321 asks
    if not payload.endswith(b"\r\n"):
        payload += b"\r\n"
    progress.append("sending in full")  # from here on, an interruption may leave it delivered
    client.send(payload + b".\r\n")  # a failure here: the dot never left, nothing went out
    progress.append("sent in full")
    try:
        code, reply = client.getreply()
    except Exception as error:
        if isinstance(error, TimeoutError) or "timed out" in str(error):
            silence = f"did not answer within {target.timeout:g} s"
        else:
            silence = "closed the connection without answering"
        raise MaybeDelivered(
            f"the SMTP server {target.where} had the whole message but {silence}"
        ) from None
    if code != 250:  # a definite refusal of the message: it was not accepted
        raise smtplib.SMTPDataError(code, reply)
    _goodbye(client)


def _explain(error: BaseException, target: SmtpTarget) -> str:
    """Return one clear clause saying what went wrong with the server."""
    import smtplib
    import ssl

    where = target.where
    slow = f"the SMTP server {where} did not answer within {target.timeout:g} s"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"the SMTP server {where} refused the login for {target.user} "
            f"({error.smtp_code} {_text(error.smtp_error)})"
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        address, (code, reply) = next(iter(error.recipients.items()))
        return f"the SMTP server {where} refused the recipient {address} ({code} {_text(reply)})"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return (
            f"the SMTP server {where} refused the sender {error.sender} "
            f"({error.smtp_code} {_text(error.smtp_error)})"
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return (
            f"the SMTP server {where} does not support what decline asked ({error}); "
            "check --starttls/--ssl and --smtp-user"
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"the SMTP server {where} answered {error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, TimeoutError):
        return slow
    if isinstance(error, ssl.SSLError):
        return f"TLS with the SMTP server {where} failed ({error.reason or error})"
    if isinstance(error, ConnectionRefusedError):
        return f"cannot reach the SMTP server {where} (connection refused)"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        if "timed out" in str(error):  # smtplib turns a read timeout into a disconnect
            return slow
        return f"the SMTP server {where} closed the connection ({error})"
    if isinstance(error, smtplib.SMTPException):
        return f"the SMTP server {where} failed: {error}"
    if isinstance(error, OSError):
        return f"cannot reach the SMTP server {where} ({error.strerror or error})"
    return f"talking to the SMTP server {where} failed ({type(error).__name__}: {error})"


def _text(reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return " ".join(reply.split())
