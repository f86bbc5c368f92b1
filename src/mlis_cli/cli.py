"""The Typer application: wiring only. Each command lives in mlis_cli.commands."""

from __future__ import annotations

from typing import Annotated

import typer

from mlis_cli import __version__
from mlis_cli.commands import catalog, check, rules

app = typer.Typer(
    name="mlis",
    help=(
        "Can I work as a librarian abroad with my library degree?\n\n"
        "Exit codes: 0 ran; 1 a --fail-on threshold was met or rules have problems; "
        "2 usage error; 3 invalid rule data; 70 internal error (a bug in mlis); 130 interrupted."
    ),
    no_args_is_help=True,
    add_completion=False,
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
      mlis list-countries
      mlis show de
    """


app.command("check")(check.check)
app.command("list-countries")(catalog.list_countries)
app.command("show")(catalog.show)
app.command("degrees")(catalog.degrees)
app.add_typer(rules.app, name="rules")
