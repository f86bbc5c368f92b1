"""Options shared by several commands, declared once.

The output options (--format and --json, --no-color, --rules-dir) are added to
a command by one decorator, `output_options`, and reach it as one argument,
`output`; the profile flags live in `profile_options`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NamedTuple, TypeVar

import typer

from mlis_cli.errors import UsageError
from mlis_cli.model.verdicts import Verdict
from mlis_cli.render.formats import DataFormat, Format, StreamFormat, chosen

RulesDir = Annotated[
    Path | None,
    typer.Option(
        "--rules-dir",
        metavar="DIR",
        envvar="MLIS_RULES_DIR",
        help="Read rules from this directory instead of the shipped ones.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    DataFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="text|json|jsonl|yaml|csv",
        help="Output format: text for people; json, jsonl, yaml or csv for scripts.",
        case_sensitive=False,
    ),
]
ReportFormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="text|json|jsonl|yaml|csv|markdown|html",
        help=(
            "Output format: text for people; json, jsonl, yaml or csv for scripts; "
            "markdown or html for a report to hand over."
        ),
        case_sensitive=False,
    ),
]
StreamFormatOption = Annotated[
    StreamFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="jsonl|csv",
        help="Output format: one JSON object or one CSV row per record.",
        case_sensitive=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
NoPager = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Never send long text through the pager (MLIS_PAGER, PAGER or less; on a terminal only).",
    ),
]
NoColor = Annotated[
    bool, typer.Option("--no-color", help="No color, even on a terminal (NO_COLOR does the same).")
]
CsvRaw = Annotated[
    bool,
    typer.Option(
        "--csv-raw",
        help=(
            "Write CSV cells that begin with =, +, -, @, tab or CR as they are, without the "
            "quote that keeps a spreadsheet from running them as formulas (for trusted data)."
        ),
    ),
]
FailOn = Annotated[
    Verdict | None,
    typer.Option(
        "--fail-on",
        metavar="VERDICT",
        help=(
            "Exit 1 when any result is VERDICT or worse (eligible < conditional < case_by_case "
            "< unknown < unlikely < ineligible); the output is written in full first."
        ),
        case_sensitive=False,
        show_default=False,
    ),
]


class OutputOptions(NamedTuple):
    """What the shared output options asked for."""

    format: Format
    """The format asked for, --json applied (a streaming command's is jsonl or csv)."""
    no_color: bool
    rules_dir: Path | None
    pager: bool = False
    """Whether long text may go through the pager (text output on a terminal; not --no-pager)."""


Command = TypeVar("Command", bound=Callable[..., None])
_KEYWORD = inspect.Parameter.KEYWORD_ONLY


def _given_on_command_line(context: typer.Context, name: str) -> bool:
    """Whether the person typed this option, rather than leaving its default."""
    source = context.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def output_options(
    *, stream: bool = False, color: bool = True, report: bool = False
) -> Callable[[Command], Command]:
    """Add --format/-f and --json (stream: the streaming formats, no --json; report: also
    markdown and html), --no-color (unless color is False), --csv-raw and --rules-dir to a
    command, after its own options.

    The command takes them as one keyword argument, `output: OutputOptions`.
    """
    added = [
        inspect.Parameter(
            "fmt",
            _KEYWORD,
            default=StreamFormat.JSONL if stream else Format.TEXT if report else DataFormat.TEXT,
            annotation=StreamFormatOption if stream else ReportFormatOption if report else FormatOption,
        )
    ]
    if not stream:
        added.append(inspect.Parameter("json_flag", _KEYWORD, default=False, annotation=JsonFlag))
    if color:
        added.append(inspect.Parameter("no_color", _KEYWORD, default=False, annotation=NoColor))
    if not stream:
        added.append(inspect.Parameter("no_pager", _KEYWORD, default=False, annotation=NoPager))
    added.append(inspect.Parameter("csv_raw", _KEYWORD, default=False, annotation=CsvRaw))
    added.append(inspect.Parameter("rules_dir", _KEYWORD, default=None, annotation=RulesDir))
    added.append(inspect.Parameter("output_context", _KEYWORD, annotation=typer.Context))

    def decorate(command: Command) -> Command:
        own = inspect.signature(command, eval_str=True)
        parameters = [p for name, p in own.parameters.items() if name != "output"]

        @functools.wraps(command)
        def wrapper(**arguments: Any) -> None:
            fmt = Format(arguments.pop("fmt").value)
            json_flag = arguments.pop("json_flag", False)
            context = arguments.pop("output_context")
            if json_flag and fmt is not Format.JSON and _given_on_command_line(context, "fmt"):
                raise UsageError(
                    f"--json and --format {fmt.value} conflict: --json means --format json; give one"
                )
            output = OutputOptions(
                fmt if stream else chosen(fmt, json_flag),
                arguments.pop("no_color", False),
                arguments.pop("rules_dir"),
                pager=not stream and not arguments.pop("no_pager", False),
            )
            if arguments.pop("csv_raw"):
                from mlis_cli.render.csv_out import formulas_kept

                with formulas_kept(True):
                    command(**arguments, output=output)
            else:
                command(**arguments, output=output)

        signature = own.replace(parameters=[*parameters, *added])
        wrapper.__signature__ = signature  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
        return wrapper  # type: ignore[return-value]

    return decorate
