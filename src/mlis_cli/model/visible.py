"""Characters a terminal or a reader would not see as written, shown as escapes.

Control characters (C0, DEL, C1: an ESC can clear a terminal or hide a link),
bidirectional overrides and isolates (U+202A-202E, U+2066-2069, which reorder
what follows), other invisible format characters (zero-width spaces, the byte
order mark), line and paragraph separators and lone surrogates are written as
`\\x1b`, `\\u202e` or `\\U000e0001`. Newline and tab stay where a writer allows
them. Text and CSV output and the messages on stderr go through visible().
"""

from __future__ import annotations

import re
import unicodedata

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Control, format, surrogate, line and paragraph separator: the categories nobody sees."""
LAYOUT = "\n\t"
"""Newline and tab: allowed where a writer lays out lines (text, a quoted CSV cell)."""
_CANDIDATE = re.compile(r"[^\x20-\x7e]")
"""Anything but printable ASCII: the only characters worth a look."""


def escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def is_hidden(char: str, allowed: str = LAYOUT) -> bool:
    return char not in allowed and unicodedata.category(char) in HIDDEN_CATEGORIES


def visible(text: str, allowed: str = LAYOUT) -> str:
    """The text with every hidden character escaped; allowed: the characters kept as they are."""
    if text.isprintable():  # the common case: nothing to look at
        return text
    return _CANDIDATE.sub(lambda match: _shown(match.group(), allowed), text)


def _shown(char: str, allowed: str) -> str:
    return escaped(char) if is_hidden(char, allowed) else char


def json_visible(encoded: str) -> str:
    """JSON text with the hidden characters JSON leaves raw (DEL, C1, format characters) as
    JSON's own \\u escapes: it still decodes to exactly the same strings."""
    if encoded.isprintable():
        return encoded
    parts = []
    for char in encoded:
        if not is_hidden(char):  # newline and tab inside strings JSON has escaped already
            parts.append(char)
            continue
        parts.append(json_escape(char))
    return "".join(parts)


def json_escape(char: str) -> str:
    """A character as JSON's \\u escape; beyond the BMP, the surrogate pair JSON writes."""
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _script(char: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, GREEK, ..."""
    return unicodedata.name(char, "").partition(" ")[0]


def look_alikes_shown(text: str) -> str:
    """visible() on one line, and in each word that mixes Latin letters with letters of another
    script, those other letters escaped: 'f\\u0456' (Cyrillic i) no longer reads as 'fi'."""
    text = visible(text, allowed="")
    if text.isascii():
        return text
    words = []
    for word in text.split(" "):
        scripts = {_script(char) for char in word if char.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            word = "".join(
                escaped(char) if char.isalpha() and _script(char) != "LATIN" else char for char in word
            )
        words.append(word)
    return " ".join(words)
