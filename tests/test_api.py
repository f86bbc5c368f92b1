"""mlis_cli.api: the public library API under the CLI, and what it promises to other processes."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import pickle
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mlis_cli.api as mlis
from tests.conftest import REPO

TODAY = dt.date(2026, 11, 22)
BIN = Path(sys.executable).parent


def generated_lines(count: int, seed: int = 7) -> list[str]:
    """Profiles of every kind, with a few lines that cannot be checked and a blank line."""
    rng = random.Random(seed)
    degrees = ["ala", "cilip", "alia", "lianza", "lai", "other", "unaccredited", "none"]
    citizenships = ["us", "ca", "gb", "de", "fi", "in", "nz", "au"]
    languages, levels = ["de", "fi", "da", "fr", "nl"], ["A2", "B2", "C1"]
    lines = []
    for number in range(count):
        profile: dict[str, object] = {"id": f"p{number}", "degree": rng.choice(degrees)}
        if rng.random() < 0.7:
            profile["citizenship"] = rng.sample(citizenships, rng.randint(1, 2))
        if rng.random() < 0.6:
            profile["age"] = rng.randint(19, 60)
        if rng.random() < 0.5:
            profile["languages"] = {rng.choice(languages): rng.choice(levels)}
        if rng.random() < 0.5:
            profile["stay"] = rng.choice(["short", "long"])
        if rng.random() < 0.3:
            profile["countries"] = rng.sample(["fi", "de", "au", "gb"], 2)
        lines.append(json.dumps(profile))
    lines[5] = '{"id": "bad", "degree": "phd"}'
    lines[11] = "not json"
    lines[17] = ""
    return lines


def evaluate_chunk(task: tuple[bytes, list[str], int]) -> str:
    """A worker's job: unpickle the evaluator it was sent, evaluate its lines."""
    evaluator_bytes, lines, first_line = task
    evaluator = pickle.loads(evaluator_bytes)
    return "".join(evaluator.json_lines(lines, first_line=first_line))


def test_loaded_rules_pickle_and_come_back_equal() -> None:
    rules = mlis.load_rules()
    assert pickle.loads(pickle.dumps(rules)) == rules


def test_the_issue_s_one_liner_pickles_the_shipped_rules() -> None:
    run = subprocess.run(
        [sys.executable, "-c", "import pickle, mlis_cli.api as a; pickle.dumps(a.load_rules())"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MLIS_CACHE_DIR": "off"},
    )
    assert (run.returncode, run.stderr) == (0, "")


def test_a_pool_of_processes_writes_exactly_what_mlis_batch_writes(tmp_path: Path) -> None:
    lines = generated_lines(240)
    path = tmp_path / "class.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli = subprocess.run(
        [str(BIN / "mlis"), "batch", str(path), "--country", "fi,de,nz"],
        capture_output=True,
        env={**os.environ, "MLIS_TODAY": TODAY.isoformat()},
        check=False,
    )
    assert cli.returncode == 2  # the bad lines; their error records are in the output

    evaluator = pickle.dumps(mlis.BatchEvaluator(mlis.load_rules(), ["fi", "de", "nz"], today=TODAY))
    size = 50
    tasks = [(evaluator, lines[start : start + size], start + 1) for start in range(0, len(lines), size)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pieces = pool.map(evaluate_chunk, tasks)
    assert "".join(pieces).encode() == cli.stdout
    assert b'"line":6,"error"' in cli.stdout and b'"line":12,"error"' in cli.stdout


def test_a_batch_evaluator_pickled_mid_run_goes_on_where_it_was() -> None:
    rules = mlis.load_rules()
    lines = generated_lines(40, seed=3)
    whole = mlis.BatchEvaluator(rules, ["fi", "au"], today=TODAY)
    expected = list(whole.json_lines(lines))
    half = mlis.BatchEvaluator(rules, ["fi", "au"], today=TODAY)
    first = list(half.json_lines(lines[:20]))
    resumed = pickle.loads(pickle.dumps(half))
    assert first + list(resumed.json_lines(lines[20:], first_line=21)) == expected
    # 40 lines, one blank, two that cannot be checked: the tally went on too
    assert (resumed.tally.lines, resumed.tally.bad) == (whole.tally.lines, whole.tally.bad) == (39, 2)


def test_records_take_mappings_and_give_the_batch_records() -> None:
    evaluator = mlis.BatchEvaluator(mlis.load_rules(), ["fi"], today=TODAY)
    records = list(
        evaluator.records(
            [
                {"id": "ana", "degree": "ala", "sector": "public", "citizenship": ["us"], "stay": "long"},
                {"id": "ben", "degree": "phd"},
                '{"id": "cy", "degree": "none", "sector": "public", "citizenship": "fi", "stay": "long"}',
            ]
        )
    )
    assert records == [
        {
            "id": "ana",
            "line": 1,
            "country": "fi",
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "complete": True,
            "open_questions": ["language:fi", "language:sv"],
        },
        {
            "id": "ben",
            "line": 2,
            "error": {
                "code": "invalid-profile",
                "message": "unknown degree 'phd': expected one of ala, cilip, alia, lianza, lai, other, "
                "unaccredited, none",
                "hint": "run 'mlis degrees' to see what each code means",
            },
        },
        {
            "id": "cy",
            "line": 3,
            "country": "fi",
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "complete": True,
            "open_questions": ["language:fi", "language:sv"],
        },
    ]
    assert (evaluator.tally.lines, evaluator.tally.bad, evaluator.tally.first_bad) == (3, 1, 2)


def test_evaluate_gives_what_check_prints_as_json() -> None:
    rules = mlis.load_rules()
    person = mlis.parse_profile({"degree": "ala", "citizenship": ["us"], "stay": "long"}, rules, today=TODAY)
    report = mlis.evaluate(rules, person, ["fi", "Germany"], today=TODAY, what_if=True)
    cli = subprocess.run(
        [
            str(BIN / "mlis"),
            *("check", "--degree", "ala", "--citizenship", "us", "--stay", "long"),
            *("--country", "fi,de", "--format", "json", "--no-profile"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MLIS_TODAY": TODAY.isoformat()},
        check=False,
    )
    assert (cli.returncode, cli.stderr) == (0, "")
    assert mlis.report_document(report) == json.loads(cli.stdout)
    assert [result.code for result in report.results] == ["fi", "de"]


def test_evaluate_without_countries_checks_every_country() -> None:
    rules = mlis.load_rules()
    report = mlis.evaluate(rules, mlis.parse_profile({"degree": "ala"}, rules), today=TODAY)
    assert [result.code for result in report.results] == list(rules.countries)
    assert all(result.what_if is None for result in report.results)


def test_mistakes_are_usage_errors_with_the_cli_s_words() -> None:
    rules = mlis.load_rules()
    with pytest.raises(mlis.UsageError) as bad_age:
        mlis.parse_profile({"age": "old"}, rules)
    assert bad_age.value.message == "age: expected a whole number, got 'old'"
    with pytest.raises(mlis.UsageError) as bad_country:
        mlis.countries(["atlantis"], rules)
    assert bad_country.value.message == "unknown country 'atlantis'"


def test_invalid_rules_raise_rules_invalid_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    with pytest.raises(mlis.RulesInvalid) as raised:
        mlis.load_rules(tmp_path, cache=False)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{tmp_path}/degrees.yaml:0:0: required file is missing",
        f"{tmp_path}/groups.yaml:0:0: required file is missing",
    ]


def test_the_readme_s_library_example_runs_and_prints_what_it_says() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- api-example -->\n```python\n(.*?)```\n```text\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    code, expected = block.groups()
    assert len(code.strip().splitlines()) == 5
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "MLIS_TODAY": TODAY.isoformat()},
        check=False,
    )
    assert (run.returncode, run.stderr, run.stdout) == (0, "", expected)
