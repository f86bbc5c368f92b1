"""Degree codes for people: what each means, how to check it, and the sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlis_cli.model.iso3166 import NAMES
from mlis_cli.model.ruleset import Degree, Figure, RuleSet
from mlis_cli.render.layout import block, item

if TYPE_CHECKING:
    from rich.console import Console


def cited(sources: tuple[str, ...]) -> str:
    """Source ids as shown after a statement: [a, b], dimmed."""
    from rich.markup import escape

    return f"[dim]{escape('[' + ', '.join(sources) + ']')}[/]"


def stated(figure_date: str) -> str:
    return "date not known" if figure_date == "nd" else figure_date


def figure_text(figure: Figure) -> str:
    from rich.markup import escape

    text = f"{figure.figure} {escape(figure.counts)} (stated: {stated(figure.stated)})"
    if figure.note:
        text += f". {escape(figure.note)}"
    return f"{text} {cited(figure.sources)}"


def render_degree_list(degrees: list[Degree], console: Console) -> None:
    from rich.markup import escape

    for index, degree in enumerate(degrees):
        if index:
            console.print()
        item(console, f"[bold]{escape(degree.code)}[/]:", escape(degree.name), 0)
        block(console, escape(degree.description), 4)
        _verify(degree, console, 4)


def render_degree(ruleset: RuleSet, degree: Degree, console: Console) -> None:
    from rich.markup import escape

    item(console, f"[bold]{escape(degree.code)}[/]:", f"[bold]{escape(degree.name)}[/]", 0)
    block(console, escape(degree.description), 2)
    console.print()
    _verify(degree, console, 2)
    console.print()
    if degree.names is not None:
        block(console, "[bold]Names it goes by[/]", 2)
        names = degree.names
        block(console, f"{escape('; '.join(names.examples))}. {escape(names.note)} {cited(names.sources)}", 4)
        console.print()
    if degree.programs is not None:
        programs = degree.programs
        block(console, "[bold]Programs[/]", 2)
        if programs.note:
            block(console, escape(programs.note), 4)
        for figure in programs.counts:
            item(console, "-", figure_text(figure), 4)
        if programs.named:
            block(console, "Named in the sources:", 4)
        for program in programs.named:
            where = NAMES.get(program.country, program.country.upper())
            text = f"{escape(program.institution)} ({escape(where)})"
            if program.note:
                text += f": {escape(program.note)}"
            item(console, "-", f"{text} {cited(program.sources)}", 4)
        console.print()
    block(console, "[bold]Sources[/]", 2)
    for source in degree.cited():
        item(console, "-", source_line(ruleset, source), 4)


def source_line(ruleset: RuleSet, source: str) -> str:
    """[id] "Title", publisher, address, date, reliability"""
    from rich.markup import escape

    from mlis_cli.render.text import describe_source

    return escape(f"[{source}] {describe_source(ruleset.sources[source])}")


def _verify(degree: Degree, console: Console, indent: int) -> None:
    from rich.markup import escape

    if not degree.verify:
        block(console, "How to check it: the rules do not say.", indent)
        return
    block(console, "[bold]How to check it[/]", indent)
    for number, step in enumerate(degree.verify, start=1):
        item(console, f"{number}.", f"{escape(step.text)} {cited(step.sources)}", indent + 2)
