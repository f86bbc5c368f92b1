"""A report to hand over, as plain parts that the Markdown and HTML writers turn into a document.

Every piece of text here is text, never markup: each writer escapes it in one
place. Links are the only markup that data can lead to, and `link` makes one
only from an http(s) address.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from mlis_cli.model.verdicts import Verdict


class Link(NamedTuple):
    text: str
    address: str
    """Always http or https: see `link`."""


class Strong(NamedTuple):
    text: str


class VerdictWords(NamedTuple):
    """A verdict in words; HTML colors it by the verdict, Markdown writes the words."""

    verdict: Verdict


Inline = str | Link | Strong | VerdictWords
Line = tuple[Inline, ...]


class Heading(NamedTuple):
    level: int
    """1 for the title, 2 for a part, 3 and 4 below it."""
    text: Line


class Paragraph(NamedTuple):
    text: Line


class Item(NamedTuple):
    text: Line
    below: tuple[Line, ...] = ()
    """Lines listed under this item (a path's requirements, steps and sources)."""


class Items(NamedTuple):
    items: tuple[Item, ...]
    numbered: bool = False
    kind: str = ""
    """'sources' for a list of sources, which HTML sets smaller; '' for any other."""


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]
    kind: str = ""
    """'profile', 'verdicts' or 'matrix': what the HTML writer styles it by."""


class Section(NamedTuple):
    """A block kept together on paper where it fits: one country, or one requirement."""

    kind: str
    """'country' or 'requirement': what the HTML writer styles it by."""
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | Items | Table | Section


class Document(NamedTuple):
    title: str
    blocks: tuple[Block, ...]


WEB_SCHEMES = ("http", "https")


def is_web_address(address: str) -> bool:
    """Whether an address is one a report may link to: http(s), with a host."""
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def link(address: str) -> Inline:
    """The address as a link to itself when it is http(s); as plain text otherwise."""
    return Link(address, address) if is_web_address(address) else address
