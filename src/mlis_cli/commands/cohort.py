"""Reading a cohort for `mlis rules diff --profiles`: the lines batch reads, each with its countries."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from mlis_cli.batch import BadLine, Batch, LineError, read_lines
from mlis_cli.errors import UsageError
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet


def read_cohort(path: Path, ruleset: RuleSet, today: dt.date) -> list[tuple[str, Profile, Sequence[str]]]:
    """(label, profile, countries) for each line: its id, or 'line N'; every country when it names none.

    A line that cannot be read ends the run (exit 2), naming the line.
    """
    return list(_profiles(path, ruleset, today))


def _profiles(path: Path, ruleset: RuleSet, today: dt.date) -> Iterator[tuple[str, Profile, Sequence[str]]]:
    batch = Batch(ruleset, list(ruleset.countries), today)
    try:
        stream = sys.stdin.buffer if str(path) == "-" else path.open("rb")
    except OSError as error:
        raise UsageError(f"--profiles: cannot read {path}: {error.strerror}") from None
    with stream:
        for number, text in read_lines(stream):
            if not text.strip():
                continue
            try:
                ident, profile, codes = batch.parse(text)
            except LineError as error:
                raise BadLine(number, error) from None
            yield (str(ident) if ident is not None else f"line {number}"), profile, codes
