"""mlis batch --summary: a class of profiles counted per country, from the records batch writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from mlis_cli.engine.cohort_summary import CohortSummary, CountrySummary, summarise
from mlis_cli.model.verdicts import SCALE, Verdict
from tests.conftest import FIXTURES

RULES = str(FIXTURES / "whatif-rules")
CLASS = (
    '{"id": "ana", "degree": "ala", "citizenship": "us", "age": 35}\n'
    '{"id": "ben", "degree": "ala", "citizenship": "us", "languages": {"de": "B2"}}\n'
    '{"id": "cy", "degree": "phd"}\n'
    "\n"
    '{"id": "di", "degree": "ala", "citizenship": ["us"], "languages": {"de": "A2"}}\n'
    '{"id": "ed", "degree": "unaccredited", "citizenship": "us", "age": 28, "countries": "de"}\n'
)


def record(line: int, country: str, verdict: str, worst: str, open_: list[str], barriers: list[str]):  # type: ignore[no-untyped-def]
    return {
        "id": None,
        "line": line,
        "country": country,
        "verdict": verdict,
        "worst_case": worst,
        "complete": verdict == worst,
        "open_questions": open_,
        "barriers": barriers,
    }


def counts(**given: int) -> tuple[tuple[Verdict, int], ...]:
    return tuple((verdict, given.get(verdict.value, 0)) for verdict in SCALE)


def test_the_summary_counts_verdicts_and_ranks_open_questions_and_barriers_most_common_first() -> None:
    records = [
        record(1, "fi", "case_by_case", "unlikely", ["language:fi", "stay"], ["finnish"]),
        record(1, "de", "eligible", "eligible", [], []),
        {"id": "x", "line": 2, "error": {"code": "invalid-json", "message": "m", "hint": None}},
        record(3, "fi", "case_by_case", "case_by_case", ["stay", "age"], []),
        record(4, "fi", "unlikely", "unlikely", ["age"], ["finnish", "permit"]),
        record(5, "fi", "ineligible", "ineligible", [], ["permit"]),
    ]
    assert summarise(records, top=2) == CohortSummary(
        lines=5,
        bad_lines=1,
        countries=(
            CountrySummary("de", 1, counts(eligible=1), counts(eligible=1), 1, (), ()),
            CountrySummary(
                "fi",
                4,
                counts(case_by_case=2, unlikely=1, ineligible=1),
                counts(case_by_case=1, unlikely=2, ineligible=1),
                3,
                (("stay", 2), ("age", 2)),
                (("finnish", 2), ("permit", 2)),
            ),
        ),
    )


def test_records_without_barriers_still_count_and_order_does_not_change_the_counts() -> None:
    records = [
        {k: v for k, v in record(n, "nz", "eligible", "conditional", ["age"], []).items() if k != "barriers"}
        for n in (1, 2)
    ]
    forward, backward = summarise(records), summarise(reversed(records))
    assert (
        forward
        == backward
        == CohortSummary(
            2, 0, (CountrySummary("nz", 2, counts(eligible=2), counts(conditional=2), 0, (("age", 2),), ()),)
        )
    )


def run_summary(mlis, monkeypatch, tmp_path: Path, fmt: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_text(CLASS, encoding="utf-8")
    return mlis("batch", str(path), "--rules-dir", RULES, "-c", "nz,de", "--summary", fmt)


def test_the_text_summary_is_one_table_per_country_and_counts_the_bad_lines(
    mlis, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    run = run_summary(mlis, monkeypatch, tmp_path, "text")
    assert run.exit_code == 2
    assert run.stderr == (
        "mlis: error: 1 of 5 lines could not be checked, the first on line 3 "
        "(run without --summary to see each line's error)\n"
    )
    assert run.stdout == (
        "5 profiles read; 1 line could not be checked.\n"
        "\n"
        "Germany (de): 4 profiles, 3 with a complete answer\n"
        "\n"
        "                   verdict  worst case\n"
        "  eligible               0           0\n"
        "  conditional            0           0\n"
        "  case_by_case           2           1\n"
        "  unknown                0           0\n"
        "  unlikely               2           3\n"
        "  ineligible             0           0\n"
        "\n"
        "  Most common open questions: language:de (2)\n"
        "  Most often in the way: German at work (3), Comparability of a foreign degree (1)\n"
        "\n"
        "New Zealand (nz): 3 profiles, 0 with a complete answer\n"
        "\n"
        "                   verdict  worst case\n"
        "  eligible               0           0\n"
        "  conditional            3           0\n"
        "  case_by_case           0           3\n"
        "  unknown                0           0\n"
        "  unlikely               0           0\n"
        "  ineligible             0           0\n"
        "\n"
        "  Most common open questions: experience (3), age (2)\n"
        "  Most often in the way: nothing\n"
    )


def test_the_json_summary_carries_the_same_counts_with_requirement_titles(
    mlis, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    run = run_summary(mlis, monkeypatch, tmp_path, "json")
    assert run.exit_code == 2
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "1 of 5 lines could not be checked, the first on line 3",
            "hint": "run without --summary to see each line's error",
        }
    }
    zero = dict.fromkeys(verdict.value for verdict in SCALE)
    assert json.loads(run.stdout) == {
        "profiles": 5,
        "bad_lines": 1,
        "countries": [
            {
                "country": "de",
                "name": "Germany",
                "profiles": 4,
                "complete": 3,
                "verdicts": {**{k: 0 for k in zero}, "case_by_case": 2, "unlikely": 2},
                "worst_cases": {**{k: 0 for k in zero}, "case_by_case": 1, "unlikely": 3},
                "open_questions": [{"fact": "language:de", "profiles": 2}],
                "barriers": [
                    {"requirement": "german", "title": "German at work", "profiles": 3},
                    {
                        "requirement": "comparability",
                        "title": "Comparability of a foreign degree",
                        "profiles": 1,
                    },
                ],
            },
            {
                "country": "nz",
                "name": "New Zealand",
                "profiles": 3,
                "complete": 0,
                "verdicts": {**{k: 0 for k in zero}, "conditional": 3},
                "worst_cases": {**{k: 0 for k in zero}, "case_by_case": 3},
                "open_questions": [{"fact": "experience", "profiles": 3}, {"fact": "age", "profiles": 2}],
                "barriers": [],
            },
        ],
    }


def test_the_csv_summary_is_one_row_per_country(mlis, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run = run_summary(mlis, monkeypatch, tmp_path, "csv")
    assert run.exit_code == 2
    assert run.stdout == (
        "country,name,profiles,complete,eligible,conditional,case_by_case,unknown,unlikely,ineligible,"
        "worst_eligible,worst_conditional,worst_case_by_case,worst_unknown,worst_unlikely,worst_ineligible,"
        "open_questions,barriers\n"
        'de,Germany,4,3,0,0,2,0,2,0,0,0,1,0,3,0,"[""language:de (2)""]",'
        '"[""german (3)"", ""comparability (1)""]"\n'
        'nz,New Zealand,3,0,0,3,0,0,0,0,0,0,3,0,0,0,"[""experience (3)"", ""age (2)""]",[]\n'
    )
    assert len(list(csv.reader(io.StringIO(run.stdout)))) == 3


def test_summary_takes_its_own_format_and_refuses_an_unknown_one(mlis, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_text(CLASS, encoding="utf-8")
    both = mlis("batch", str(path), "--rules-dir", RULES, "-c", "nz", "--summary", "text", "-f", "csv")
    assert (both.exit_code, both.stdout) == (2, "")
    assert both.stderr == "mlis: error: --summary takes its own format; leave out --format\n"
    unknown = mlis("batch", str(path), "--rules-dir", RULES, "-c", "nz", "--summary", "yaml")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr == (
        "mlis: error: --summary: expected one of text, json, csv, got 'yaml' (try 'mlis batch --help')\n"
    )


def test_summary_keeps_the_exit_code_of_fail_on(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_text('{"degree": "ala", "citizenship": "us", "languages": {"de": "A2"}}\n', encoding="utf-8")
    run = mlis(
        "batch", str(path), "--rules-dir", RULES, "-c", "de", "--summary", "csv", "--fail-on", "unlikely"
    )
    assert (run.exit_code, run.stderr) == (1, "")
    assert run.stdout.splitlines()[1].startswith("de,Germany,1,1,0,0,0,0,1,0,")
