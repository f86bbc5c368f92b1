"""mlis matrix: degrees by countries, the recognition verdict of each at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.model.verdicts import Verdict
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.engine.recognition import Cell
    from mlis_cli.render.document import Document

SHORT = {
    Verdict.ELIGIBLE: "E",
    Verdict.CONDITIONAL: "C",
    Verdict.CASE_BY_CASE: "CB",
    Verdict.UNKNOWN: "?",
    Verdict.UNLIKELY: "U",
    Verdict.INELIGIBLE: "I",
}


@output_options(report=True)
def matrix(
    *,
    output: OutputOptions,
) -> None:
    """Degrees by countries: how each degree is recognised, from the degree alone.

    \b
    Examples:
      mlis matrix
      mlis matrix --format json
      mlis matrix --format html > matrix.html

    Only accreditation and review requirements count; visas, language and
    nationality depend on the person (use mlis check). A cell shows one verdict
    when the degree alone settles it, and best/worst (E/CB) when other facts
    (how long you stay, when you graduated) decide between them.
    """
    # imported here, not above: `mlis matrix --help` needs no engine
    from mlis_cli.engine.recognition import matrix as build_matrix

    ruleset = load_rules(output.rules_dir)
    when = today()
    rows = build_matrix(ruleset, when)
    document = [
        {
            "degree": row[0].degree,
            "countries": {
                cell.country: {
                    "verdict": cell.verdict.value,
                    "worst_case": cell.worst_case.value,
                    "complete": cell.complete,
                }
                for cell in row
            },
        }
        for row in rows
    ]
    records = [
        {
            "degree": cell.degree,
            "country": cell.country,
            "verdict": cell.verdict.value,
            "worst_case": cell.worst_case.value,
            "complete": cell.complete,
        }
        for row in rows
        for cell in row
    ]

    def text(out: Console) -> None:
        from rich.markup import escape
        from rich.table import Table

        from mlis_cli.model.verdicts import WORDS
        from mlis_cli.render.layout import block
        from mlis_cli.render.text import print_table

        codes = list(ruleset.countries)
        for number, part in enumerate(fitting(rows, codes, out.width)):
            if number:
                out.print()
            table = Table(box=None, pad_edge=False, header_style="bold")
            table.add_column("degree")
            for index in part:
                table.add_column(codes[index])
            for row in rows:
                table.add_row(escape(row[0].degree), *(cell_text(row[index]) for index in part))
            print_table(table, out)
        block(out, ", ".join(f"{short} {WORDS[verdict]}" for verdict, short in SHORT.items()))
        block(out, "E/CB: eligible at best, decided case by case at worst; other facts decide (mlis check)")

    def report() -> Document:
        from mlis_cli.render.rules_document import matrix_document

        return matrix_document(rows, ruleset.countries, ruleset.degrees, when)

    emit(
        Output(document, records, MATRIX_COLUMNS, text, report=report),
        output.format,
        no_color=output.no_color,
        pager=output.pager,
    )


def fitting(rows: list[list[Cell]], codes: list[str], width: int) -> list[list[int]]:
    """The countries' columns in groups, each as wide as the screen allows (at least one a group).

    Each group is printed as its own table with the degree column, so that no
    cell is cut short however many countries the rules hold.
    """
    gap = 2
    first = max([len("degree"), *(len(row[0].degree) for row in rows)])
    widths = [
        max([len(code), *(len(_plain(row[index])) for row in rows)]) for index, code in enumerate(codes)
    ]
    groups: list[list[int]] = [[]]
    used = first
    for index, column in enumerate(widths):
        if groups[-1] and used + gap + column > width:
            groups.append([])
            used = first
        groups[-1].append(index)
        used += gap + column
    return groups


def _plain(cell: Cell) -> str:
    return SHORT[cell.verdict] if cell.complete else f"{SHORT[cell.verdict]}/{SHORT[cell.worst_case]}"


def cell_text(cell: Cell) -> str:
    """One verdict, or best/worst when other facts decide between them, each in its color."""
    from rich.markup import escape

    from mlis_cli.render.text import VERDICT_STYLES

    def short(verdict: Verdict) -> str:
        return f"[{VERDICT_STYLES[verdict]}]{escape(SHORT[verdict])}[/]"

    return short(cell.verdict) if cell.complete else f"{short(cell.verdict)}/{short(cell.worst_case)}"


MATRIX_COLUMNS = ("degree", "country", "verdict", "worst_case", "complete")
"""The CSV columns of mlis matrix: one row per degree and country."""
