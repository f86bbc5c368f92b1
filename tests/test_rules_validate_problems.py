"""`mlis rules validate` on broken rules: every problem, located, sorted, exit 1, no traceback."""

from __future__ import annotations

import json
import random
import shutil

from tests.conftest import FIXTURES

BROKEN = "tests/fixtures/broken-rules"


def test_each_broken_fixture_gives_exactly_its_one_located_problem(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FIXTURES.parents[1])
    run = mlis("rules", "validate", BROKEN)
    assert run.exit_code == 1
    assert run.stderr == f"{BROKEN}: 9 problems\n"
    assert run.stdout == (
        f"{BROKEN}/countries/aa.yaml:5:1: duplicate key 'name' (first defined at line 3)\n"
        f"{BROKEN}/countries/ab.yaml:7:1: capital: unknown key 'capital'; expected one of code, name, "
        "aliases, group, association, reviewed, requirements, tests\n"
        f"{BROKEN}/countries/ac.yaml:14:17: anchor '&decided' is not allowed in rule files\n"
        f"{BROKEN}/countries/ad.yaml:12:9: requirements[0].cases[0].sources: "
        "missing required key 'sources'\n"
        f"{BROKEN}/countries/ae.yaml:15:19: requirements[0].cases[0].sources[0]: "
        "unknown source id 'places-you-will-go'; add it to sources.yaml\n"
        f"{BROKEN}/countries/af.yaml:13:18: requirements[0].cases[0].verdict: expected one of eligible, "
        "conditional, case_by_case, unknown, unlikely, ineligible, got 'probably'\n"
        f"{BROKEN}/countries/ag.yaml:12:16: requirements[0].cases[0].when.colour: unknown key 'colour'; "
        "expected one of degree, citizenship, only_citizenship, age, language, sector, stay, graduated, "
        "experience, phd, online, all, any, not\n"
        f"{BROKEN}/countries/ah.yaml:3:1: not valid YAML: expected '<document start>', but found '<scalar>'\n"
        f"{BROKEN}/countries/ai.yaml:1:1: file is empty; expected a mapping with code, name, aliases, "
        "group, association, reviewed, requirements, tests\n"
    )


def test_the_broken_fixture_as_json_lists_the_same_problems(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FIXTURES.parents[1])
    text = mlis("rules", "validate", BROKEN)
    run = mlis("rules", "validate", BROKEN, "--json")
    assert (run.exit_code, run.stderr) == (1, "")
    problems = json.loads(run.stdout)["problems"]
    assert [f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems] == (
        text.stdout.splitlines()
    )


def test_checking_rules_that_are_broken_names_the_first_problem_and_exits_3(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degree", "ala", "--country", "aa", "--rules-dir", str(FIXTURES / "broken-rules"))
    assert (run.exit_code, run.stdout) == (3, "")
    assert run.stderr == (
        f"mlis: error: rule data is invalid: {FIXTURES / 'broken-rules'}/countries/aa.yaml:5:1: "
        "duplicate key 'name' (first defined at line 3) (and 8 more problems) "
        f"(run 'mlis rules validate {FIXTURES / 'broken-rules'}' to see every problem)\n"
    )


COUNTRY = """\
code: {code}
name: Testland {code}
group: more-hoops
association: Test association
reviewed: 2026-11-22
requirements:
  - id: recognition
    kind: {kind}
    title: Recognition decision
    cases:
      - when: {{degree: [{degree}]}}
        verdict: {verdict}
        reason: An authority decides case by case.
        sources: [{source}]
      - otherwise: true
        verdict: unknown
        reason: The sources are silent.
        sources: [places-youll-go]
{extra}"""


def test_many_problems_across_many_files_are_all_reported_in_file_and_line_order(
    mlis, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    directory = tmp_path / "rules"
    (directory / "countries").mkdir(parents=True)
    for name in ("sources.yaml", "degrees.yaml", "groups.yaml"):
        shutil.copy(FIXTURES / "broken-rules" / name, directory / name)
    files = {}
    expected = []
    # alphabetical, and by line number within a file: the order the report must have
    for code in [a + b for a in "mnopq" for b in "abcdefghij"]:
        if code.startswith("q"):  # valid in shape; wrong only in what it cites
            files[code] = COUNTRY.format(
                code=code,
                kind="review",
                degree=f"deg-{code}",
                verdict="case_by_case",
                source=f"src-{code}",
                extra="",
            )
            expected += [
                f"rules/countries/{code}.yaml:6:1: warning: requirements: no right-to-work requirement "
                "(kind: visa); the policy asks every country for one, with a case for those who are not "
                "citizens",
                f"rules/countries/{code}.yaml:11:25: requirements[0].cases[0].when.degree[0]: "
                f"unknown degree code 'deg-{code}'; defined in degrees.yaml: ala, none",
                f"rules/countries/{code}.yaml:14:19: requirements[0].cases[0].sources[0]: "
                f"unknown source id 'src-{code}'; add it to sources.yaml",
                f"rules/countries/{code}.yaml:16:18: warning: requirements[0].cases[1].verdict: an unknown "
                "case says what was looked for in the sources: add 'looked_for'",
            ]
            continue
        files[code] = COUNTRY.format(
            code=code,
            kind=f"kind-{code}",
            degree="ala",
            verdict=f"maybe-{code}",
            source="places-youll-go",
            extra=f"        x{code}: here\n",
        )
        expected += [
            f"rules/countries/{code}.yaml:8:11: requirements[0].kind: expected one of accreditation, "
            f"language, nationality, visa, review, got 'kind-{code}'",
            f"rules/countries/{code}.yaml:12:18: requirements[0].cases[0].verdict: expected one of "
            f"eligible, conditional, case_by_case, unknown, unlikely, ineligible, got 'maybe-{code}'",
            f"rules/countries/{code}.yaml:19:9: requirements[0].cases[1].x{code}: unknown key 'x{code}'; "
            "expected one of when, otherwise, verdict, reason, summary, steps, see, looked_for, sources",
        ]
    for code in random.Random(9).sample(sorted(files), len(files)):  # written in no particular order
        (directory / "countries" / f"{code}.yaml").write_text(files[code], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = mlis("rules", "validate", "rules")
    assert run.exit_code == 1
    assert run.stdout.splitlines() == expected
    assert run.stderr == "rules: 140 problems, 20 policy warnings\n"
