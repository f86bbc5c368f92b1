"""Guides for people: each point with its sources and how reliable they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlis_cli.model.ruleset import Guide, RuleSet
from mlis_cli.render.degree_text import source_line
from mlis_cli.render.layout import block, item

if TYPE_CHECKING:
    from rich.console import Console


def render_guide_list(guides: list[Guide], console: Console) -> None:
    from rich.markup import escape

    if not guides:
        block(console, "These rules have no guides (guides.yaml is absent).")
        return
    for guide in guides:
        item(console, f"[bold]{escape(guide.name)}[/]:", escape(guide.title), 0)
        if guide.sector is not None:
            block(console, escape(f"For --sector {guide.sector}."), 4)


def render_guide(ruleset: RuleSet, guide: Guide, console: Console) -> None:
    from rich.markup import escape

    item(console, f"[bold]{escape(guide.name)}[/]:", f"[bold]{escape(guide.title)}[/]", 0)
    block(console, escape(guide.summary), 2)
    for section in guide.sections:
        console.print()
        block(console, f"[bold]{escape(section.heading)}[/]", 2)
        for point in section.points:
            item(console, "-", f"{escape(point.text)} {_cited(ruleset, point.sources)}", 4)
    console.print()
    block(console, "[bold]Sources[/]", 2)
    for source in guide.cited():
        item(console, "-", source_line(ruleset, source), 4)


def _cited(ruleset: RuleSet, sources: tuple[str, ...]) -> str:
    """[id, reliability, date; ...] after a point, dimmed: how far to trust it at a glance."""
    from rich.markup import escape

    def one(source: str) -> str:
        found = ruleset.sources[source]
        date = "no date" if found.date == "nd" else found.date
        return f"{source}, {found.reliability}, {date}"

    return f"[dim]{escape('[' + '; '.join(one(source) for source in sources) + ']')}[/]"
