"""mlis degrees: the degree codes, what each means and how to check it; one code in full."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.shared import load_rules
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console


@output_options()
def degrees(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A degree code to show in full (ala, cilip, ..., none).",
            show_default=False,
            metavar="CODE",
            autocompletion=completers.degrees,
        ),
    ] = None,
    *,
    output: OutputOptions,
) -> None:
    """The degree codes a profile may name, what each means and how to check it.

    \b
    Examples:
      mlis degrees
      mlis degrees ala
      mlis degrees none --format json

    With a code: the code in full, with the programs the sources name and every
    source described.
    """
    from mlis_cli.render.degree_dict import degree_detail, degree_row

    ruleset = load_rules(output.rules_dir)
    if code is None:
        entries = list(ruleset.degrees.values())
        rows = [degree_row(degree) for degree in entries]

        def text(out: Console) -> None:
            from mlis_cli.render.degree_text import render_degree_list

            render_degree_list(entries, out)

        emit(
            Output(rows, rows, DEGREE_COLUMNS, text),
            output.format,
            no_color=output.no_color,
            pager=output.pager,
        )
        return
    # imported here, not above: `mlis degrees --help` needs none of it
    from mlis_cli.person.profile_input import parse_degree

    degree = ruleset.degrees[parse_degree(code, ruleset.degrees)]
    detail = degree_detail(ruleset, degree)

    def one(out: Console) -> None:
        from mlis_cli.render.degree_text import render_degree

        render_degree(ruleset, degree, out)

    emit(
        Output(detail, [detail], DEGREE_COLUMNS, one),
        output.format,
        no_color=output.no_color,
        pager=output.pager,
    )


DEGREE_COLUMNS = ("code", "name", "description", "sources")
"""The CSV columns of mlis degrees: one row per code."""
