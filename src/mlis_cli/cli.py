"""The Typer application: wiring only. Each command lives in mlis_cli.commands.

Commands are imported only when the application is built, and `build(only=NAME)`
registers just the command being run: start-up then pays for one command's
imports and options, not for all of them (`mlis --help` builds them all).
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer

from mlis_cli import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("mlis_cli.commands.check", "check"),
    "plan": ("mlis_cli.commands.plan", "plan"),
    "list-countries": ("mlis_cli.commands.catalog", "list_countries"),
    "show": ("mlis_cli.commands.catalog", "show"),
    "degrees": ("mlis_cli.commands.degrees", "degrees"),
    "certificates": ("mlis_cli.commands.certificates", "certificates"),
    "guide": ("mlis_cli.commands.guide", "guide"),
    "matrix": ("mlis_cli.commands.matrix", "matrix"),
    "batch": ("mlis_cli.commands.batch", "batch"),
    "sources": ("mlis_cli.commands.sources", "sources"),
}
GROUPS: dict[str, tuple[str, str]] = {
    "rules": ("mlis_cli.commands.rules", "app"),
    "profile": ("mlis_cli.commands.profile", "app"),
}


def _version(value: bool) -> None:
    if value:
        print(f"mlis {__version__}")
        raise typer.Exit()


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
      mlis guide international-schools
      mlis batch class.jsonl --all --fail-on unlikely

    \b
    Exit codes:
      0    it ran
      1    a --fail-on, --fail-under or --fail-on-change threshold was met; rules validate
           or test found problems
      2    usage error (unknown option, country, degree, bad value, profile or batch line)
      3    the rule data is invalid
      70   internal error (a bug in mlis): please report it
      130  interrupted

    Every command that prints results takes --format text|json|jsonl|yaml|csv
    (batch: jsonl or csv); errors are then JSON on stderr for json and jsonl.
    Color only on a terminal; NO_COLOR, --no-color and TERM=dumb turn it off,
    FORCE_COLOR on.
    """


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with only the one named."""
    app = typer.Typer(
        name="mlis",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        # every command and group inherits these from the root context
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(main)
    for name, (module, attribute) in COMMANDS.items():
        if only in (None, name):
            command = getattr(importlib.import_module(module), attribute)
            app.command(name, short_help=first_sentence(command.__doc__))(command)
    for name, (module, attribute) in GROUPS.items():
        if only in (None, name):
            group = getattr(importlib.import_module(module), attribute)
            for info in group.registered_commands:
                info.short_help = info.short_help or first_sentence(info.help or info.callback.__doc__)
            app.add_typer(group, name=name, short_help=first_sentence(group.info.help))
    return app


def first_sentence(text: Any) -> str | None:
    """The first sentence of a help text, whole: what `mlis --help` shows for a command."""
    if not isinstance(text, str) or not text.strip():
        return None
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    end = paragraph.find(". ")
    return paragraph if end < 0 else paragraph[: end + 1]


def __getattr__(name: str) -> Any:
    """`mlis_cli.cli.app`: the whole application, built when first asked for."""
    if name == "app":
        return build()
    raise AttributeError(name)
