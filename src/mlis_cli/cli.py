"""The Typer application: wiring only. Each command lives in mlis_cli.commands.

A command's module is imported, and its options built, only when that command
is looked up: to run it, to show its help or to complete its options. `mlis
--version`, `mlis --help` and completing a command's name import none of them;
they show each command's first sentence from SHORT_HELP (a test keeps it equal
to the command's own help).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
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
SHORT_HELP: dict[str, str] = {
    "check": "Can I work as a librarian there? A verdict, its reasons, next steps and sources.",
    "plan": "What would change the verdict for one country: every path, best first, with its steps.",
    "list-countries": "The countries with rules: code, name, group in the founding post, association.",
    "show": "A country's requirements and their cases, in words, with sources.",
    "degrees": "The degree codes a profile may name, what each means and how to check it.",
    "certificates": "Certificates to add after the MLIS: topics, delivery, cost with its date, sources.",
    "matrix": "Degrees by countries: how each degree is recognised, from the degree alone.",
    "guide": "Guidance that applies in any country, such as librarian posts in international schools.",
    "batch": "Check many profiles: JSON Lines in, one JSON line per profile and country out.",
    "sources": (
        "Every source the rules cite: publisher, address, date, reliability, age, and the cases "
        "(country/requirement/case) that rest on it."
    ),
    "rules": "Check the rule data: validate, schema, test, coverage, diff.",
    "profile": "Save your facts once; 'mlis check' uses them when no flag gives them.",
}
"""What `mlis --help` and completion show for each command, without importing it."""
APP_SETTINGS: dict[str, Any] = {"pretty_exceptions_enable": False, "rich_markup_mode": None}


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
      74   the output could not be written (closed, full)
      130  interrupted
      143  terminated (SIGTERM)

    Every command that prints results takes --format text|json|jsonl|yaml|csv
    (batch: jsonl or csv; check, plan, show and matrix also markdown and html);
    errors are then JSON on stderr for json and jsonl.
    Color only on a terminal; NO_COLOR, --no-color and TERM=dumb turn it off,
    FORCE_COLOR on.
    """


def build() -> typer.Typer:
    """The application; each command is imported when it is first looked up."""
    app = typer.Typer(
        name="mlis",
        cls=LazyGroup,
        no_args_is_help=True,
        add_completion=True,
        # every command and group inherits these from the root context
        context_settings={"help_option_names": ["-h", "--help"]},
        **APP_SETTINGS,
    )
    app.callback()(main)
    return app


def load_command(name: str) -> Any:
    """One command or group of the application, imported and built."""
    holder = typer.Typer(add_completion=False, **APP_SETTINGS)
    if name in COMMANDS:
        module, attribute = COMMANDS[name]
        command = getattr(importlib.import_module(module), attribute)
        holder.command(name, short_help=SHORT_HELP[name])(command)
        return typer.main.get_command(holder)
    module, attribute = GROUPS[name]
    group = getattr(importlib.import_module(module), attribute)
    for info in group.registered_commands:
        info.short_help = info.short_help or first_sentence(info.help or info.callback.__doc__)
    holder.add_typer(group, name=name, short_help=SHORT_HELP[name])
    return typer.main.get_command(holder).commands[name]  # type: ignore[attr-defined]


class LazyCommands(MutableMapping[str, Any]):
    """The commands of the application by name, each built when first asked for."""

    def __init__(self) -> None:
        self.loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.loaded:
            if name not in SHORT_HELP:
                raise KeyError(name)
            self.loaded[name] = load_command(name)
        return self.loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(SHORT_HELP), **self.loaded})

    def __len__(self) -> int:
        return len({**dict.fromkeys(SHORT_HELP), **self.loaded})


class LazyGroup(typer.core.TyperGroup):
    """The root group: lists every command by name and short help, builds only the one used."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = LazyCommands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def _outline(self, name: str) -> typer.core.TyperCommand:
        """A stand-in that shows a command's name and short help as the real one would."""
        return typer.core.TyperCommand(name, short_help=SHORT_HELP[name])

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The Commands section of `mlis --help`, laid out as Typer lays it out."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self._outline(name).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        names = [
            CompletionItem(name, help=self._outline(name).get_short_help_str())
            for name in self.list_commands(ctx)
            if name.startswith(incomplete)
        ]
        return names + super(typer.core.TyperGroup, self).shell_complete(ctx, incomplete)


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
