"""Deliver a message through an SMTP server (smtplib), failing with one clear sentence.

The password comes from `DECLINE_SMTP_PASSWORD` or the system keyring (service
`decline-smtp`, the SMTP user name), never from the command line, the database or a log.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
from dataclasses import dataclass

from decline.errors import InputError

SECURITIES = ("starttls", "ssl", "none")
KEYRING_SERVICE = "decline-smtp"
PASSWORD_VARIABLE = "DECLINE_SMTP_PASSWORD"
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class DeliveryError(Exception):
    """The SMTP server could not be reached, refused the message, or timed out."""


@dataclass(frozen=True)
class SmtpTarget:
    """Where and how to deliver: host, port, security, user and how long to wait."""

    host: str
    port: int
    security: str = "starttls"
    user: str | None = None
    timeout: float = 30.0

    @property
    def where(self) -> str:
        """Return `host:port`, for messages."""
        return f"{self.host}:{self.port}"


def find_password(user: str | None) -> str | None:
    """Return the SMTP password from the environment or the keyring; None without a user."""
    if user is None:
        return None
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(KEYRING_SERVICE, user)
        except KeyringError:
            password = None
    except ImportError:  # pragma: no cover - keyring is a dependency
        password = None
    if password is None:
        raise InputError(
            f"no SMTP password for {user}: set {PASSWORD_VARIABLE}, or store it in your "
            f"keyring with `keyring set {KEYRING_SERVICE} {user}`"
        )
    return password


def deliver(
    target: SmtpTarget,
    *,
    sender: str,
    recipients: list[str],
    message: bytes,
    password: str | None,
    context: ssl.SSLContext | None = None,
) -> None:
    """Send the exact bytes to the recipients; raise DeliveryError with one clear line."""
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
            client.login(target.user, password or "")
        refused = client.sendmail(sender, recipients, message)
        if refused:
            address, (code, reply) = next(iter(refused.items()))
            raise DeliveryError(
                f"the SMTP server {target.where} refused the recipient {address} "
                f"({code} {_text(reply)})"
            )
        client.quit()
    except DeliveryError:
        raise
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(
            f"the SMTP server {target.where} refused the login for {target.user} "
            f"({error.smtp_code} {_text(error.smtp_error)})"
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        address, (code, reply) = next(iter(error.recipients.items()))
        raise DeliveryError(
            f"the SMTP server {target.where} refused the recipient {address} "
            f"({code} {_text(reply)})"
        ) from None
    except smtplib.SMTPSenderRefused as error:
        raise DeliveryError(
            f"the SMTP server {target.where} refused the sender {error.sender} "
            f"({error.smtp_code} {_text(error.smtp_error)})"
        ) from None
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryError(
            f"the SMTP server {target.where} does not support what decline asked ({error}); "
            "check --starttls/--ssl and --smtp-user"
        ) from None
    except smtplib.SMTPResponseException as error:
        raise DeliveryError(
            f"the SMTP server {target.where} answered {error.smtp_code} {_text(error.smtp_error)}"
        ) from None
    except TimeoutError:
        raise DeliveryError(
            f"the SMTP server {target.where} did not answer within {target.timeout:g} s"
        ) from None
    except ssl.SSLError as error:
        raise DeliveryError(
            f"TLS with the SMTP server {target.where} failed ({error.reason or error})"
        ) from None
    except ConnectionRefusedError:
        raise DeliveryError(
            f"cannot reach the SMTP server {target.where} (connection refused)"
        ) from None
    except smtplib.SMTPServerDisconnected as error:
        if "timed out" in str(error):  # smtplib turns a read timeout into a disconnect
            raise DeliveryError(
                f"the SMTP server {target.where} did not answer within {target.timeout:g} s"
            ) from None
        raise DeliveryError(
            f"the SMTP server {target.where} closed the connection ({error})"
        ) from None
    except smtplib.SMTPException as error:
        raise DeliveryError(f"the SMTP server {target.where} failed: {error}") from None
    except OSError as error:
        raise DeliveryError(
            f"cannot reach the SMTP server {target.where} ({error.strerror or error})"
        ) from None
    finally:
        if client is not None:
            with contextlib.suppress(OSError):
                client.close()


def _text(reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return " ".join(reply.split())
