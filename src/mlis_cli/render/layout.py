"""Laying text out for people: every text renderer prints through these, so all wrap alike.

- A paragraph wraps under its own first letter; a list item under its text,
  after its label (a hanging indent).
- Words are never split, so an address stays whole: a word longer than the
  line (a long URL) gets a line of its own, the only line allowed to be wider.
- Lines carry no trailing spaces, so text output stays clean in pipes.
- Where a label would leave too little room (a narrow terminal), the text
  starts on the next line, indented under the label.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

MIN_TEXT_WIDTH = 24
"""Narrower than this beside a label, the text moves under the label."""


def plain_lines(console: Console, lines: Iterable[str]) -> None:
    """Lines of plain text (no markup), each wrapped under its own leading spaces."""
    from rich.markup import escape

    for text in lines:
        words = text.lstrip(" ")
        block(console, escape(words), len(text) - len(words))


def block(console: Console, markup: str, indent: int = 0) -> None:
    """A paragraph that wraps under its own first letter."""
    item(console, "", markup, indent)


def item(console: Console, label: str, markup: str, indent: int) -> None:
    """A label, then text that wraps with a hanging indent."""
    from rich.text import Text

    head = Text(" " * indent) + Text.from_markup(label, emoji=False)
    if label:
        head.append(" ")
    if label and console.width - head.cell_len < MIN_TEXT_WIDTH:
        head.rstrip()
        console.print(head, soft_wrap=True)
        head = Text(" " * (indent + 2))
    _wrapped(console, head, Text.from_markup(markup, emoji=False))


def _wrapped(console: Console, head: Text, text: Text) -> None:
    from rich.text import Text

    hang = Text(" " * head.cell_len)
    width = max(console.width - head.cell_len, 1)
    lines = [(head if number == 0 else hang) + part for number, part in enumerate(_lines(text, width))]
    # One print per paragraph, not per line: each print is a pass through rich's render pipeline.
    console.print(Text("\n").join(lines), soft_wrap=True)


def _lines(text: Text, width: int) -> list[Text]:
    """The text in lines of at most width cells, split only between words.

    rich's own wrap either folds a long word (splitting an address) or, told
    not to, stops wrapping altogether; this keeps wrapping and never folds.
    """
    from rich._wrap import divide_line

    lines: list[Text] = []
    for paragraph in text.split(allow_blank=True):
        for part in paragraph.divide(divide_line(str(paragraph), width, fold=False)):
            part.rstrip()
            lines.append(part)
    return lines
