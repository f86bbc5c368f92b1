"""Every format of every command that prints results, parsed back: JSON, JSONL, YAML and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")

CHECK_COLUMNS = [
    "country",
    "name",
    "verdict",
    "worst_case",
    "complete",
    "open_questions",
    "next_steps",
    "reviewed",
    "stale",
]


def out(mlis, *args: str) -> str:  # type: ignore[no-untyped-def]
    run = mlis(*args, "--rules-dir", RULES)
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    return str(run.stdout)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def jsonl(text: str) -> list[object]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


CHECK = ("check", "--degree", "ala", "--all")


def test_check_csv_has_one_row_per_country_in_the_documented_columns(mlis) -> None:  # type: ignore[no-untyped-def]
    text = out(mlis, *CHECK, "--format", "csv")
    assert csv_header(text) == CHECK_COLUMNS
    assert csv_rows(text) == [
        {
            "country": "xc",
            "name": "Carpania",
            "verdict": "eligible",
            "worst_case": "conditional",
            "complete": "false",
            "open_questions": '["citizenship"]',
            "next_steps": '["Apply for a work permit; an employer sponsors it."]',
            "reviewed": "2026-06-01",
            "stale": "false",
        },
        {
            "country": "xd",
            "name": "Dorvia",
            "verdict": "case_by_case",
            "worst_case": "unlikely",
            "complete": "false",
            "open_questions": '["language:de"]',
            "next_steps": '["Learn German to C1."]',
            "reviewed": "2024-01-10",
            "stale": "true",
        },
    ]


def test_check_csv_writes_a_list_as_a_json_array(mlis) -> None:  # type: ignore[no-untyped-def]
    text = out(mlis, "check", "--degree", "none", "--country", "xc", "--format", "csv")
    row = csv_rows(text)[0]
    assert (row["verdict"], row["next_steps"]) == (
        "ineligible",
        '["Study at an ALA or CILIP accredited program.", '
        '"Apply for a work permit; an employer sponsors it."]',
    )


def test_check_lines_end_with_a_newline_only(mlis) -> None:  # type: ignore[no-untyped-def]
    text = out(mlis, *CHECK, "--format", "csv")
    assert "\r" not in text
    assert text.count("\n") == 3


def test_check_jsonl_is_the_json_results_one_per_line(mlis) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(out(mlis, *CHECK, "--format", "json"))
    lines = out(mlis, *CHECK, "--format", "jsonl")
    assert jsonl(lines) == document["results"]
    assert [record["country"] for record in document["results"]] == ["xc", "xd"]
    assert all(": " not in line and ", " not in line[:20] for line in lines.splitlines())


def test_check_yaml_is_the_json_document_with_keys_in_contract_order(mlis) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(out(mlis, *CHECK, "--format", "json"))
    text = out(mlis, *CHECK, "--format", "yaml")
    assert yaml.safe_load(text) == document
    assert text.startswith("schema: 2\ntoday: '2026-11-22'\nstrict: false\nprofile:\n  degree: ala\n")


@pytest.mark.parametrize("flag", [("--json",), ("-f", "json"), ("--format=json",), ("--format", "JSON")])
def test_every_way_of_asking_for_json_gives_the_same_document(mlis, flag) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads(out(mlis, *CHECK, "--format", "json"))
    assert json.loads(out(mlis, *CHECK, *flag)) == expected


def test_list_countries_in_every_format(mlis) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {
            "code": "xc",
            "name": "Carpania",
            "group": "no-additional-qualifications",
            "association": "Carpanian Library Association",
            "reviewed": "2026-06-01",
        },
        {
            "code": "xd",
            "name": "Dorvia",
            "group": "more-hoops",
            "association": "Dorvian Library Board",
            "reviewed": "2024-01-10",
        },
    ]
    assert json.loads(out(mlis, "list-countries", "--json")) == rows
    assert jsonl(out(mlis, "list-countries", "--format", "jsonl")) == rows
    assert yaml.safe_load(out(mlis, "list-countries", "--format", "yaml")) == rows
    text = out(mlis, "list-countries", "--format", "csv")
    assert csv_header(text) == ["code", "name", "group", "association", "reviewed"]
    assert csv_rows(text) == rows


def test_list_countries_codes_prints_one_code_per_line(mlis) -> None:  # type: ignore[no-untyped-def]
    assert out(mlis, "list-countries", "--codes") == "xc\nxd\n"


def test_list_countries_codes_with_another_format_is_a_usage_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("list-countries", "--codes", "--format", "csv", "--rules-dir", RULES)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "mlis: error: --codes prints codes only; it cannot be combined with --format csv\n"


def test_show_gives_one_record_per_case_in_jsonl_and_csv(mlis) -> None:  # type: ignore[no-untyped-def]
    records = [
        {
            "country": "xd",
            "requirement": "language",
            "kind": "language",
            "title": "Dorvian language",
            "case": 0,
            "when": "speaks 'de' at C1 or above",
            "verdict": "case_by_case",
            "reason": "Employers decide; they ask for fluent German.",
            "steps": ["Ask the employer", "Bring a C1 certificate."],
            "sources": ["fixture-board"],
        },
        {
            "country": "xd",
            "requirement": "language",
            "kind": "language",
            "title": "Dorvian language",
            "case": 1,
            "when": None,
            "verdict": "unlikely",
            "reason": "Without fluent German a post is unlikely.",
            "steps": ["Learn German to C1."],
            "sources": ["fixture-board"],
        },
    ]
    assert jsonl(out(mlis, "show", "dorvia", "--format", "jsonl")) == records
    rows = csv_rows(out(mlis, "show", "xd", "--format", "csv"))
    assert rows[0] == {
        **{key: str(value) for key, value in records[0].items()},
        "steps": '["Ask the employer", "Bring a C1 certificate."]',
        "sources": '["fixture-board"]',
    }
    assert (rows[1]["case"], rows[1]["when"], rows[1]["steps"]) == ("1", "", '["Learn German to C1."]')


def test_show_yaml_is_the_json_document(mlis) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(out(mlis, "show", "xc", "--json"))
    assert yaml.safe_load(out(mlis, "show", "xc", "-f", "yaml")) == document
    assert (document["code"], [r["id"] for r in document["requirements"]]) == ("xc", ["degree", "work"])


def test_degrees_in_every_format(mlis) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(out(mlis, "degrees", "--json"))
    assert [row["code"] for row in document] == ["ala", "cilip", "none"]
    assert jsonl(out(mlis, "degrees", "-f", "jsonl")) == document
    assert yaml.safe_load(out(mlis, "degrees", "-f", "yaml")) == document
    assert csv_rows(out(mlis, "degrees", "-f", "csv"))[0] == {
        "code": "ala",
        "name": "ALA-accredited master's",
        "description": "A master's from an ALA-accredited program.",
        "sources": '["fixture-board"]',
    }


def broken_rules(tmp_path: Path) -> str:
    directory = tmp_path / "rules"
    (directory / "countries").mkdir(parents=True)
    for name in ("sources.yaml", "degrees.yaml", "groups.yaml"):
        (directory / name).write_text((FIXTURES / "scripting" / name).read_text())
    (directory / "countries" / "xc.yaml").write_text(
        (FIXTURES / "scripting" / "countries" / "xc.yaml").read_text().replace("reviewed: 2026-06-01\n", "")
    )
    return str(directory)


def test_rules_validate_lists_problems_in_every_format(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = broken_rules(tmp_path)
    runs = {
        fmt: mlis("rules", "validate", directory, "--format", fmt) for fmt in ("json", "jsonl", "yaml", "csv")
    }
    assert {fmt: (run.exit_code, run.stderr) for fmt, run in runs.items()} == {fmt: (1, "") for fmt in runs}
    problems = json.loads(runs["json"].stdout)["problems"]
    # the broken file, and the policy's warnings on the fixture (a source with no address)
    assert [(p["file"].rpartition("/")[2], p["line"], p["severity"]) for p in problems] == [
        ("xc.yaml", 1, "error"),
        ("sources.yaml", 6, "warning"),
    ]
    assert "reviewed" in problems[0]["message"]
    assert jsonl(runs["jsonl"].stdout) == problems
    assert yaml.safe_load(runs["yaml"].stdout) == {"problems": problems}
    assert csv_rows(runs["csv"].stdout) == [{key: str(value) for key, value in p.items()} for p in problems]


def test_rules_test_reports_each_test_in_every_format(mlis) -> None:  # type: ignore[no-untyped-def]
    # The fixture has no tests, so each country's check that its cases are reached fails.
    runs = {
        fmt: mlis("rules", "test", "--rules-dir", RULES, "-f", fmt)
        for fmt in ("json", "jsonl", "yaml", "csv")
    }
    assert {fmt: (run.exit_code, run.stderr) for fmt, run in runs.items()} == {fmt: (1, "") for fmt in runs}
    tests = json.loads(runs["json"].stdout)["tests"]
    assert [(test["country"], test["name"], test["passed"], len(test["failures"])) for test in tests] == [
        ("xc", "every case is reached by a test", False, 4),
        ("xd", "every case is reached by a test", False, 2),
    ]
    assert tests[1]["failures"][0] == "language case 1 (speaks 'de' at C1 or above): no test reaches it"
    assert jsonl(runs["jsonl"].stdout) == tests
    assert yaml.safe_load(runs["yaml"].stdout) == {"tests": tests}
    assert [json.loads(row["failures"]) for row in csv_rows(runs["csv"].stdout)][1] == tests[1]["failures"]


def test_rules_test_csv_on_the_shipped_rules_says_every_test_passed(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "test", "--format", "csv")
    assert (run.exit_code, run.stderr) == (0, "")
    rows = csv_rows(run.stdout)
    assert rows and {(row["passed"], row["failures"]) for row in rows} == {("true", "[]")}


def test_an_unknown_format_is_a_usage_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "--format", "xml")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: --format: expected one of text, json, jsonl, yaml, csv, got 'xml' "
        "(try 'mlis degrees --help')\n"
    )


def parsed_in_every_format(mlis, *args: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The command's output in json, yaml, jsonl and csv, each parsed back."""
    import csv
    import io

    import yaml

    out: dict[str, object] = {}
    for fmt in ("json", "yaml", "jsonl", "csv"):
        run = mlis(*args, "--format", fmt)
        assert (run.exit_code, run.stderr) == (0, ""), (args, fmt, run.stderr)
        if fmt == "json":
            out[fmt] = json.loads(run.stdout)
        elif fmt == "yaml":
            out[fmt] = yaml.safe_load(run.stdout)
        elif fmt == "jsonl":
            out[fmt] = [json.loads(line) for line in run.stdout.splitlines()]
        else:
            out[fmt] = list(csv.DictReader(io.StringIO(run.stdout)))
    assert out["yaml"] == out["json"]
    return out


def test_matrix_in_every_format_has_one_record_per_degree_and_country(mlis) -> None:  # type: ignore[no-untyped-def]
    out = parsed_in_every_format(mlis, "matrix", "--rules-dir", str(FIXTURES / "two-countries"))
    assert out["jsonl"][:2] == [
        {"degree": "ala", "country": "xa", "verdict": "eligible", "worst_case": "eligible", "complete": True},
        {"degree": "ala", "country": "xb", "verdict": "unknown", "worst_case": "unknown", "complete": True},
    ]
    assert out["csv"][0] == {
        "degree": "ala",
        "country": "xa",
        "verdict": "eligible",
        "worst_case": "eligible",
        "complete": "true",
    }
    assert len(out["csv"]) == 16


def test_degree_detail_and_certificates_in_every_format(mlis) -> None:  # type: ignore[no-untyped-def]
    detail = parsed_in_every_format(mlis, "degrees", "ala")
    assert [row["code"] for row in detail["csv"]] == ["ala"]
    assert detail["jsonl"] == [detail["json"]]
    certificates = parsed_in_every_format(mlis, "certificates", "--topic", "rare books")
    rows = certificates["csv"]
    assert [(row["id"], row["cost_amount"], row["cost_per"], row["cost_stated"]) for row in rows] == [
        ("calrbs-rare-books", "1200", "course", "nd"),
    ]
    assert [c["id"] for c in certificates["jsonl"]] == ["calrbs-rare-books"]


def test_plan_csv_has_one_row_per_path_best_first(mlis) -> None:  # type: ignore[no-untyped-def]
    args = ("plan", "--country", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public")
    out = parsed_in_every_format(mlis, *args, "--lang", "en:native")
    assert [row["rank"] for row in out["csv"]] == [str(n) for n in range(1, len(out["csv"]) + 1)]
    assert out["csv"][0]["sentence"] == (
        "Speaking 'nl' at A1 would make Belgium decided case by case (now unlikely)."
    )
