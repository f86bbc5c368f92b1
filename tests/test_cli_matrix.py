"""mlis matrix: degrees by countries, recognition from the degree alone."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES

TWO = str(FIXTURES / "two-countries")


def test_the_matrix_shows_each_degree_in_each_country(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix", "--rules-dir", TWO)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "degree        xa  xb\n"
        "ala           E   ?\n"
        "cilip         E   ?\n"
        "alia          ?   ?\n"
        "lianza        ?   ?\n"
        "lai           ?   ?\n"
        "other         ?   ?\n"
        "unaccredited  ?   ?\n"
        "none          ?   ?\n"
        "E eligible, C conditional, CB decided case by case, ? unknown, U unlikely, I ineligible\n"
        "E/CB: eligible at best, decided case by case at worst; other facts decide (mlis check)\n"
    )


def test_the_matrix_shows_best_and_worst_where_other_facts_decide(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix", "--rules-dir", str(FIXTURES / "whatif-rules"))
    assert (run.exit_code, run.stderr) == (0, "")
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["degree", "be", "de", "fi", "nz"]
    # a short stay needs no recognition in the fixture's fi; a long one is decided case by case
    assert lines[1].split() == ["ala", "CB", "CB", "E/CB", "E"]
    assert lines[-1] == (
        "E/CB: eligible at best, decided case by case at worst; other facts decide (mlis check)"
    )
    cells = json.loads(mlis("matrix", "--rules-dir", str(FIXTURES / "whatif-rules"), "--json").stdout)
    assert cells[0]["countries"]["fi"] == {
        "verdict": "eligible",
        "worst_case": "case_by_case",
        "complete": False,
    }


def test_the_matrix_as_json_gives_best_and_worst_case(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix", "--rules-dir", TWO, "--json")
    rows = json.loads(run.stdout)
    assert rows[0] == {
        "degree": "ala",
        "countries": {
            "xa": {"verdict": "eligible", "worst_case": "eligible", "complete": True},
            "xb": {"verdict": "unknown", "worst_case": "unknown", "complete": True},
        },
    }
    assert [row["degree"] for row in rows] == [
        "ala",
        "cilip",
        "alia",
        "lianza",
        "lai",
        "other",
        "unaccredited",
        "none",
    ]


def test_a_matrix_wider_than_the_screen_is_split_into_tables_that_fit(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "18")
    run = mlis("matrix", "--rules-dir", str(FIXTURES / "whatif-rules"))
    assert (run.exit_code, run.stderr) == (0, "")
    tables = run.stdout.split("\n\n")
    assert [table.splitlines()[0].split() for table in tables] == [
        ["degree", "be"],
        ["degree", "de"],
        ["degree", "fi"],
        ["degree", "nz"],
    ]
    assert tables[2].splitlines()[1] == "ala           E/CB"
    assert max(len(line) for table in tables[:-1] for line in table.splitlines()) <= 18
    monkeypatch.setenv("COLUMNS", "40")
    run = mlis("matrix", "--rules-dir", str(FIXTURES / "whatif-rules"))
    assert run.stdout.split("\n\n")[0].splitlines()[:2] == [
        "degree        be  de  fi    nz",
        "ala           CB  CB  E/CB  E",
    ]
