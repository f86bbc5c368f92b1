"""CSV cells a spreadsheet cannot run and a script can split back exactly."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlis_cli.model.visible import is_hidden
from mlis_cli.render.csv_out import write_csv
from tests.test_batch import batch


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_next_steps_of_finland_read_back_exactly_from_the_csv(mlis) -> None:  # type: ignore[no-untyped-def]
    args = ("check", "--no-profile", "--degree", "ala", "--country", "fi")
    steps = json.loads(mlis(*args, "--json").stdout)["results"][0]["next_steps"]
    run = mlis(*args, "--format", "csv")
    assert (run.exit_code, run.stderr) == (0, "")
    read_back = json.loads(rows(run.stdout)[0]["next_steps"])
    assert read_back == steps
    # Steps hold "; " themselves: joined with it, they could not be split back.
    assert len(steps) == 8 and any("; " in step for step in steps)


@given(st.lists(st.text()), st.dictionaries(st.text(), st.text()))
def test_any_list_or_mapping_reads_back_exactly_and_shows_nothing_hidden(
    items: list[str], mapping: dict[str, str]
) -> None:
    out = io.StringIO()
    write_csv([{"items": items, "mapping": mapping}], ("items", "mapping"), out)
    written = out.getvalue()
    assert not any(is_hidden(char) for char in written)
    (row,) = rows(written)
    assert (json.loads(row["items"]), json.loads(row["mapping"])) == (items, mapping)


FORMULA = '=HYPERLINK("http://evil.example/","x")'


@pytest.mark.parametrize(
    ("ident", "cell"),
    [
        (FORMULA, "'" + FORMULA),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\\x0d=1"),
        ("a=1", "a=1"),
        ("'=1", "'=1"),
    ],
)
def test_a_cell_that_begins_like_a_formula_gets_a_quote(mlis, monkeypatch, ident: str, cell: str) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, json.dumps({"id": ident, "degree": "ala"}) + "\n", "-c", "xc", "-f", "csv")
    assert (run.exit_code, run.stderr) == (0, "")
    assert rows(run.stdout)[0]["id"] == cell


def test_csv_raw_writes_a_formula_as_it_is(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line = json.dumps({"id": FORMULA, "degree": "ala"}) + "\n"
    run = batch(mlis, monkeypatch, line, "-c", "xc", "-f", "csv", "--csv-raw")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines()[1] == (
        '"=HYPERLINK(""http://evil.example/"",""x"")",1,xc,eligible,conditional,false,"[""citizenship""]",'
    )


def test_a_negative_number_is_no_formula(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run = batch(mlis, monkeypatch, '{"id": -7, "degree": "ala"}\n', "-c", "xc", "-f", "csv")
    assert rows(run.stdout)[0]["id"] == "-7"


def test_escape_and_nul_from_an_id_and_an_unknown_country_are_escaped(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line = json.dumps({"id": "a\x1b[2Jb\x00", "degree": "ala", "countries": ["x\x1b]8;;"]}) + "\n"
    run = batch(mlis, monkeypatch, line, "-f", "csv")
    assert run.exit_code == 2
    assert "\x1b" not in run.stdout and "\x00" not in run.stdout
    row = rows(run.stdout)[0]
    assert row["id"] == "a\\x1b[2Jb\\x00"
    assert row["error"].startswith("unknown country 'x\\x1b]8;;'")


@pytest.mark.parametrize(
    "args",
    [
        ("sources", "-f", "csv", "--csv-raw"),
        ("list-countries", "-f", "csv", "--csv-raw"),
        ("check", "--degree", "ala", "-c", "fi", "-f", "csv", "--csv-raw"),
    ],
)
def test_every_command_that_writes_csv_takes_csv_raw(mlis, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*args)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.count("\n") > 1
