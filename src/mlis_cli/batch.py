"""Many profiles in, one record per profile and country out, one line at a time.

Each input line is a JSON object: the facts of a profile file (degree,
citizenship, age, languages, sector, stay, graduated, experience, phd), an
optional `id` (a string or a number, echoed back) and an optional `countries`
(a list of codes or names, or one comma-separated string). A line without
`countries` is checked against the countries of the command line. Blank lines
are skipped; line numbers count every line, from 1.

Nothing is collected: a line is read, evaluated and its records handed on
before the next is read, so memory stays flat however long the input is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from mlis_cli.destinations import resolve
from mlis_cli.engine import evaluate_country
from mlis_cli.errors import UsageError
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.profile_input import parse_profile
from mlis_cli.verdicts import Verdict

COLUMNS = ("id", "line", "country", "verdict", "worst_case", "complete", "open_questions", "error")
"""Every key a record may have, in order; the CSV columns of mlis batch."""

CHUNK_SIZE = 1 << 16

INVALID_JSON = "invalid-json"
INVALID_PROFILE = "invalid-profile"


class LineError(Exception):
    """A line that cannot be evaluated; its record says why and processing goes on."""

    def __init__(self, code: str, message: str, hint: str | None = None, ident: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.ident = ident


class BadLine(UsageError):
    """With --fail-fast, the first line that cannot be evaluated ends the run (exit 2)."""

    def __init__(self, line: int, error: LineError) -> None:
        super().__init__(f"line {line}: {error.message}", error.hint)
        self.code = error.code


@dataclass(slots=True)
class Tally:
    """What the run has seen so far, for the exit code: nothing per line is kept."""

    lines: int = 0
    bad: int = 0
    first_bad: int | None = None
    worst: Verdict | None = None

    def saw(self, verdict: Verdict) -> None:
        if self.worst is None or verdict.rank > self.worst.rank:
            self.worst = verdict


def read_lines(
    stream: BinaryIO,
    before_wait: Callable[[], None] = lambda: None,
    on_chunk: Callable[[int], None] = lambda size: None,
) -> Iterator[tuple[int, bytes]]:
    """Numbered lines, read in chunks of what is available.

    before_wait runs before each read that may block: flushing the output there
    answers each line as soon as it arrives from a pipe, with one flush per
    chunk rather than per line from a file.
    """
    number = 0
    pending = b""
    while True:
        before_wait()
        chunk = stream.read1(CHUNK_SIZE) if hasattr(stream, "read1") else stream.read(CHUNK_SIZE)
        if not chunk:
            break
        on_chunk(len(chunk))
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        for line in lines:
            number += 1
            yield number, line
    if pending:
        yield number + 1, pending


class Batch:
    """Turns numbered lines into records, with the rules loaded once."""

    def __init__(
        self,
        ruleset: RuleSet,
        default_countries: list[str],
        today: dt.date,
        *,
        strict: bool = False,
        fail_fast: bool = False,
    ) -> None:
        self.ruleset = ruleset
        self.default_countries = default_countries
        self.today = today
        self.strict = strict
        self.fail_fast = fail_fast
        self.tally = Tally()
        self._resolved: dict[str, str] = {}

    def records(self, lines: Iterable[tuple[int, bytes]]) -> Iterator[dict[str, Any]]:
        countries = self.ruleset.countries
        tally = self.tally
        for number, text in lines:
            if not text.strip():
                continue
            tally.lines += 1
            try:
                ident, profile, codes = self.parse(text)
            except LineError as error:
                tally.bad += 1
                if tally.first_bad is None:
                    tally.first_bad = number
                if self.fail_fast:
                    raise BadLine(number, error) from None
                yield error_record(error.ident, number, error)
                continue
            for code in codes:
                result = evaluate_country(
                    self.ruleset, countries[code], profile, self.today, strict=self.strict
                )
                tally.saw(result.verdict)
                yield {
                    "id": ident,
                    "line": number,
                    "country": code,
                    "verdict": result.verdict.value,
                    "worst_case": result.worst_case.value,
                    "complete": result.complete,
                    "open_questions": [question.fact for question in result.open_questions],
                }

    def parse(self, text: bytes) -> tuple[Any, Profile, list[str]]:
        data = parse_object(text)
        ident = data.pop("id", None)
        if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int | float)):
            raise LineError(INVALID_PROFILE, f"id: expected a string or a number, got {json.dumps(ident)}")
        try:
            codes = self.countries_for(data.pop("countries", None))
            profile = parse_profile(data, self.ruleset.degrees, self.today)
        except UsageError as error:
            raise LineError(INVALID_PROFILE, error.message, error.hint, ident) from None
        except LineError as error:
            error.ident = ident
            raise
        return ident, profile, codes

    def countries_for(self, value: Any) -> list[str]:
        if value is None:
            if not self.default_countries:
                raise LineError(
                    INVALID_PROFILE,
                    "no country for this profile",
                    'add "countries": ["fi"] to the line, or --country or --all to the command line',
                )
            return self.default_countries
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise LineError(
                INVALID_PROFILE, f"countries: expected a list of country codes, got {json.dumps(value)}"
            )
        codes: dict[str, None] = {}
        for item in items:
            for part in item.split(","):
                if part.strip():
                    codes[self._resolve(part)] = None
        if not codes:
            raise LineError(INVALID_PROFILE, "countries: the list is empty")
        return list(codes)

    def _resolve(self, text: str) -> str:
        key = " ".join(text.lower().split())
        code = self._resolved.get(key)
        if code is None:
            code = self._resolved[key] = resolve(text, self.ruleset)
        return code


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def parse_object(text: bytes) -> dict[str, Any]:
    """A JSON object from one line; duplicate keys are an error, as in profile files."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise LineError(INVALID_JSON, f"not valid JSON: {error.msg} at column {error.colno}") from None
    except _DuplicateKey as error:
        raise LineError(INVALID_JSON, f"duplicate key {json.dumps(str(error))}") from None
    except UnicodeDecodeError:
        raise LineError(INVALID_JSON, "not UTF-8 text") from None
    if not isinstance(data, dict):
        raise LineError(INVALID_JSON, 'expected a JSON object of profile facts, such as {"degree": "ala"}')
    return data


def error_record(ident: Any, line: int, error: LineError) -> dict[str, Any]:
    return {
        "id": ident,
        "line": line,
        "error": {"code": error.code, "message": error.message, "hint": error.hint},
    }


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record for CSV: the error as one cell, its message and hint."""
    error = record.get("error")
    if error is None:
        return record
    hint = error["hint"]
    return {**record, "error": error["message"] + (f" ({hint})" if hint else "")}
