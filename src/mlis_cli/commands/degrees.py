"""mlis degrees: the degree codes, what each means and how to check it; one code in full."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mlis_cli.commands.options import FormatOption, JsonFlag, NoColor, RulesDir
from mlis_cli.commands.shared import console, load_rules
from mlis_cli.profile_input import parse_degree
from mlis_cli.render.formats import Format, chosen


def degrees(
    code: Annotated[
        str | None,
        typer.Argument(help="A degree code to show in full (ala, cilip, ..., none).", show_default=False),
    ] = None,
    fmt: FormatOption = Format.TEXT,
    json_flag: JsonFlag = False,
    no_color: NoColor = False,
    rules_dir: RulesDir = None,
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
    ruleset = load_rules(rules_dir)
    as_json = chosen(fmt, json_flag) is Format.JSON
    if code is None:
        from mlis_cli.render.degree_dict import degree_row

        entries = list(ruleset.degrees.values())
        if as_json:
            from mlis_cli.render.json_out import write_json

            write_json([degree_row(degree) for degree in entries], sys.stdout)
        else:
            from mlis_cli.render.degree_text import render_degree_list

            render_degree_list(entries, console(no_color))
        return
    degree = ruleset.degrees[parse_degree(code, ruleset.degrees)]
    if as_json:
        from mlis_cli.render.degree_dict import degree_detail
        from mlis_cli.render.json_out import write_json

        write_json(degree_detail(ruleset, degree), sys.stdout)
    else:
        from mlis_cli.render.degree_text import render_degree

        render_degree(ruleset, degree, console(no_color))
