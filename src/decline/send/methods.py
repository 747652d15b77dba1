"""The ways a decline can leave, in one registry: `METHODS`, name -> `Method`.

`smtp` delivers through a server; the others hand the message to the person, who sends
it from their own mail client and then confirms (`decline sent ID`, "I sent it").
Adding a method is one entry here (a hand-over, or a server); an unknown name is an
`InputError` naming the field `via`, never a fall-through to another method. A method the
workspace records must also be allowed by the `letters.via` column (`workspace/schema.py`);
a test holds the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from decline.errors import InputError


@dataclass(frozen=True)
class Handed:
    """What a hand-over gives the person: a file written, or a link to open."""

    out: Path | None = None
    link: str | None = None


@dataclass(frozen=True)
class Parcel:
    """The message, ready: its bytes, recipient, subject and body, and where a file goes."""

    offer_id: str
    message: bytes
    recipient: str
    subject: str
    body: str
    out: Path | None = None


def _write_eml(parcel: Parcel) -> Handed:
    out = parcel.out or Path(f"{parcel.offer_id}-decline.eml")
    try:
        out.write_bytes(parcel.message)
    except OSError as error:
        raise InputError(
            f"{out}: cannot write the message ({error.strerror})", field="out"
        ) from None
    return Handed(out=out)


def _mailto(parcel: Parcel) -> Handed:
    from decline.send.mailto import mailto_link

    return Handed(link=mailto_link(parcel.recipient, parcel.subject, parcel.body))


@dataclass(frozen=True)
class Method:
    """One way out: through a server (`hand_over` is None), or handed to the person."""

    name: str
    hand_over: Callable[[Parcel], Handed] | None = None

    @property
    def needs_server(self) -> bool:
        """Return whether this method talks to an SMTP server."""
        return self.hand_over is None


METHODS: dict[str, Method] = {
    "smtp": Method("smtp"),
    "eml": Method("eml", _write_eml),
    "mailto": Method("mailto", _mailto),
}
NAMES: tuple[str, ...] = tuple(METHODS)


def method(name: str) -> Method:
    """Return the registered method called `name`; InputError (field `via`) otherwise."""
    found = METHODS.get(name)
    if found is None:
        raise InputError(f"via: expected one of {', '.join(METHODS)}, found {name!r}", field="via")
    return found
