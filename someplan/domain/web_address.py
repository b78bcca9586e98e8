"""Whether a post's link is a web address a network will open: http or https, and a host."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_address(text: str) -> bool:
    """`https://example.no/side` yes; `example.no`, `mailto:…`, `https://` or one with a space no.
    A bare domain is refused rather than guessed at: Hootsuite and the networks take the link as
    written, and a link that opens nothing is found only after the post is out."""
    text = text.strip()
    if not text or any(c.isspace() or not c.isprintable() for c in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)
