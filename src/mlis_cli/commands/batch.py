"""mlis batch: profiles as JSON Lines in, one result per profile and country out, streamed."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import FailOn, OutputOptions, output_options
from mlis_cli.commands.shared import exit_if_threshold_met, load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.encoding import escape_what_cannot_be_encoded
from mlis_cli.render.formats import Format, StreamFormat, write_records

if TYPE_CHECKING:
    from mlis_cli.batch import Tally
    from mlis_cli.model.ruleset import RuleSet
    from mlis_cli.model.verdicts import Verdict


class SummaryFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


@output_options(stream=True)
def batch(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            help="Profiles, one JSON object per line; '-' or nothing reads stdin.",
            show_default=False,
        ),
    ] = "-",
    country: Annotated[
        list[str],
        typer.Option(
            "--country",
            "-c",
            help="Countries for lines without their own 'countries'; repeat or separate with commas.",
            metavar="CODE",
            autocompletion=completers.countries,
        ),
    ] = [],  # noqa: B006
    every: Annotated[
        bool, typer.Option("--all", help="Every country, for lines without 'countries'.")
    ] = False,
    strict: Annotated[bool, typer.Option(help="Report the worst case as the verdict.")] = False,
    fail_on: FailOn = None,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first bad line (exit 2) instead of going on.")
    ] = False,
    summary: Annotated[
        SummaryFormat | None,
        typer.Option(
            "--summary",
            help="Instead of a line per profile, one table per country in this format: how many "
            "profiles get each verdict, the commonest open questions, what most often stands in the way.",
            metavar="text|json|csv",
            case_sensitive=False,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Processes that share the work of a FILE; 0: one per core. Stdin is read by one.",
        ),
    ] = 1,
    *,
    output: OutputOptions,
) -> None:
    """Check many profiles: JSON Lines in, one JSON line per profile and country out.

    Each line holds a profile's facts (as in a profile file), an optional "id"
    and an optional "countries"; a line without "countries" is checked against
    --country or --all. A line that cannot be read gives an error object with
    its line number and the run goes on (exit 2 at the end); --fail-fast stops
    there instead.

    --jobs N shares a file among N processes (0: one per core); the output is
    the same, in the same order. Stdin is read by one process.

    \b
    Examples:
      mlis batch class.jsonl --all
      mlis batch cohort.jsonl --all --jobs 0
      mlis batch class.jsonl -c fi --fail-on unlikely
      jq -c '.[]' profiles.json | mlis batch - --country fi --format csv
      mlis batch class.jsonl --all --summary text

    --summary text|json|csv writes one table per country instead: how many
    profiles get each verdict, the commonest open questions and the
    requirements most often in the way.
    """
    # imported here, not above: `mlis batch --help` needs none of them
    from mlis_cli import api
    from mlis_cli.batch import COLUMNS, csv_row, read_lines
    from mlis_cli.batch_jobs import Jobs, job_count

    if jobs < 0:
        raise UsageError(f"--jobs: expected 0 (one per core) or a number of processes, got {jobs}")
    ruleset = load_rules(output.rules_dir)
    defaults = api.countries(country, ruleset, every=every) if country or every else []
    if summary is not None:
        summarise_batch(source, ruleset, defaults, summary, strict, fail_on, fail_fast, output, jobs)
        return
    run = api.BatchEvaluator(ruleset, defaults, today=today(), strict=strict, fail_fast=fail_fast)
    out = sys.stdout
    escape_what_cannot_be_encoded(out, json=output.format is Format.JSONL)
    with opened(source) as stream:
        size = regular_file_size(stream) if source != "-" else None
        processes = job_count(jobs, size) if size is not None else 1
        if processes > 1:
            with (
                Jobs(run, source, processes, csv=output.format is not Format.JSONL) as workers,
                progress(stream, source, output.no_color) as advance,
            ):
                tally = workers.run(stream, out, advance)
        else:
            with progress(stream, source, output.no_color) as advance:
                lines = (line for _number, line in read_lines(stream, out.flush, advance))
                if output.format is Format.JSONL:
                    for text in run.json_lines(lines):
                        out.write(text)
                else:
                    write_records(map(csv_row, run.records(lines)), StreamFormat.CSV, COLUMNS, out)
            tally = run.tally
    finish(tally, fail_on, hint="each has an error object in the output")


def summarise_batch(
    source: str,
    ruleset: RuleSet,
    defaults: list[str],
    fmt: SummaryFormat,
    strict: bool,
    fail_on: Verdict | None,
    fail_fast: bool,
    output: OutputOptions,
    jobs: int = 1,
) -> None:
    """`--summary`: the batch's records counted per country, then written as one table each.

    With --jobs, the workers send back their pieces' records and this process counts them in
    input order, so the summary is the one a single process gives."""
    import json

    from mlis_cli import api
    from mlis_cli.batch import read_lines
    from mlis_cli.batch_jobs import Jobs, job_count
    from mlis_cli.engine.cohort_summary import CohortTally
    from mlis_cli.render.cohort_summary import CSV_COLUMNS, csv_rows, render_summary, summary_dict
    from mlis_cli.render.formats import Output, emit

    if output.format is not Format.JSONL:
        raise UsageError("--summary takes its own format; leave out --format")
    run = api.BatchEvaluator(ruleset, defaults, today=today(), strict=strict, fail_fast=fail_fast)
    tally = CohortTally()

    class Counter:
        """Where the records go instead of stdout: each JSON line counted."""

        def write(self, text: str) -> None:
            for line in text.splitlines():
                tally.add(json.loads(line))

        def flush(self) -> None:
            pass

    with opened(source) as stream, progress(stream, source, output.no_color) as advance:
        size = regular_file_size(stream) if source != "-" else None
        processes = job_count(jobs, size) if size is not None else 1
        if processes > 1:
            with Jobs(run, source, processes, csv=False, summary=True) as workers:
                lines = workers.run(stream, Counter(), advance)  # type: ignore[arg-type]
        else:
            texts = (text for _number, text in read_lines(stream, on_chunk=advance))
            for record in run.summary_records(texts):
                tally.add(record)
            lines = run.tally
    summary = tally.summary()
    emit(
        Output(
            summary_dict(summary, ruleset),
            csv_rows(summary, ruleset),
            CSV_COLUMNS,
            lambda console: render_summary(summary, ruleset, console),
        ),
        Format(fmt.value),
        no_color=output.no_color,
    )
    finish(lines, fail_on, hint="run without --summary to see each line's error")


def finish(tally: Tally, fail_on: Verdict | None, *, hint: str) -> None:
    """The end of a run: exit 2 if lines could not be checked, else --fail-on's threshold."""
    if tally.bad:
        count = f"{tally.bad} of {tally.lines} line{'s' if tally.lines != 1 else ''}"
        raise UsageError(f"{count} could not be checked, the first on line {tally.first_bad}", hint=hint)
    exit_if_threshold_met([tally.worst] if tally.worst else [], fail_on)


@contextlib.contextmanager
def opened(source: str) -> Iterator[BinaryIO]:
    from mlis_cli.person.profile_sources import announce_terminal_read

    if source == "-":
        announce_terminal_read("profiles, one JSON object per line,")
        yield sys.stdin.buffer
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115 - closed below, after the records are written
    except OSError as error:
        raise UsageError(f"cannot read {source}: {error.strerror}") from None
    with stream:
        yield stream


@contextlib.contextmanager
def progress(stream: BinaryIO, source: str, no_color: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while a file is read, when stderr is a terminal and stdout is not."""
    size = regular_file_size(stream)
    if size is None or not wants_progress():
        yield lambda count: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from mlis_cli.render.terminal import make_console

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=make_console(sys.stderr, no_color),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = bar.add_task(os.path.basename(source) if source != "-" else "stdin", total=size)
    with bar:
        yield lambda count: bar.advance(task, count)


def regular_file_size(stream: BinaryIO) -> int | None:
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def wants_progress() -> bool:
    from mlis_cli.render.terminal import is_dumb, is_terminal

    return is_terminal(sys.stderr) and not is_terminal(sys.stdout) and not is_dumb(os.environ)
