"""mlis list-countries, mlis show: which countries the rules cover, in words."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Format, Output, emit

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.model.ruleset import Country, RuleSet
    from mlis_cli.render.document import Document

GROUP_WORDS = {
    "no-additional-qualifications": "no additional qualifications required",
    "more-hoops": "language or more hoops",
    "replies": "raised in the replies",
}


@output_options()
def list_countries(
    codes: Annotated[bool, typer.Option("--codes", help="One code per line, nothing else.")] = False,
    *,
    output: OutputOptions,
) -> None:
    """The countries with rules: code, name, group in the founding post, association.

    \b
    Examples:
      mlis list-countries
      mlis list-countries --codes
      mlis list-countries --format json | jq -r '.[].code'
      mlis list-countries --format csv
    """
    fmt = output.format
    if codes and fmt is not Format.TEXT:
        raise UsageError(f"--codes prints codes only; it cannot be combined with --format {fmt}")
    ruleset = load_rules(output.rules_dir)
    rows = [country_row(country) for country in ruleset.countries.values()]
    if codes:
        sys.stdout.write("".join(f"{row['code']}\n" for row in rows))
        return

    def text(out: Console) -> None:
        from rich.table import Table
        from rich.text import Text

        from mlis_cli.render.text import print_table

        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("code", "name", "group", "association"):
            table.add_column(column)
        for row in rows:
            # Rule text is never markup: a name like "Fin[/]land" prints as written.
            table.add_row(
                *(
                    Text(value)
                    for value in (row["code"], row["name"], GROUP_WORDS[row["group"]], row["association"])
                )
            )
        print_table(table, out)

    emit(Output(rows, rows, COUNTRY_COLUMNS, text), fmt, no_color=output.no_color, pager=output.pager)


COUNTRY_COLUMNS = ("code", "name", "group", "association", "reviewed")


def country_row(country: Country) -> dict[str, Any]:
    return {
        "code": country.code,
        "name": country.name,
        "group": country.group,
        "association": country.association,
        "reviewed": country.reviewed.isoformat(),
    }


@output_options(report=True)
def show(
    country: Annotated[
        str,
        typer.Argument(help="Country code or name.", metavar="CODE", autocompletion=completers.countries),
    ],
    *,
    output: OutputOptions,
) -> None:
    """A country's requirements and their cases, in words, with sources.

    JSONL and CSV give one record per case.

    \b
    Examples:
      mlis show fi
      mlis show Germany --format json
      mlis show fi --format csv
      mlis show fi --format html > finland-rules.html
    """
    # imported here, not above: `mlis show --help` needs none of it
    from mlis_cli.person.destinations import resolve

    ruleset = load_rules(output.rules_dir)
    chosen = ruleset.countries[resolve(country, ruleset)]
    data = country_detail(ruleset, chosen)

    def text(out: Console) -> None:
        show_text(data, ruleset, out)

    def report() -> Document:
        from mlis_cli.render.rules_document import show_document

        return show_document(chosen, ruleset.sources, today())

    shown = Output(data, case_records(data), CASE_COLUMNS, text, report=report)
    emit(shown, output.format, no_color=output.no_color, pager=output.pager)


CASE_COLUMNS = (
    "country",
    "requirement",
    "kind",
    "title",
    "case",
    "when",
    "verdict",
    "reason",
    "steps",
    "sources",
)


def case_records(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per case of every requirement, cases numbered from 0 as in check's JSON."""
    return [
        {
            "country": data["code"],
            "requirement": requirement["id"],
            "kind": requirement["kind"],
            "title": requirement["title"],
            "case": number,
            **case,
        }
        for requirement in data["requirements"]
        for number, case in enumerate(requirement["cases"])
    ]


def show_text(data: dict[str, Any], ruleset: RuleSet, out: Console) -> None:
    from rich.markup import escape

    from mlis_cli.model.verdicts import Verdict
    from mlis_cli.render.layout import block, item
    from mlis_cli.render.text import describe_source, verdict_text

    block(
        out,
        f"[bold]{escape(data['name'])} ({data['code']})[/]: "
        f"{GROUP_WORDS[data['group']]}; {escape(data['association'])}",
    )
    for requirement in data["requirements"]:
        out.print()
        block(
            out,
            f"[bold]{escape(requirement['title'])}[/] [dim]({requirement['kind']}, {requirement['id']})[/]",
            2,
        )
        for number, case in enumerate(requirement["cases"], start=1):
            when = f"if {case['when']}" if case["when"] else "otherwise"
            item(out, f"{number}.", f"{escape(when)}: {verdict_text(Verdict(case['verdict']))}", 4)
            block(out, escape(case["reason"]), 7)
            for step in case["steps"]:
                item(out, "-", escape(step), 7)
            block(out, f"[dim]sources: {', '.join(case['sources'])}[/]", 7)
    out.print()
    block(out, "[bold]Sources[/]", 2)
    for source_id in data["sources"]:
        item(out, escape(f"[{source_id}]"), escape(describe_source(ruleset.sources[source_id])), 4)
    out.print()
    block(out, f"Rules reviewed {data['reviewed']}", 2)


def country_detail(ruleset: RuleSet, country: Country) -> dict[str, Any]:
    # imported here, not above: neither command's --help needs the engine
    from mlis_cli.engine.conditions import logic

    cited: dict[str, None] = {}
    requirements = []
    for requirement in country.requirements:
        cases = []
        for case in requirement.cases:
            cited.update(dict.fromkeys(case.sources))
            cases.append(
                {
                    "when": logic.describe(case.condition) if case.condition else None,
                    "verdict": case.verdict.value,
                    "reason": case.reason,
                    "steps": list(case.steps),
                    "sources": list(case.sources),
                }
            )
        requirements.append(
            {"id": requirement.id, "kind": requirement.kind, "title": requirement.title, "cases": cases}
        )
    return {**country_row(country), "requirements": requirements, "sources": list(cited)}
