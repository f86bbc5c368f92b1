"""The reports to hand over that show the rules themselves: `mlis show` and `mlis matrix`.

Pure, like report_document: the date the report is made comes in as an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from mlis_cli.engine.recognition import Cell
from mlis_cli.model.ruleset import Country, Degree, Source
from mlis_cli.render.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Section,
    Table,
    VerdictWords,
)
from mlis_cli.render.report_parts import made_and_reviewed, source_blocks


def show_document(country: Country, sources: Mapping[str, Source], made: dt.date) -> Document:
    """`mlis show CODE --format markdown|html`: every requirement and its cases, with their sources."""
    title = f"The rules for {country.name} ({country.code})"
    blocks: list[Block] = [
        Heading(1, (title,)),
        *made_and_reviewed(made, [country.reviewed]),
        Paragraph(("Authority or association: ", country.association)),
        Paragraph(
            (
                "Each requirement lists its cases in the order mlis tries them: the first that matches "
                "a profile gives the verdict.",
            )
        ),
    ]
    for requirement in country.requirements:
        cases = []
        cited: dict[str, None] = {}
        for case in requirement.cases:
            cited.update(dict.fromkeys(case.sources))
            when = f"If {case.description}" if case.description else "Otherwise"
            below: list[Line] = [("Next step: ", step) for step in case.steps]
            below.append(("Sources: " + ", ".join(case.sources),))
            cases.append(Item((f"{when}: ", VerdictWords(case.verdict), ". ", case.reason), tuple(below)))
        part: list[Block] = [
            Heading(2, (requirement.title,)),
            Paragraph((f"Kind: {requirement.kind}. Id: {requirement.id}.",)),
            Items(tuple(cases), numbered=True),
            *source_blocks(cited, sources),
        ]
        blocks.append(Section("requirement", tuple(part)))
    return Document(title, tuple(blocks))


def matrix_document(
    rows: Sequence[Sequence[Cell]],
    countries: Mapping[str, Country],
    degrees: Mapping[str, Degree],
    made: dt.date,
) -> Document:
    """`mlis matrix --format markdown|html`: each country by each degree, from the degree alone."""
    title = "Library degrees by country: recognition at a glance"
    codes = [row[0].degree for row in rows]
    by_country: dict[str, list[Cell]] = {code: [] for code in countries}
    for row in rows:
        for cell in row:
            by_country[cell.country].append(cell)
    table_rows = tuple(
        ((f"{countries[code].name} ({code})",), *(cell_words(cell) for cell in cells))
        for code, cells in by_country.items()
    )
    blocks: list[Block] = [
        Heading(1, (title,)),
        *made_and_reviewed(made, [country.reviewed for country in countries.values()]),
        Paragraph(
            (
                "Only the requirements about the degree itself (accreditation and review) count here; "
                "visas, language and nationality depend on the person (mlis check). Where a cell names "
                "two verdicts, other facts (how long you stay, when you graduated) decide between the "
                "best and the worst case.",
            )
        ),
        Table(("country", *codes), table_rows, "matrix"),
        Heading(2, ("The degree codes",)),
        Items(tuple(Item((f"{code}: ", degrees[code].name)) for code in codes if code in degrees)),
    ]
    if len({country.reviewed for country in countries.values()}) > 1:
        blocks.append(Heading(2, ("Rules reviewed",)))
        blocks.append(
            Items(
                tuple(
                    Item((f"{country.name} ({country.code}): {country.reviewed.isoformat()}",))
                    for country in countries.values()
                )
            )
        )
    return Document(title, tuple(blocks))


def cell_words(cell: Cell) -> Line:
    if cell.complete:
        return (VerdictWords(cell.verdict),)
    return (VerdictWords(cell.verdict), " or ", VerdictWords(cell.worst_case))
