"""HTML elements as data, serialised in one place, where every text and attribute value is escaped.

Nothing is ever formatted into markup: a document is built from `element(...)`
calls, and `serialise` escapes each string with html.escape(quote=True). Tag and
attribute names come from mlis's own code, never from data, and are checked.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

VOID = frozenset({"meta", "br"})
_NAME = re.compile(r"[a-z][a-z0-9-]*")


class Element(NamedTuple):
    tag: str
    attributes: tuple[tuple[str, str], ...]
    children: tuple[Node, ...]


Node = Element | str


def element(tag: str, *children: Node, **attributes: str) -> Element:
    """An element; `class_` gives the class attribute, `http_equiv` http-equiv."""
    named = tuple((name.rstrip("_").replace("_", "-"), value) for name, value in attributes.items())
    for name in (tag, *(name for name, _ in named)):
        if not _NAME.fullmatch(name):
            raise ValueError(f"not an HTML name: {name!r}")
    return Element(tag, named, children)


def serialise(node: Node) -> str:
    if isinstance(node, str):
        return html.escape(node, quote=True)
    attributes = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in node.attributes)
    if node.tag in VOID:
        return f"<{node.tag}{attributes}>"
    inside = "".join(serialise(child) for child in node.children)
    return f"<{node.tag}{attributes}>{inside}</{node.tag}>"
