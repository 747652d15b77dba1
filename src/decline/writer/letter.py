"""The composed letter: what the composer returns and every face renders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Letter:
    """A decline ready to paste or send, with what it was composed from.

    `body` is the whole text to paste: for a formal letter the sender, date and recipient
    blocks too; for a phone call, the talking points (the confirming e-mail is `follow_up`).
    """

    subject: str | None
    body: str
    to_name: str | None
    to_email: str | None
    lang: str
    channel: str
    tone: str
    reason: str
    variant: int
    register: str | None = None  # how an Italian letter says "you": lei or tu
    follow_up: Letter | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the letter as the JSON faces show it (`decline write --format json`, the API)."""
        data: dict[str, Any] = {
            "subject": self.subject,
            "body": self.body,
            "to": {"name": self.to_name, "email": self.to_email},
            "lang": self.lang,
            "channel": self.channel,
            "tone": self.tone,
            "reason": self.reason,
            "variant": self.variant,
            "register": self.register,
            "notes": list(self.notes),
        }
        if self.follow_up is not None:
            data["follow_up"] = {"subject": self.follow_up.subject, "body": self.follow_up.body}
        return data

    def reviewable_text(self) -> str:
        """Return the text the checker reviews: the follow-up's for a call, else this one."""
        if self.follow_up is not None:
            return self.follow_up.reviewable_text()
        if self.subject:
            return f"{subject_label(self.lang)}: {self.subject}\n\n{self.body}"
        return self.body


def subject_label(lang: str) -> str:
    """Return how the letter's language names a subject line ("Subject", "Oggetto")."""
    from decline import languages

    return languages.meta(lang).subject_label
