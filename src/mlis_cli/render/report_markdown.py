"""A Document as Markdown that reads the same in GitHub, pandoc and CommonMark viewers.

All text goes through `text()`: Markdown's specials are backslash-escaped, `<`,
`>` and `&` become character references (so no raw HTML), and whitespace is
one space (so a rule text cannot start a heading, a list or a table row). Bare
addresses in text are broken up so no viewer turns them into links: the only
links are those `Link` makes, from http(s) source addresses.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from mlis_cli.render.document import (
    Block,
    Document,
    Heading,
    Inline,
    Items,
    Line,
    Link,
    Paragraph,
    Section,
    Strong,
    Table,
    VerdictWords,
    is_web_address,
)

_WHITESPACE = re.compile(r"\s+")
_BACKSLASHED = frozenset("\\`*_[]|~#")
_REFERENCES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_AUTOLINK = re.compile(r"(?i)(:(?=//)|(?<=\bwww)\.|@)")
"""Where GitHub's extended autolinks start: a scheme's ':' before '//', the '.' of 'www.', an email's '@'.
A backslash before it shows nothing and leaves the address as text."""
_STARTS_BLOCK = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
"""Text that would begin a list or an underline at the start of a line: its first character, or the
number before a list's '.' or ')'."""
ADDRESS_SAFE = "/:?#[]@!$&'*+,;=%~-._"
"""Characters of an address kept as they are; the rest are percent-encoded (spaces, parentheses)."""


def markdown(document: Document) -> str:
    return "\n\n".join(block(part) for part in document.blocks) + "\n"


def block(part: Block) -> str:
    if isinstance(part, Heading):
        return "#" * part.level + " " + line(part.text)
    if isinstance(part, Paragraph):
        return line_start(line(part.text))
    if isinstance(part, Items):
        return items(part)
    if isinstance(part, Table):
        return table(part)
    assert isinstance(part, Section)
    return "\n\n".join(block(inner) for inner in part.blocks)


def items(part: Items) -> str:
    lines = []
    for number, item in enumerate(part.items, start=1):
        marker = f"{number}." if part.numbered else "-"
        lines.append(f"{marker} {line_start(line(item.text))}")
        indent = " " * (len(marker) + 1)
        lines.extend(f"{indent}- {line_start(line(below))}" for below in item.below)
    return "\n".join(lines)


def table(part: Table) -> str:
    rows = [
        "| " + " | ".join(text(cell) for cell in part.header) + " |",
        "|" + "|".join(" --- " for _ in part.header) + "|",
    ]
    rows.extend("| " + " | ".join(line(cell) for cell in row) + " |" for row in part.rows)
    return "\n".join(rows)


def line(parts: Line) -> str:
    return "".join(inline(part) for part in parts).strip()


def inline(part: Inline) -> str:
    if isinstance(part, Link):
        if not is_web_address(part.address):
            return text(part.text)
        destination = address(part.address)
        if part.text == part.address:
            # An autolink shows the address once and needs no escaping: `address` leaves no
            # space, '<' or '>' in it.
            return f"<{destination}>"
        return f"[{text(part.text)}]({destination.replace('&', '&amp;')})"
    if isinstance(part, Strong):
        return f"**{text(part.text)}**"
    if isinstance(part, VerdictWords):
        return text(part.verdict.words)
    return text(part)


def text(value: str) -> str:
    """The single escaping point: plain text that no Markdown viewer reads as markup or a link."""
    flat = _WHITESPACE.sub(" ", value)
    escaped = "".join("\\" + char if char in _BACKSLASHED else _REFERENCES.get(char, char) for char in flat)
    return _AUTOLINK.sub(r"\\\1", escaped)


def line_start(value: str) -> str:
    """A line's text that would start a list or an underline: '\\- ', '1\\. '."""
    match = _STARTS_BLOCK.match(value)
    if not match:
        return value
    if match.group().isdigit():
        return f"{match.group()}\\{value[match.end() :]}"
    return "\\" + value


def address(value: str) -> str:
    """An address percent-encoded wherever Markdown would read it (spaces, '<', '>', parentheses)."""
    return quote(value.strip(), safe=ADDRESS_SAFE)
