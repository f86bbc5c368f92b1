"""Many profiles in, one record per profile and country out, one line at a time.

Each input line is a JSON object: the facts of a profile file (degree,
citizenship, age, languages, sector, stay, graduated, experience, phd), an
optional `id` (a string or a number, echoed back) and an optional `countries`
(a list of codes or names, or one comma-separated string). A line without
`countries` is checked against the countries of the command line. Blank lines
are skipped; line numbers count every line, from 1. A line longer than
MAX_LINE bytes is refused with an error record as soon as it is that long, and
read past in linear time.

Nothing is collected: a line is read, evaluated and its records handed on
before the next is read, so memory stays flat however long the input is.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from mlis_cli.engine.summaries import Summaries, Summary
from mlis_cli.errors import UsageError
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import SCALE, Verdict
from mlis_cli.person.destinations import resolve
from mlis_cli.person.profile_input import ProfileReader
from mlis_cli.render.json_out import compact, json_line

COLUMNS = ("id", "line", "country", "verdict", "worst_case", "complete", "open_questions", "error")
"""Every key a record may have, in order; the CSV columns of mlis batch."""

CHUNK_SIZE = 1 << 16
MAX_LINE = 1 << 20
"""The longest batch line read, in bytes (1 MiB): a profile takes a few hundred."""
MAX_RUNAWAY = 64 << 20
"""Bytes read past the end of an over-long line before the input is taken for no JSON Lines
at all (/dev/zero, a binary file) and the run ends: 64 MiB."""
BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
UTF8_MARK = b"\xef\xbb\xbf"
MAX_TAILS = 8_192
"""Answers whose JSON text is remembered; the table is emptied past this, so memory stays flat."""

INVALID_JSON = "invalid-json"
INVALID_PROFILE = "invalid-profile"
NOT_AN_OBJECT = 'expected a JSON object of profile facts, such as {"degree": "ala"}'


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
        self.line = line
        self.error = error


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

    def add(self, later: Tally) -> None:
        """Count in the tally of the lines that follow these: how the pieces of a file add up."""
        self.lines += later.lines
        self.bad += later.bad
        if self.first_bad is None:
            self.first_bad = later.first_bad
        if later.worst is not None:
            self.saw(later.worst)


def read_lines(
    stream: BinaryIO,
    before_wait: Callable[[], None] = lambda: None,
    on_chunk: Callable[[int], None] = lambda size: None,
) -> Iterator[tuple[int, bytes]]:
    """Numbered lines, read in chunks of what is available.

    before_wait runs before each read that may block: flushing the output there
    answers each line as soon as it arrives from a pipe, with one flush per
    chunk rather than per line from a file.

    A line longer than MAX_LINE is handed on cut to MAX_LINE + 1 bytes as soon
    as it is that long (parse_object refuses it); the rest of it is read past,
    up to MAX_RUNAWAY bytes: an input with no line end in that is no JSON Lines,
    and a UsageError ends the run instead of reading forever.
    The pieces of a line are joined once, so a long line costs linear time.

    A UTF-8 byte order mark at the start is read past; a UTF-16 or UTF-32 one is
    a UsageError before any line is read.
    """
    number = 0
    pending: list[bytes] = []  # the start of a line that continues in the next chunk
    size = 0
    skipping = False  # an over-long line was handed on: read on to its end
    skipped = 0
    first = True
    while True:
        before_wait()
        chunk = _read(stream)
        if first:
            chunk, first = _past_byte_order_mark(stream, chunk), False
        if not chunk:
            break
        on_chunk(len(chunk))
        if pending or skipping:
            end = chunk.find(b"\n")
            if not skipping:
                head = chunk if end < 0 else chunk[:end]
                pending.append(head)
                size += len(head)
                if size > MAX_LINE:
                    number += 1
                    yield number, b"".join(pending)[: MAX_LINE + 1]
                    pending, size, skipping, skipped = [], 0, True, 0
            elif end < 0:
                skipped += len(chunk)
                if skipped > MAX_RUNAWAY:
                    raise UsageError(
                        f"line {number}: no line end in {MAX_RUNAWAY >> 20} MiB: "
                        "this input is not JSON Lines",
                        hint="give one JSON object per line",
                    )
            if end < 0:
                continue
            if skipping:
                skipping = False
            else:
                number += 1
                yield number, b"".join(pending)
                pending, size = [], 0
            chunk = chunk[end + 1 :]
        lines = chunk.split(b"\n")
        tail = lines.pop()
        for line in lines:
            number += 1
            yield number, line
        if tail:
            pending, size = [tail], len(tail)
    if pending:
        yield number + 1, b"".join(pending)


def _read(stream: BinaryIO) -> bytes:
    return stream.read1(CHUNK_SIZE) if hasattr(stream, "read1") else stream.read(CHUNK_SIZE)


def _past_byte_order_mark(stream: BinaryIO, chunk: bytes) -> bytes:
    """The first chunk without a UTF-8 byte order mark; a UsageError for a UTF-16 or UTF-32 one.

    A chunk that may be the start of a mark is completed first (a pipe may give one byte).
    """
    marks = [mark for mark, _ in BYTE_ORDER_MARKS] + [UTF8_MARK]
    while chunk and len(chunk) < 4 and any(m.startswith(chunk) and m != chunk for m in marks):
        more = _read(stream)
        if not more:
            break
        chunk += more
    for mark, encoding in BYTE_ORDER_MARKS:
        if chunk.startswith(mark):
            raise UsageError(
                f"line 1: the input is {encoding} text (it begins with a byte order mark); "
                "mlis batch reads UTF-8",
                hint=f"convert it first, e.g. iconv -f {encoding} -t UTF-8 FILE",
            )
    return chunk.removeprefix(UTF8_MARK)


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
        self._summaries = Summaries(ruleset, today, strict=strict)
        self._reader = ProfileReader(ruleset.degrees, today)
        self._tails: dict[Summary, str] = {}

    def take_tally(self) -> Tally:
        """The tally so far, and a new one from here on."""
        taken, self.tally = self.tally, Tally()
        return taken

    def json_lines(self, lines: Iterable[tuple[int, bytes]]) -> Iterator[str]:
        """The records as JSON Lines, each profile's in one string: what --format jsonl writes.

        The same records as `records()`, serialised the same way; the part
        from "country" on is built once per answer and remembered.
        """
        tally = self.tally
        tails = self._tails
        worst_rank = -1
        for number, text in lines:
            if not text.strip():
                continue
            tally.lines += 1
            try:
                ident, profile, codes = self.parse(text)
            except LineError as error:
                self._count_bad(number, error)
                yield json_line(error_record(error.ident, number, error))
                continue
            head = f'{{"id":{compact(ident)},"line":{number},'
            answers = self._summaries.of(profile, codes)
            rank = max(answer.rank for answer in answers)
            if rank > worst_rank:
                worst_rank = rank
                tally.saw(SCALE[rank])
            yield "".join([head + (tails.get(answer) or self._tail(answer)) + "\n" for answer in answers])

    def _tail(self, answer: Summary) -> str:
        """The JSONL record of an answer from "country" on, closing brace included."""
        tail = compact(
            {
                "country": answer.country,
                "verdict": answer.verdict.value,
                "worst_case": answer.worst_case.value,
                "complete": answer.complete,
                "open_questions": list(answer.open_questions),
            }
        )[1:]
        if len(self._tails) >= MAX_TAILS:
            self._tails.clear()
        self._tails[answer] = tail
        return tail

    def _count_bad(self, number: int, error: LineError) -> None:
        tally = self.tally
        tally.bad += 1
        if tally.first_bad is None:
            tally.first_bad = number
        if self.fail_fast:
            raise BadLine(number, error) from None

    def records(self, lines: Iterable[tuple[int, bytes | Mapping[str, Any]]]) -> Iterator[dict[str, Any]]:
        """One record per profile and country (or one error record per bad line), as dicts.

        A line is JSON text, or a mapping already read from it.
        """
        return (record for record, _answer in self._answered(lines))

    def records_with_barriers(
        self, lines: Iterable[tuple[int, bytes | Mapping[str, Any]]]
    ) -> Iterator[dict[str, Any]]:
        """The records of `records()`, each with "barriers": the ids of the requirements that
        stand or may stand in the way, which a cohort summary counts."""
        for record, answer in self._answered(lines):
            yield record if answer is None else {**record, "barriers": list(answer.barriers)}

    def _answered(
        self, lines: Iterable[tuple[int, bytes | Mapping[str, Any]]]
    ) -> Iterator[tuple[dict[str, Any], Summary | None]]:
        tally = self.tally
        for number, line in lines:
            if isinstance(line, bytes) and not line.strip():
                continue
            tally.lines += 1
            try:
                ident, profile, codes = self.parse(line) if isinstance(line, bytes) else self.read(line)
            except LineError as error:
                self._count_bad(number, error)
                yield error_record(error.ident, number, error), None
                continue
            for answer in self._summaries.of(profile, codes):
                tally.saw(answer.verdict)
                yield _record(ident, number, answer), answer

    def parse(self, text: bytes) -> tuple[Any, Profile, list[str]]:
        return self.read(parse_object(text))

    def read(self, line: Mapping[str, Any]) -> tuple[Any, Profile, list[str]]:
        """The id, profile and countries of one line's object; LineError when it cannot be checked."""
        if not isinstance(line, Mapping):
            raise LineError(INVALID_JSON, NOT_AN_OBJECT)
        data = dict(line)
        ident = data.pop("id", None)
        if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int | float)):
            raise LineError(INVALID_PROFILE, f"id: expected a string or a number, got {json.dumps(ident)}")
        try:
            codes = self.countries_for(data.pop("countries", None))
            profile = self._reader.read(data)
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


class _NotFinite(ValueError):
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


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


def _not_json(name: str) -> Any:
    raise _NotFinite(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_float=_finite, parse_constant=_not_json)
"""One decoder for every line: json.loads with options builds a new one (and its scanner) per call."""


def parse_object(text: bytes) -> dict[str, Any]:
    """A JSON object from one line, strictly: duplicate keys, NaN and infinite numbers are errors.

    The parser itself reports each object's keys (object_pairs_hook), so a
    repeated key is found however the line is spaced.
    """
    if len(text) > MAX_LINE:
        raise LineError(INVALID_JSON, f"the line is longer than {MAX_LINE} bytes (1 MiB)")
    try:
        # Decoded as UTF-8 here: given bytes, json.loads would guess UTF-16 or UTF-32 as well.
        data = _DECODER.decode(text.decode("utf-8"))
    except json.JSONDecodeError as error:
        raise LineError(INVALID_JSON, f"not valid JSON: {error.msg} at column {error.colno}") from None
    except _DuplicateKey as error:
        raise LineError(INVALID_JSON, f"duplicate key {json.dumps(str(error))}") from None
    except _NotFinite as error:
        shown = str(error) if len(str(error)) <= 30 else str(error)[:27] + "..."
        raise LineError(INVALID_JSON, f"not valid JSON: {shown} is not a finite number") from None
    except UnicodeDecodeError:
        raise LineError(INVALID_JSON, "not UTF-8 text") from None
    except ValueError:  # after JSONDecodeError, its subclass: Python's limit on digits in an integer
        raise LineError(INVALID_JSON, "a number has too many digits") from None
    except RecursionError:
        raise LineError(INVALID_JSON, "nested too deeply") from None
    if not isinstance(data, dict):
        raise LineError(INVALID_JSON, NOT_AN_OBJECT)
    return data


def _record(ident: Any, line: int, answer: Summary) -> dict[str, Any]:
    return {
        "id": ident,
        "line": line,
        "country": answer.country,
        "verdict": answer.verdict.value,
        "worst_case": answer.worst_case.value,
        "complete": answer.complete,
        "open_questions": list(answer.open_questions),
    }


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
