"""What a source's address says about it."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_home_page(url: str) -> bool:
    """A site's front page (no path, no query): not the exact page the facts come from."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query
