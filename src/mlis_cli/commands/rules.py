"""mlis rules: validate the rule files, print their JSON Schema, run their test cases."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.errors import EXIT_THRESHOLD
from mlis_cli.render.formats import Output, emit
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.location import rules_dir as locate
from mlis_cli.rulefiles.problems import WARNING

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    help=(
        "Check the rule data: validate, schema, test.\n\n"
        "\b\nExamples:\n  mlis rules validate\n  mlis rules test ./my-rules\n"
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

    emit(Output({"problems": records}, records, PROBLEM_COLUMNS, text), output.format)
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
    from mlis_cli.rulefiles.rule_tests import run_all

    path, shown = locate(directory or output.rules_dir)
    outcomes = run_all(loader.load(path, shown))
    failed = [o for o in outcomes if not o.passed]
    records = [
        {"country": o.country, "name": o.name, "passed": o.passed, "failures": list(o.failures)}
        for o in outcomes
    ]

    def text(out: Console) -> None:
        for outcome in outcomes:
            mark = "ok  " if outcome.passed else "FAIL"
            out.out(f"{mark} {outcome.country}: {outcome.name}")
            for failure in outcome.failures:
                out.out(f"       {failure}")
        sys.stderr.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed\n")

    emit(Output({"tests": records}, records, TEST_COLUMNS, text), output.format)
    if failed:
        raise typer.Exit(EXIT_THRESHOLD)


TEST_COLUMNS = ("country", "name", "passed", "failures")
