"""The output formats, chosen in one place for every command.

A command builds an Output (its whole result as plain data, its records, its
CSV columns and how to show it to people) and emit() writes it in the format
asked for. Streaming commands write their records with write_records().
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.render.document import Document


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    YAML = "yaml"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"


class DataFormat(StrEnum):
    """The formats every command that prints results takes; check, plan, show and matrix
    also take the reports to hand over (REPORT_FORMATS)."""

    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    YAML = "yaml"
    CSV = "csv"


REPORT_FORMATS = (Format.MARKDOWN, Format.HTML)
SCRIPT_FORMATS = (Format.JSON, Format.JSONL, Format.YAML, Format.CSV)
"""The formats for scripts, which carry everything mlis computes (what would change a verdict)."""


class StreamFormat(StrEnum):
    """The formats that can be written one record at a time."""

    JSONL = "jsonl"
    CSV = "csv"


def chosen(fmt: Format, json_flag: bool) -> Format:
    return Format.JSON if json_flag else fmt


class Output(NamedTuple):
    """One command's result, ready for every format."""

    document: Any
    """What JSON and YAML write: one document, or a function that makes it where that costs
    and the other formats do without it."""
    records: Iterable[Mapping[str, Any]]
    """What JSONL writes, one object per line."""
    columns: Sequence[str]
    """The CSV columns, in order."""
    text: Callable[[Console], None]
    """What people read: prints to a console that knows whether to color."""
    rows: Iterable[Mapping[str, Any]] | None = None
    """What CSV writes, one row each, when it differs from the records."""
    report: Callable[[], Document] | None = None
    """The report to hand over (Markdown, HTML), for the commands that make one."""


def emit(
    output: Output, fmt: Format, *, no_color: bool = False, pager: bool = False, out: TextIO | None = None
) -> None:
    """Write the output in the format asked for; pager: long text may go through the pager."""
    from mlis_cli.render.encoding import escape_what_cannot_be_encoded

    stream = out or sys.stdout
    if fmt in REPORT_FORMATS:
        assert output.report is not None, "only the commands that make a report take its formats"
        write_report(output.report(), fmt, stream)
        return
    escape_what_cannot_be_encoded(stream, json=fmt in (Format.JSON, Format.JSONL))
    if fmt is Format.TEXT:
        from mlis_cli.render.terminal import is_terminal, make_console

        console = make_console(stream, no_color)
        console.size = console.size  # read once: rich would ask the terminal again at every print
        if pager and is_terminal(stream):
            from mlis_cli.render.pager import write_paged

            write_paged(output.text, console, stream)
        else:
            output.text(console)
    elif fmt is Format.JSON:
        from mlis_cli.render.json_out import write_json

        write_json(made(output.document), stream)
    elif fmt is Format.YAML:
        from mlis_cli.render.yaml_out import write_yaml

        write_yaml(made(output.document), stream)
    else:
        rows = output.rows if fmt is Format.CSV and output.rows is not None else output.records
        write_records(rows, StreamFormat(fmt), output.columns, stream)


def made(document: Any) -> Any:
    """The document, made now if it was given as the function that makes it."""
    return document() if callable(document) else document


def write_report(document: Document, fmt: Format, out: TextIO) -> None:
    """Markdown or HTML. Where the output cannot hold every character, each one outside ASCII is
    written as a character reference (&#228;), which both formats read as the character."""
    from mlis_cli.render.encoding import stream_is_unicode

    if fmt is Format.HTML:
        from mlis_cli.render.report_html import html_page

        text = html_page(document)
    else:
        from mlis_cli.render.report_markdown import markdown

        text = markdown(document)
    if not stream_is_unicode(out):
        text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    out.write(text)


def write_records(
    records: Iterable[Mapping[str, Any]], fmt: StreamFormat, columns: Sequence[str], out: TextIO
) -> None:
    """JSONL or CSV, one record at a time: nothing is held back, so a stream stays a stream."""
    if fmt is StreamFormat.JSONL:
        from mlis_cli.render.json_out import write_jsonl

        write_jsonl(records, out)
    else:
        from mlis_cli.render.csv_out import write_csv

        write_csv(records, columns, out)
