"""mlis rules: validate the rule files, print their JSON Schema, run their test cases."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.errors import EXIT_THRESHOLD
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    help=(
        "Check the rule data: validate, schema, test, coverage, diff.\n\n"
        "\b\nExamples:\n  mlis rules validate\n  mlis rules test ./my-rules\n"
        "  mlis rules coverage --fail-under 100\n"
        "  mlis rules diff ./rules-before ./rules\n"
        "  mlis rules schema > country.schema.json"
    ),
    no_args_is_help=True,
    add_completion=False,
)

DirArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="DIR",
        help="Rules directory (default: --rules-dir, MLIS_RULES_DIR or the shipped rules).",
        show_default=False,
    ),
]


@app.command()
@output_options(color=False)
def validate(
    directory: DirArgument = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Policy warnings count as problems: exit 1 if there are any.")
    ] = False,
    *,
    output: OutputOptions,
) -> None:
    """Report every problem in every rule file, sorted; exit 1 if there are any.

    Also what the verdict policy asks and the data does not do (docs/verdict-policy.md):
    these warnings are reported and leave the exit code alone, unless --strict.

    \b
    Examples:
      mlis rules validate
      mlis rules validate --strict
      mlis rules validate ./my-rules --format json
    """
    # imported here, not above: no `mlis rules` --help needs the rule-file reader
    from mlis_cli.rulefiles import loader
    from mlis_cli.rulefiles.location import rules_dir as locate
    from mlis_cli.rulefiles.problems import WARNING

    path, shown = locate(directory or output.rules_dir)
    found = loader.problems_in(path, shown)
    records = [problem.to_dict() for problem in found]
    warnings = sum(problem.severity == WARNING for problem in found)
    problems = len(found) - warnings

    def text(out: Console) -> None:
        for problem in found:
            out.out(str(problem))
        summary = f"{problems} problem{'s' if problems != 1 else ''}" if problems else "no problems"
        if warnings:
            summary += f", {warnings} policy warning{'s' if warnings != 1 else ''}"
        sys.stderr.write(f"{shown}: {summary}\n")

    emit(Output({"problems": records}, records, PROBLEM_COLUMNS, text), output.format, pager=output.pager)
    if problems or (strict and warnings):
        raise typer.Exit(EXIT_THRESHOLD)


PROBLEM_COLUMNS = ("file", "line", "column", "severity", "message")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a country file, for editors that validate YAML.

    \b
    Example:
      mlis rules schema > country.schema.json
    """
    from mlis_cli.rulefiles.schema import CountryFile

    json.dump(CountryFile.model_json_schema(by_alias=True), sys.stdout, indent=2)
    sys.stdout.write("\n")


@app.command("test")
@output_options(color=False)
def run_tests(directory: DirArgument = None, *, output: OutputOptions) -> None:
    """Run the test cases written beside the rules; exit 1 if any fails.

    \b
    Examples:
      mlis rules test
      mlis rules test ./my-rules
    """
    from mlis_cli.rulefiles import loader
    from mlis_cli.rulefiles.location import rules_dir as locate
    from mlis_cli.rulefiles.rule_tests import run_all

    path, shown = locate(directory or output.rules_dir)
    outcomes = run_all(loader.load(path, shown))
    failed = [o for o in outcomes if not o.passed]
    records = [
        {"country": o.country, "name": o.name, "passed": o.passed, "failures": list(o.failures)}
        for o in outcomes
    ]

    def text(out: Console) -> None:
        from rich.markup import escape

        from mlis_cli.render.layout import block, item

        for outcome in outcomes:
            mark = "ok  " if outcome.passed else "FAIL"
            item(out, mark, escape(f"{outcome.country}: {outcome.name}"), 0)
            for failure in outcome.failures:
                block(out, escape(failure), 7)
        sys.stderr.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed\n")

    emit(Output({"tests": records}, records, TEST_COLUMNS, text), output.format, pager=output.pager)
    if failed:
        raise typer.Exit(EXIT_THRESHOLD)


TEST_COLUMNS = ("country", "name", "passed", "failures")


@app.command()
@output_options(color=False)
def coverage(
    directory: DirArgument = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="PERCENT",
            min=0,
            max=100,
            help="Exit 1 when fewer than PERCENT of the cases are reached by a test.",
            show_default=False,
        ),
    ] = None,
    *,
    output: OutputOptions,
) -> None:
    """Show which cases no test reaches, which sources no case cites, and which
    requirement kinds each country covers.

    \b
    Examples:
      mlis rules coverage
      mlis rules coverage ./my-rules --fail-under 90
      mlis rules coverage --json
    """
    from mlis_cli.render.coverage import coverage_dict, coverage_lines
    from mlis_cli.rulefiles import loader
    from mlis_cli.rulefiles.coverage import coverage_of
    from mlis_cli.rulefiles.location import rules_dir as locate

    path, shown = locate(directory or output.rules_dir)
    found = coverage_of(loader.load(path, shown))
    document = coverage_dict(found)

    def text(out: Console) -> None:
        from mlis_cli.render.layout import plain_lines

        plain_lines(out, coverage_lines(found))

    emit(
        Output(document, document["countries"], COVERAGE_COLUMNS, text, _coverage_rows(document)),
        output.format,
    )
    if fail_under is not None and found.percent < fail_under:
        sys.stderr.write(f"mlis: case coverage {found.percent:.1f}% is below {fail_under:g}%\n")
        raise typer.Exit(EXIT_THRESHOLD)


@app.command()
@output_options(color=False)
def diff(
    old: Annotated[Path, typer.Argument(help="The rules before the edit.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The rules after the edit.", show_default=False)],
    profiles: Annotated[
        Path | None,
        typer.Option(
            "--profiles",
            metavar="FILE.jsonl",
            help="Compare only these profiles (one JSON object a line, as batch reads; - for stdin).",
            show_default=False,
        ),
    ] = None,
    fail_on_change: Annotated[
        bool, typer.Option("--fail-on-change", help="Exit 1 when any answer changes (for CI).")
    ] = False,
    *,
    output: OutputOptions,
) -> None:
    """List every class of facts whose verdict, worst case or open questions differ between
    two rule sets, with before -> after and the cases that decided each.

    A class gives each fact the rules read one of the values the two rule sets
    tell apart (the values they mention, plus one no rule names), or leaves it
    unknown. MLIS_TODAY fixes the evaluation date.

    \b
    Examples:
      mlis rules diff ./rules-before ./rules
      mlis rules diff ./rules-before ./rules --profiles class.jsonl
      mlis rules diff ./rules-before ./rules --fail-on-change --format json
    """
    from mlis_cli.commands.shared import today
    from mlis_cli.engine.rule_diff import diff_cohort, diff_rules
    from mlis_cli.render.rule_diff import DIFF_COLUMNS, diff_dict, diff_lines, diff_row
    from mlis_cli.rulefiles import loader
    from mlis_cli.rulefiles.location import rules_dir as locate

    before = loader.load(*locate(old))
    after = loader.load(*locate(new))
    when = today()
    if profiles is None:
        found = diff_rules(before, after, when)
    else:
        from mlis_cli.commands.cohort import read_cohort

        found = diff_cohort(before, after, read_cohort(profiles, after, when), when)
    document = diff_dict(found, cohort=profiles is not None)

    def text(out: Console) -> None:
        from mlis_cli.render.layout import plain_lines

        plain_lines(out, diff_lines(found, cohort=profiles is not None))

    rows = [diff_row(change) for change in found.changes]
    emit(Output(document, document["changes"], DIFF_COLUMNS, text, rows), output.format)
    if fail_on_change and found.changed:
        raise typer.Exit(EXIT_THRESHOLD)


COVERAGE_COLUMNS = ("code", "name", "cases", "reached", "missed", "kinds", "uncited_sources")


def _coverage_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One CSV row a country: each list a list cell (a JSON array)."""
    return [
        {
            **country,
            "missed": [f"{m['requirement']} case {m['case']}" for m in country["missed"]],
            "kinds": [kind for kind, ids in country["kinds"].items() if ids],
        }
        for country in document["countries"]
    ]
