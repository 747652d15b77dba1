"""A `mailto:` link (RFC 6068) with the subject and body encoded, for any mail client."""

from __future__ import annotations

from urllib.parse import quote


def mailto_link(to: str, subject: str, body: str) -> str:
    """Return a mailto: link that opens a message to `to` with this subject and body."""
    crlf_body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"
    return f"mailto:{quote(to, safe='@')}?{query}"
