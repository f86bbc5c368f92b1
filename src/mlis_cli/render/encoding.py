"""Whether an output stream can carry any character, and what to write when it cannot.

On Windows a redirected stdout is cp1252, and PYTHONIOENCODING may name any
codec. Then text falls back to ASCII marks, JSON writes what the encoding
cannot hold as \\u escapes (still valid JSON, since outside strings JSON is
ASCII), YAML escapes in its own syntax, and anything else becomes a
backslash escape: an encoding never ends a command.
"""

from __future__ import annotations

import codecs
from typing import TextIO

UNICODE_CODECS = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
JSON_ESCAPES = "mlis-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the encoding cannot hold as a JSON \\u escape."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    from mlis_cli.model.visible import json_escape

    return "".join(map(json_escape, error.object[error.start : error.end])), error.end


codecs.register_error(JSON_ESCAPES, _json_escape)


def is_unicode(encoding: str | None) -> bool:
    """Whether text in this encoding can hold every character."""
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name in UNICODE_CODECS
    except LookupError:
        return False


def stream_is_unicode(stream: TextIO) -> bool:
    return is_unicode(getattr(stream, "encoding", None))


def escape_what_cannot_be_encoded(stream: TextIO, *, json: bool = False) -> None:
    """Make the stream write what its encoding cannot hold as escapes instead of failing.

    json: as JSON string escapes (for JSON and JSON Lines); else backslash escapes.
    """
    if stream_is_unicode(stream):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=JSON_ESCAPES if json else "backslashreplace")
