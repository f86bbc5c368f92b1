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
        "E eligible, C conditional, CB case_by_case, U unlikely, I ineligible, ? unknown\n"
        "+ may be better depending on other facts (worst case shown); see mlis check\n"
    )


def test_the_matrix_marks_answers_that_depend_on_other_facts(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix")
    row = next(line for line in run.stdout.splitlines() if line.startswith("none "))
    assert "fi" in run.stdout.splitlines()[0].split()
    finland = run.stdout.splitlines()[0].split().index("fi")
    assert row.split()[finland] == "I+"


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
