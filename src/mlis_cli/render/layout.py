"""Laying text out for people: paragraphs and list items that wrap under their own text.

Lines carry no trailing spaces, so text output stays clean in pipes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def block(console: Console, markup: str, indent: int) -> None:
    """A paragraph that wraps under its own first letter."""
    item(console, "", markup, indent)


def item(console: Console, label: str, markup: str, indent: int) -> None:
    """A label, then text that wraps with a hanging indent."""
    from rich.text import Text

    head = Text(" " * indent) + Text.from_markup(label)
    if label:
        head.append(" ")
    hang = Text(" " * head.cell_len)
    width = max(console.width - head.cell_len, 20)
    for number, line in enumerate(Text.from_markup(markup).wrap(console, width)):
        line.rstrip()
        console.print((head if number == 0 else hang) + line, soft_wrap=True)
