"""`mlis rules diff`: every class of facts whose answer an edit to the rules changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, RULES
from tests.test_completion import bash_completion

EXPECTED = REPO / "tests" / "fixtures" / "rules-diff-nz.txt"
"""The exact text of the diff below: reviewed line by line when the rules or the output change."""


@pytest.fixture
def edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped rules with ALA degrees taken out of New Zealand's Route B case."""
    monkeypatch.setenv("MLIS_TODAY", "2026-12-01")
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    nz = directory / "countries" / "nz.yaml"
    text = nz.read_text(encoding="utf-8")
    assert text.count("when: {degree: [ala, cilip, alia]}") == 1
    nz.write_text(
        text.replace("when: {degree: [ala, cilip, alia]}", "when: {degree: [cilip, alia]}"), encoding="utf-8"
    )
    return directory


def test_the_diff_lists_every_class_that_moved(mlis, edited: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "diff", str(RULES), str(edited))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == EXPECTED.read_text(encoding="utf-8")


def test_json_gives_each_change_with_both_sides(mlis, edited: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(mlis("rules", "diff", str(RULES), str(edited), "--json").stdout)
    assert {key: document[key] for key in ("changed", "compared", "added", "removed", "too_many")} == {
        "changed": True,
        "compared": [{"country": "nz", "classes": 756, "changed": 50}],
        "added": [],
        "removed": [],
        "too_many": [],
    }
    assert document["changes"][0] == {
        "country": "nz",
        "class": {"degree": "ala", "sector": "public", "citizenship": ["nz"], "age": 18},
        "before": {
            "verdict": "eligible",
            "worst_case": "eligible",
            "open_questions": [],
            "cases": ["lianza-registration/4", "right-to-work/1"],
        },
        "after": {
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "open_questions": [],
            "cases": ["lianza-registration/6", "right-to-work/1"],
        },
    }
    assert {change["class"]["degree"] for change in document["changes"]} == {"ala"}


def test_fail_on_change_exits_1_on_a_change_and_0_on_none(mlis, edited: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "diff", str(RULES), str(edited), "--fail-on-change", "-f", "csv")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[:2] == [
        "country,class,before_verdict,before_worst_case,before_open_questions,before_cases,"
        "after_verdict,after_worst_case,after_open_questions,after_cases",
        'nz,"degree ala, sector public, citizenship nz, age 18",eligible,eligible,[],'
        '"[""lianza-registration/4"", ""right-to-work/1""]",case_by_case,case_by_case,[],'
        '"[""lianza-registration/6"", ""right-to-work/1""]"',
    ]
    run = mlis("rules", "diff", str(RULES), str(RULES), "--fail-on-change")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "No answer changes.\n", "")


def test_a_country_added_or_removed_is_a_change(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fewer = tmp_path / "fewer"
    shutil.copytree(RULES, fewer)
    (fewer / "countries" / "sg.yaml").unlink()
    run = mlis("rules", "diff", str(RULES), str(fewer), "--fail-on-change")
    assert (run.exit_code, run.stdout) == (1, "sg: only in the old rules\n")
    run = mlis("rules", "diff", str(fewer), str(RULES))
    assert (run.exit_code, run.stdout) == (0, "sg: only in the new rules\n")


def test_profiles_restrict_the_diff_to_a_cohort(mlis, edited: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cohort = tmp_path / "class.jsonl"
    cohort.write_text(
        '{"id": "ana", "degree": "ala", "sector": "academic", "citizenship": "us", "age": 25, '
        '"countries": ["nz"]}\n'
        '{"degree": "cilip", "countries": "nz"}\n'
        "\n"
        '{"degree": "ala", "sector": "academic", "citizenship": "nz", "countries": ["nz", "au"]}\n',
        encoding="utf-8",
    )
    run = mlis("rules", "diff", str(RULES), str(edited), "--profiles", str(cohort))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "nz: 2 of 3 profiles change\n"
        "  ana\n"
        "    before: conditional; cases lianza-registration/4, right-to-work/6\n"
        "    after:  case_by_case; cases lianza-registration/6, right-to-work/6\n"
        "  line 4\n"
        "    before: eligible; cases lianza-registration/4, right-to-work/1\n"
        "    after:  case_by_case; cases lianza-registration/6, right-to-work/1\n"
    )
    document = json.loads(
        mlis("rules", "diff", str(RULES), str(edited), "--profiles", str(cohort), "--json").stdout
    )
    assert document["compared"] == [
        {"country": "nz", "profiles": 3, "changed": 2},
        {"country": "au", "profiles": 1, "changed": 0},
    ]
    assert [change["profile"] for change in document["changes"]] == ["ana", "line 4"]


def test_a_bad_cohort_line_is_one_clear_error(mlis, edited: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cohort = tmp_path / "class.jsonl"
    cohort.write_text('{"degree": "ala"}\n{"degree": "zzz"}\n', encoding="utf-8")
    run = mlis("rules", "diff", str(RULES), str(edited), "--profiles", str(cohort))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("mlis: error: line 2: unknown degree 'zzz'")
    assert len(run.stderr.splitlines()) == 1
    run = mlis("rules", "diff", str(RULES), str(edited), "--profiles", str(tmp_path / "missing.jsonl"))
    assert (run.exit_code, run.stderr) == (
        2,
        f"mlis: error: --profiles: cannot read {tmp_path / 'missing.jsonl'}: No such file or directory\n",
    )


def test_too_many_classes_are_reported_not_compared(mlis, edited: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mlis_cli.engine import rule_diff

    monkeypatch.setattr(rule_diff, "MAX_CLASSES", 100)
    monkeypatch.setattr("mlis_cli.render.rule_diff.MAX_CLASSES", 100)
    run = mlis("rules", "diff", str(RULES), str(edited), "--fail-on-change")
    assert run.exit_code == 1
    assert run.stdout == (
        "nz: 756 classes of facts, more than 100; not compared (give --profiles to compare a cohort)\n"
    )


def test_completion_knows_the_diff_options(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "rules", "diff", "a", "b", "--fail-on")
    assert offered == ["--fail-on-change"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "rules", "diff", "a", "b", "--prof")
    assert offered == ["--profiles"]
