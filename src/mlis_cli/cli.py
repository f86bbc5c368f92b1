"""The Typer application: wiring only. Each command lives in mlis_cli.commands."""

from __future__ import annotations

from typing import Annotated

import typer

from mlis_cli import __version__
from mlis_cli.commands import batch, catalog, certificates, check, degrees, matrix, plan, profile, rules

app = typer.Typer(
    name="mlis",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"mlis {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Can I work as a librarian abroad with my library degree?

    \b
    Examples:
      mlis check --degree ala --country fi
      mlis check --degree ala --all --citizenship us --age 28 --lang de:B2
      mlis plan --country de --degree ala --citizenship us --lang de:A2
      mlis list-countries
      mlis show de
      mlis degrees ala
      mlis certificates --topic data
      mlis batch class.jsonl --all --fail-on unlikely

    \b
    Exit codes:
      0    it ran
      1    a --fail-on threshold was met; rules validate or rules test found problems
      2    usage error (unknown option, country, degree, bad value, profile or batch line)
      3    the rule data is invalid
      130  interrupted

    Every command that prints results takes --format text|json|jsonl|yaml|csv
    (batch: jsonl or csv); errors are then JSON on stderr for json and jsonl.
    Color only on a terminal; NO_COLOR, --no-color and TERM=dumb turn it off,
    FORCE_COLOR on.
    """


app.command("check")(check.check)
app.command("plan")(plan.plan)
app.command("list-countries")(catalog.list_countries)
app.command("show")(catalog.show)
app.command("degrees")(degrees.degrees)
app.command("certificates")(certificates.certificates)
app.command("matrix")(matrix.matrix)
app.command("batch")(batch.batch)
app.add_typer(rules.app, name="rules")
app.add_typer(profile.app, name="profile")
