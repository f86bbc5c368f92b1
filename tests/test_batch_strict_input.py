"""mlis batch reads JSON strictly and within limits; a bad line is its own error record, not the end."""

from __future__ import annotations

import io

import pytest

from mlis_cli.batch import MAX_LINE, read_lines
from tests.test_batch import batch, records

GOOD = '{"id": "ok", "degree": "ala"}'
TOO_LONG = "the line is longer than 1048576 bytes (1 MiB)"


def error(line: int, message: str) -> dict[str, object]:
    return {"id": None, "line": line, "error": {"code": "invalid-json", "message": message, "hint": None}}


def checked(run) -> tuple[list[dict[str, object]], str]:  # type: ignore[no-untyped-def]
    """The error records and the ids of the lines checked, in order."""
    out = records(run.stdout)
    return [r for r in out if "error" in r], ",".join(str(r["id"]) for r in out if "error" not in r)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"degree" : "none", "degree":"ala"}', 'duplicate key "degree"'),
        ('{"degree":"ala" , "degree" :"ala"}', 'duplicate key "degree"'),
        ('{"id": NaN, "degree": "ala"}', "not valid JSON: NaN is not a finite number"),
        ('{"id": Infinity, "degree": "ala"}', "not valid JSON: Infinity is not a finite number"),
        ('{"id": -Infinity, "degree": "ala"}', "not valid JSON: -Infinity is not a finite number"),
        ('{"id": 1e400, "degree": "ala"}', "not valid JSON: 1e400 is not a finite number"),
        ('{"experience": 1e400, "degree": "ala"}', "not valid JSON: 1e400 is not a finite number"),
        ('{"age": ' + "9" * 5000 + "}", "a number has too many digits"),
        ('{"age": ' + "[" * 5000 + "]" * 5000 + "}", "nested too deeply"),
    ],
)
def test_a_bad_line_is_its_own_error_record_and_the_run_goes_on(mlis, monkeypatch, line, message) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f"{line}\n{GOOD}\n", "-c", "xc")
    assert run.exit_code == 2
    assert checked(run) == ([error(1, message)], "ok")


def test_a_superscript_digit_is_a_bad_value_on_its_line(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, f'{{"age": "²"}}\n{GOOD}\n', "-c", "xc")
    bad = {"code": "invalid-profile", "message": "age: expected a whole number, got '²'", "hint": None}
    assert (run.exit_code, checked(run)) == (2, ([{"id": None, "line": 1, "error": bad}], "ok"))


def test_an_over_long_line_is_refused_and_the_next_one_read(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    long = '{"id": "' + "a" * (3 * MAX_LINE) + '"}'
    run = batch(mlis, monkeypatch, f"{GOOD}\n{long}\n{GOOD}\n{long}", "-c", "xc")
    assert run.exit_code == 2
    assert checked(run) == ([error(2, TOO_LONG), error(4, TOO_LONG)], "ok,ok")


def test_a_line_of_exactly_the_limit_is_read() -> None:
    line = b'{"id": "' + b"a" * (MAX_LINE - 10) + b'"}'
    assert len(line) == MAX_LINE
    got = list(read_lines(io.BytesIO(line + b"\n" + line)))
    assert [(number, len(text)) for number, text in got] == [(1, MAX_LINE), (2, MAX_LINE)]


def test_an_over_long_line_is_handed_on_before_its_end_is_read() -> None:
    """An endless line (/dev/zero) gives its error at once; memory stays at the limit."""

    def endless() -> io.RawIOBase:
        class Zeros(io.RawIOBase):
            def readable(self) -> bool:
                return True

            def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
                buffer[:] = b"\0" * len(buffer)
                return len(buffer)

        return Zeros()

    number, text = next(read_lines(io.BufferedReader(endless())))
    assert (number, len(text)) == (1, MAX_LINE + 1)
