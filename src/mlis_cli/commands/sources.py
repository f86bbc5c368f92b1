"""mlis sources: every source the rules cite, its age and the cases resting on it; an audit;
citations for reference managers."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands.options import CsvRaw, JsonFlag, NoColor, RulesDir
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Format, Output, chosen, emit

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.model.ruleset import RuleSet


class SourcesFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    YAML = "yaml"
    CSV = "csv"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


CITATIONS = (SourcesFormat.BIBTEX, SourcesFormat.RIS, SourcesFormat.CSL_JSON)


def sources(
    audit: Annotated[
        bool,
        typer.Option(
            "--audit",
            help=(
                "List undated, address-less and home-page-only sources, and outcomes resting "
                "only on weak sources or only on sources over five years old."
            ),
        ),
    ] = False,
    fmt: Annotated[
        SourcesFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text for people; json, jsonl, yaml or csv for scripts; "
            "bibtex, ris or csl-json for reference managers.",
            case_sensitive=False,
        ),
    ] = SourcesFormat.TEXT,
    json_flag: JsonFlag = False,
    no_color: NoColor = False,
    csv_raw: CsvRaw = False,
    rules_dir: RulesDir = None,
) -> None:
    """Every source the rules cite: publisher, address, date, reliability, age, and the
    cases (country/requirement/case) that rest on it.

    Ages count whole years to the evaluation date (MLIS_TODAY fixes it).

    \b
    Examples:
      mlis sources
      mlis sources --audit
      mlis sources --format bibtex > mlis.bib
    """
    if fmt in CITATIONS and (audit or json_flag):
        given = "--audit" if audit else "--json"
        raise UsageError(f"--format {fmt.value} exports citations; it does not go with {given}")
    ruleset = load_rules(rules_dir)
    if fmt in CITATIONS:
        from mlis_cli.render import citations

        write = {"bibtex": citations.bibtex, "ris": citations.ris, "csl-json": citations.csl_json}
        sys.stdout.write(write[fmt.value](ruleset.sources.values()))
        return
    from mlis_cli.render.csv_out import formulas_kept

    with formulas_kept(csv_raw):
        _listing(ruleset, audit, chosen(Format(fmt.value), json_flag), no_color)


def _listing(ruleset: RuleSet, audit: bool, output_format: Format, no_color: bool) -> None:
    """The sources, or their audit, in one of the formats every command writes."""
    if audit:
        from mlis_cli.render.source_audit import AUDIT_COLUMNS, audit_lines, audit_rows
        from mlis_cli.render.source_audit import audit as find

        found = find(ruleset, today())

        def audit_text(out: Console) -> None:
            from mlis_cli.render.layout import plain_lines

            plain_lines(out, audit_lines(found))

        emit(Output(found, audit_rows(found), AUDIT_COLUMNS, audit_text), output_format, no_color=no_color)
        return
    from mlis_cli.catalog.source_use import cases_citing
    from mlis_cli.render.source_list import SOURCE_COLUMNS, source_lines, source_record

    cited = cases_citing(ruleset)
    when = today()
    records = [source_record(s, cited[s.id], when) for s in ruleset.sources.values()]

    def text(out: Console) -> None:
        from mlis_cli.render.layout import plain_lines

        for index, record in enumerate(records):
            plain_lines(out, [""] * bool(index) + source_lines(record))

    emit(Output(records, records, SOURCE_COLUMNS, text), output_format, no_color=no_color)
