"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlis_cli.render.formats import Format, StreamFormat
from mlis_cli.verdicts import Verdict

RulesDir = Annotated[
    Path | None,
    typer.Option(
        "--rules-dir",
        envvar="MLIS_RULES_DIR",
        help="Read rules from this directory instead of the shipped ones.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format: text for people; json, jsonl, yaml or csv for scripts.",
        case_sensitive=False,
    ),
]
StreamFormatOption = Annotated[
    StreamFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format: one JSON object or one CSV row per record.",
        case_sensitive=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
NoColor = Annotated[
    bool, typer.Option("--no-color", help="No color, even on a terminal (NO_COLOR does the same).")
]
FailOn = Annotated[
    Verdict | None,
    typer.Option(
        "--fail-on",
        metavar="VERDICT",
        help=(
            "Exit 1 when any result is VERDICT or worse (eligible < conditional < case_by_case "
            "< unlikely < ineligible < unknown); the output is written in full first."
        ),
        case_sensitive=False,
        show_default=False,
    ),
]
