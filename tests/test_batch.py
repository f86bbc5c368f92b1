"""mlis batch: JSON Lines of profiles in, one record per profile and country out, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlis_cli.__main__ import main
from mlis_cli.batch import Batch, read_lines
from mlis_cli.rulefiles import loader
from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")
ANA = '{"id": "ana", "degree": "ala", "citizenship": ["de"]}'
BEN = '{"id": 7, "degree": "none", "countries": "xc"}'


def feed(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    raw = data.encode() if isinstance(data, str) else data
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def batch(mlis, monkeypatch, data, *args: str):  # type: ignore[no-untyped-def]
    feed(monkeypatch, data)
    return mlis("batch", "--rules-dir", RULES, *args)


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def result(ident: object, line: int, country: str, verdict: str, worst: str, open_: list[str]):  # type: ignore[no-untyped-def]
    return {
        "id": ident,
        "line": line,
        "country": country,
        "verdict": verdict,
        "worst_case": worst,
        "complete": verdict == worst,
        "open_questions": open_,
    }


def error(ident: object, line: int, code: str, message: str, hint: str | None = None):  # type: ignore[no-untyped-def]
    return {"id": ident, "line": line, "error": {"code": code, "message": message, "hint": hint}}


def test_good_lines_give_one_record_per_profile_and_country(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{ANA}\n{BEN}\n", "--all")
    assert (run.exit_code, run.stderr) == (0, "")
    assert records(run.stdout) == [
        result("ana", 1, "xc", "eligible", "eligible", []),
        result("ana", 1, "xd", "case_by_case", "unlikely", ["language:de"]),
        result(7, 2, "xc", "ineligible", "ineligible", ["citizenship"]),
    ]
    assert run.stdout.splitlines()[0] == (
        '{"id":"ana","line":1,"country":"xc","verdict":"eligible","worst_case":"eligible",'
        '"complete":true,"open_questions":[]}'
    )


def test_a_file_argument_and_stdin_give_the_same_records(mlis, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_text(f"{ANA}\n{BEN}\n")
    from_file = mlis("batch", str(path), "-c", "xd", "--rules-dir", RULES)
    from_dash = batch(mlis, monkeypatch, path.read_text(), "-", "-c", "xd")
    from_nothing = batch(mlis, monkeypatch, path.read_text(), "-c", "xd")
    assert from_file == from_dash == from_nothing
    assert [(r["line"], r["country"]) for r in records(from_file.stdout)] == [(1, "xd"), (2, "xc")]


def test_a_lines_countries_replace_the_command_lines_and_accept_names(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lines = [
        '{"degree": "ala", "countries": ["Dorvian Republic", "XC"]}',
        '{"degree": "ala", "countries": "xd, carpania, xd"}',
        '{"degree": "ala"}',
    ]
    run = batch(mlis, monkeypatch, "\n".join(lines), "--country", "xc")
    assert (run.exit_code, run.stderr) == (0, "")
    assert [(r["id"], r["line"], r["country"]) for r in records(run.stdout)] == [
        (None, 1, "xd"),
        (None, 1, "xc"),
        (None, 2, "xd"),
        (None, 2, "xc"),
        (None, 3, "xc"),
    ]


def test_blank_lines_are_skipped_but_counted_and_crlf_and_a_last_line_without_newline_work(  # type: ignore[no-untyped-def]
    mlis, monkeypatch
) -> None:
    run = batch(mlis, monkeypatch, f"\n{ANA}\r\n  \n{BEN}", "-c", "xc")
    assert (run.exit_code, run.stderr) == (0, "")
    assert [(r["id"], r["line"]) for r in records(run.stdout)] == [("ana", 2), (7, 4)]


BAD_LINES = [
    ("not json", error(None, 1, "invalid-json", "not valid JSON: Expecting value at column 1")),
    (
        "[1, 2]",
        error(None, 1, "invalid-json", 'expected a JSON object of profile facts, such as {"degree": "ala"}'),
    ),
    ('{"degree": "ala", "degree": "none"}', error(None, 1, "invalid-json", 'duplicate key "degree"')),
    (b'{"degree": "\xff"}', error(None, 1, "invalid-json", "not UTF-8 text")),
    (
        '{"id": "x", "degree": "phd"}',
        error(
            "x",
            1,
            "invalid-profile",
            "unknown degree 'phd': expected one of ala, cilip, none",
            "run 'mlis degrees' to see what each code means",
        ),
    ),
    ('{"id": 3, "age": "old"}', error(3, 1, "invalid-profile", "age: expected a whole number, got 'old'")),
    (
        '{"id": [1], "degree": "ala"}',
        error(None, 1, "invalid-profile", "id: expected a string or a number, got [1]"),
    ),
    ('{"id": true}', error(None, 1, "invalid-profile", "id: expected a string or a number, got true")),
    (
        '{"id": "y", "countries": ["qqqq"]}',
        error(
            "y",
            1,
            "invalid-profile",
            "unknown country 'qqqq'",
            "'mlis list-countries' shows every country with rules",
        ),
    ),
    ('{"countries": []}', error(None, 1, "invalid-profile", "countries: the list is empty")),
    (
        '{"countries": {"fi": 1}}',
        error(None, 1, "invalid-profile", 'countries: expected a list of country codes, got {"fi": 1}'),
    ),
    # digits str.isdigit() accepts but int() refuses; numbers too long to convert or print
    ('{"age": "²"}', error(None, 1, "invalid-profile", "age: expected a whole number, got '²'")),
    ('{"age": "٣٠"}', error(None, 1, "invalid-profile", "age: expected a whole number, got '٣٠'")),
    (
        '{"experience": 1' + "0" * 400 + "}",
        error(
            None,
            1,
            "invalid-profile",
            "experience: a number of more than 15 digits is out of range; expected 0 to 80",
        ),
    ),
    ('{"age": 1' + "0" * 5000 + "}", error(None, 1, "invalid-json", "a number has too many digits")),
    ("[" * 5000 + "]" * 5000, error(None, 1, "invalid-json", "nested too deeply")),
]


@pytest.mark.parametrize(("line", "record"), BAD_LINES)
def test_a_bad_line_gives_an_error_record_for_that_line(mlis, monkeypatch, line, record) -> None:  # type: ignore[no-untyped-def]
    raw = line if isinstance(line, bytes) else line.encode()
    run = batch(mlis, monkeypatch, raw + b"\n", "-c", "xc")
    assert records(run.stdout) == [record]
    assert run.exit_code == 2


def test_a_line_without_countries_needs_countries_on_the_command_line(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{ANA}\n{BEN}\n")
    assert records(run.stdout) == [
        error(
            "ana",
            1,
            "invalid-profile",
            "no country for this profile",
            'add "countries": ["fi"] to the line, or --country or --all to the command line',
        ),
        result(7, 2, "xc", "ineligible", "ineligible", ["citizenship"]),
    ]


def test_processing_goes_on_after_bad_lines_and_exits_2_with_one_line(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{ANA}\nnot json\n\n{{}}\n[]\n{BEN}\n", "-c", "xc")
    assert [(r["line"], "error" in r) for r in records(run.stdout)] == [
        (1, False),
        (2, True),
        (4, False),
        (5, True),
        (6, False),
    ]
    assert run.exit_code == 2
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "2 of 5 lines could not be checked, the first on line 2",
            "hint": "each has an error object in the output",
        }
    }


def test_fail_fast_stops_at_the_first_bad_line(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(
        mlis, monkeypatch, f'{ANA}\n{{"degree": "phd"}}\n{BEN}\n', "-c", "xc", "--fail-fast", "-f", "csv"
    )
    assert run.exit_code == 2
    assert run.stdout == (
        "id,line,country,verdict,worst_case,complete,open_questions,error\nana,1,xc,eligible,eligible,true,[],\n"
    )
    assert run.stderr == (
        "mlis: error: line 2: unknown degree 'phd': expected one of ala, cilip, none "
        "(run 'mlis degrees' to see what each code means)\n"
    )


def test_fail_fast_errors_are_json_by_default(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, "nope\n", "-c", "xc", "--fail-fast")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "invalid-json",
            "message": "line 1: not valid JSON: Expecting value at column 1",
            "hint": None,
        }
    }


def test_fail_on_in_batch_exits_1_after_writing_every_record(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = f"{ANA}\n{ANA}\n"  # eligible in xc, case_by_case at best in xd
    passing = batch(mlis, monkeypatch, data, "--all", "--fail-on", "unknown")
    failing = batch(mlis, monkeypatch, data, "--all", "--fail-on", "case_by_case")
    assert (passing.exit_code, failing.exit_code) == (0, 1)
    assert failing.stdout == passing.stdout
    assert failing.stderr == passing.stderr == ""


def test_fail_on_in_batch_compares_the_worst_case_under_strict(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = f"{ANA}\n"
    assert batch(mlis, monkeypatch, data, "-c", "xd", "--fail-on", "unlikely").exit_code == 0
    strict = batch(mlis, monkeypatch, data, "-c", "xd", "--strict", "--fail-on", "unlikely")
    assert strict.exit_code == 1
    assert records(strict.stdout)[0]["verdict"] == "unlikely"


def test_bad_lines_win_over_fail_on(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{BEN}\nnope\n", "--fail-on", "eligible")
    assert run.exit_code == 2


def test_csv_gives_the_same_records_in_the_documented_columns(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f'{ANA}\n{{"id": "x", "degree": "phd"}}\n', "--all", "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == (
        "mlis: error: 1 of 2 lines could not be checked, the first on line 2 "
        "(each has an error object in the output)\n"
    )
    assert list(csv.reader(io.StringIO(run.stdout))) == [
        ["id", "line", "country", "verdict", "worst_case", "complete", "open_questions", "error"],
        ["ana", "1", "xc", "eligible", "eligible", "true", "[]", ""],
        ["ana", "1", "xd", "case_by_case", "unlikely", "false", '["language:de"]', ""],
        [
            "x",
            "2",
            "",
            "",
            "",
            "",
            "",
            "unknown degree 'phd': expected one of ala, cilip, none "
            "(run 'mlis degrees' to see what each code means)",
        ],
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "yaml"])
def test_batch_writes_only_streaming_formats(mlis, monkeypatch, fmt: str) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{ANA}\n", "--all", "--format", fmt)
    assert (run.exit_code, run.stdout) == (2, "")
    message = f"--format: expected one of jsonl, csv, got '{fmt}'"
    hint = "try 'mlis batch --help'"
    if fmt == "json":
        assert json.loads(run.stderr) == {"error": {"code": "usage", "message": message, "hint": hint}}
    else:
        assert run.stderr == f"mlis: error: {message} ({hint})\n"


def test_an_unreadable_input_file_is_a_usage_error(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("batch", str(tmp_path / "missing.jsonl"), "--all", "--rules-dir", RULES, "-f", "csv")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"mlis: error: cannot read {tmp_path / 'missing.jsonl'}: No such file or directory\n"


def test_an_empty_input_writes_nothing_and_exits_0(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert batch(mlis, monkeypatch, "", "--all").__dict__ == {"exit_code": 0, "stdout": "", "stderr": ""}


def test_an_unknown_command_line_country_is_a_usage_error_before_reading(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{ANA}\n", "-c", "qqqq", "-f", "csv")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("mlis: error: unknown country 'qqqq'")


class Trickle(io.RawIOBase):
    """Input that arrives one line per read, noting what had been written out before each read."""

    def __init__(self, lines: list[bytes], output: io.StringIO) -> None:
        self.lines = lines
        self.output = output
        self.seen_before_read: list[str] = []

    def readable(self) -> bool:
        return True

    def read1(self, size: int = -1) -> bytes:
        self.seen_before_read.append(self.output.getvalue())
        return self.lines.pop(0) if self.lines else b""


class Stdin:
    def __init__(self, buffer: Trickle) -> None:
        self.buffer = buffer


def test_each_line_is_answered_and_flushed_before_the_next_is_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    output = io.StringIO()
    trickle = Trickle([f"{ANA}\n".encode(), f"{BEN}\n".encode()], output)
    monkeypatch.setattr(sys, "stdin", Stdin(trickle))
    monkeypatch.setattr(sys, "stdout", output)
    assert main(["batch", "-c", "xc", "--rules-dir", RULES]) == 0
    first, second, last = trickle.seen_before_read
    assert first == ""
    assert [r["id"] for r in records(second)] == ["ana"]
    assert [r["id"] for r in records(last)] == ["ana", 7]


def endless() -> Iterator[tuple[int, bytes]]:
    for number in itertools.count(1):
        yield number, f'{{"id": {number}, "degree": "ala"}}'.encode()


def test_records_are_produced_from_an_endless_input_without_reading_it_all() -> None:
    ruleset = loader.load(Path(RULES), "rules")
    run = Batch(ruleset, ["xc", "xd"], dt.date(2026, 11, 22))
    first = list(itertools.islice(run.records(endless()), 5))
    assert [(r["id"], r["country"]) for r in first] == [(1, "xc"), (1, "xd"), (2, "xc"), (2, "xd"), (3, "xc")]
    assert run.tally.lines == 3


def test_read_lines_splits_chunks_at_newlines_whatever_their_size() -> None:
    data = b'{"a": 1}\n\n{"b": 2}\r\n{"c": 3}'
    for size in (1, 3, 7, 64):
        stream = io.BytesIO(data)
        stream.read1 = lambda _n, s=stream, k=size: s.read(k)  # type: ignore[method-assign]
        assert list(read_lines(stream)) == [(1, b'{"a": 1}'), (2, b""), (3, b'{"b": 2}\r'), (4, b'{"c": 3}')]
