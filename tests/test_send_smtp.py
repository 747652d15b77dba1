"""Delivery through real SMTP servers on loopback: plain, STARTTLS, AUTH, and each failure."""

from __future__ import annotations

import email
import email.policy
import time
from email.message import EmailMessage

import pytest

from decline.errors import InputError
from decline.send.smtp import DeliveryError, SmtpTarget, deliver, find_password
from smtp_support import HOST, PASSWORD, USER, free_port, silent_server, smtp_server

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SENDER, RECIPIENT = "alex.rivera@example.com", "maria.rossi@acme.example"


def _message(to: str = RECIPIENT) -> bytes:
    message = EmailMessage()
    message["From"] = f"Alex Rivera <{SENDER}>"
    message["To"] = f"Maria Rossi <{to}>"
    message["Subject"] = "Your offer — thank you, Maria"
    message.set_content("Dear Maria,\n\nthank you for the offer. Perché no: àèìòù.\n\nAlex\n")
    return message.as_bytes(policy=email.policy.SMTP)


def test_plain_delivery_arrives_byte_for_byte() -> None:
    data = _message()
    with smtp_server() as server:
        deliver(
            SmtpTarget(HOST, server.port, "none", timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=data,
            password=None,
        )
    (envelope,) = server.inbox.envelopes
    assert envelope.mail_from == SENDER
    assert envelope.rcpt_tos == [RECIPIENT]
    assert envelope.original_content == data
    parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert str(parsed["Subject"]) == "Your offer — thank you, Maria"
    assert "Perché no: àèìòù." in parsed.get_content()


def test_starttls_and_auth_with_a_certificate_made_here() -> None:
    with smtp_server(starttls=True, auth=True) as server:
        deliver(
            SmtpTarget(HOST, server.port, "starttls", USER, timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=PASSWORD,
            context=server.client_context,
        )
    assert len(server.inbox.envelopes) == 1


def test_starttls_with_an_untrusted_certificate_fails_cleanly() -> None:
    with smtp_server(starttls=True) as server, pytest.raises(DeliveryError, match="TLS"):
        deliver(
            SmtpTarget(HOST, server.port, "starttls", timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
    assert server.inbox.envelopes == []


def test_a_server_that_requires_starttls_refuses_plain_mail() -> None:
    with smtp_server(starttls=True) as server, pytest.raises(DeliveryError, match="530"):
        deliver(
            SmtpTarget(HOST, server.port, "none", timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )


def test_a_wrong_password_is_one_clear_line() -> None:
    with smtp_server(auth=True) as server, pytest.raises(DeliveryError) as failure:
        deliver(
            SmtpTarget(HOST, server.port, "none", USER, timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password="wrong",
        )
    assert str(failure.value).startswith(f"the SMTP server {HOST}:{server.port} refused the login")
    assert "\n" not in str(failure.value)
    assert "wrong" not in str(failure.value)
    assert server.inbox.envelopes == []


def test_a_rejected_recipient_is_named() -> None:
    with smtp_server() as server, pytest.raises(DeliveryError, match=r"nobody@reject\.example"):
        deliver(
            SmtpTarget(HOST, server.port, "none", timeout=5),
            sender=SENDER,
            recipients=["nobody@reject.example"],
            message=_message("nobody@reject.example"),
            password=None,
        )
    assert server.inbox.envelopes == []


def test_a_server_that_is_down_is_connection_refused() -> None:
    with pytest.raises(DeliveryError, match="connection refused"):
        deliver(
            SmtpTarget(HOST, free_port(), "none", timeout=2),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )


def test_a_silent_server_times_out_quickly() -> None:
    started = time.monotonic()
    with silent_server() as port, pytest.raises(DeliveryError, match=r"within 1 s"):
        deliver(
            SmtpTarget(HOST, port, "none", timeout=1),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
    assert time.monotonic() - started < 3


def test_the_password_comes_from_the_environment_never_an_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DECLINE_SMTP_PASSWORD", "s3cret")
    assert find_password("alex") == "s3cret"
    assert find_password(None) is None
    monkeypatch.delenv("DECLINE_SMTP_PASSWORD")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(InputError, match="DECLINE_SMTP_PASSWORD"):
        find_password("alex")


def test_accepted_is_accepted_even_when_the_server_hangs_up_at_quit() -> None:
    from smtp_support import scripted_server

    with scripted_server("drop_at_quit") as server:
        deliver(
            SmtpTarget(HOST, server.port, "none", timeout=5),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
    assert len(server.received) == 1


def test_no_answer_to_the_final_dot_may_have_delivered_but_a_refusal_did_not() -> None:
    from decline.send.smtp import MaybeDelivered
    from smtp_support import scripted_server

    with scripted_server("no_answer") as server, pytest.raises(MaybeDelivered, match="answer"):
        deliver(
            SmtpTarget(HOST, server.port, "none", timeout=1),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
    assert len(server.received) == 1
    with pytest.raises(DeliveryError) as refused:
        deliver(
            SmtpTarget(HOST, free_port(), "none", timeout=1),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
    assert not isinstance(refused.value, MaybeDelivered)


@pytest.mark.parametrize("timeout", [float("nan"), float("inf"), 1e308, 0.0, 601.0])
def test_an_impossible_timeout_is_refused_before_connecting(timeout: float) -> None:
    with pytest.raises(InputError, match="timeout: expected a number of seconds from 1 to 600"):
        deliver(
            SmtpTarget(HOST, free_port(), "none", timeout=timeout),
            sender=SENDER,
            recipients=[RECIPIENT],
            message=_message(),
            password=None,
        )
