"""mlis guide: guidance that applies in any country, each point with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.shared import load_rules
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.model.ruleset import Guide, RuleSet


@output_options()
def guide(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A guide to show in full (international-schools), or the sector it speaks of.",
            show_default=False,
            metavar="NAME",
            autocompletion=completers.guides,
        ),
    ] = None,
    *,
    output: OutputOptions,
) -> None:
    """Guidance that applies in any country, such as librarian posts in international schools.

    \b
    Examples:
      mlis guide
      mlis guide international-schools
      mlis guide international-schools --format json

    With a name: the guide in full, each point with its sources, their
    reliability and date, and every source described. A sector's name
    (international-school) finds the guide that speaks of it.
    """
    from mlis_cli.render.guide_dict import guide_detail, guide_row

    ruleset = load_rules(output.rules_dir)
    if name is None:
        entries = list(ruleset.guides)
        rows = [guide_row(entry) for entry in entries]

        def text(out: Console) -> None:
            from mlis_cli.render.guide_text import render_guide_list

            render_guide_list(entries, out)

        emit(
            Output(rows, rows, GUIDE_COLUMNS, text),
            output.format,
            no_color=output.no_color,
            pager=output.pager,
        )
        return
    found = find_guide(ruleset, name)
    detail = guide_detail(ruleset, found)

    def one(out: Console) -> None:
        from mlis_cli.render.guide_text import render_guide

        render_guide(ruleset, found, out)

    emit(
        Output(detail, [detail], GUIDE_COLUMNS, one),
        output.format,
        no_color=output.no_color,
        pager=output.pager,
    )


def find_guide(ruleset: RuleSet, name: str) -> Guide:
    """The guide of that name, or the one that speaks of that sector; a usage error otherwise."""
    # imported here, not above: `mlis guide --help` needs none of it
    from mlis_cli.person.profile_input import nearest

    key = name.strip().lower()
    for entry in ruleset.guides:
        if key in (entry.name, entry.sector):
            return entry
    names = [entry.name for entry in ruleset.guides]
    if not names:
        raise UsageError(f"unknown guide '{name}': these rules have no guides")
    close = nearest(key, [*names, *(entry.sector for entry in ruleset.guides if entry.sector)])
    raise UsageError(
        f"unknown guide '{name}': expected {', '.join(names)}",
        hint=f"did you mean {', '.join(close)}?" if close else "run 'mlis guide' to list the guides",
    )


GUIDE_COLUMNS = ("name", "title", "sector", "sources")
"""The CSV columns of mlis guide: one row per guide."""
