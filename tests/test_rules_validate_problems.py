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


# One broken copy of a rules directory in which, before, each problem hid others:
# the duplicate key in ba.yaml hid its unknown key (of the two, the first 'group' is
# the one checked, so 'fewer-hoops' is no second problem); the schema error in sources.yaml
# hid every unknown source id (bb.yaml, bc.yaml); the bad verdict in bb.yaml hid the
# unknown degree code and source id of its next case.
ONE_RUN = {
    "sources.yaml": """\
sources:
  places-youll-go:
    title: "Oh, the Places You'll Go (with your MLIS)!"
    publisher: Hack Library School
    url: https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/
    date: nd
    reliability: weak
  atlas:
    title: An atlas of library work
    publisher: Test publisher
    url: https://example.org/atlas/library-work
    date: nd
    reliability: shaky
""",
    "countries/ba.yaml": """\
code: ba
name: Testland ba
group: more-hoops
association: Test association
group: fewer-hoops
capital: Testville
reviewed: 2026-11-22
requirements:
  - id: right-to-work
    kind: visa
    title: Right to work
    cases:
      - otherwise: true
        verdict: unknown
        reason: The sources name no permit.
        looked_for: a work permit open to librarians
        sources: [atlas]
""",
    "countries/bb.yaml": """\
code: bb
name: Testland bb
group: more-hoops
association: Test association
reviewed: 2026-11-22
requirements:
  - id: right-to-work
    kind: visa
    title: Right to work
    cases:
      - when: {degree: [ala]}
        verdict: probably
        reason: An authority decides case by case.
        sources: [places-youll-go]
      - when: {degree: [mlis]}
        verdict: case_by_case
        reason: An authority decides case by case.
        sources: [nowhere]
      - otherwise: true
        verdict: unknown
        reason: The sources name no permit.
        looked_for: a work permit open to librarians
        sources: [places-youll-go]
""",
    "countries/bc.yaml": """\
code: bc
name: Testland bc
group: more-hoops
association: Test association
reviewed: 2026-11-22
requirements:
  - id: right-to-work
    kind: visa
    title: Right to work
    cases:
      - otherwise: true
        verdict: unknown
        reason: The sources name no permit.
        looked_for: a work permit open to librarians
        sources: [places-you-will-go]
""",
}


def one_run_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    directory = tmp_path / "rules"
    (directory / "countries").mkdir(parents=True)
    for name in ("degrees.yaml", "groups.yaml"):
        shutil.copy(FIXTURES / "broken-rules" / name, directory / name)
    for name, text in ONE_RUN.items():
        (directory / name).write_text(text, encoding="utf-8")


def test_one_run_reports_the_problems_each_used_to_hide_in_file_line_and_column_order(
    mlis, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    one_run_rules(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = mlis("rules", "validate", "--rules-dir", "rules")
    assert run.exit_code == 1
    assert run.stdout == (
        "rules/countries/ba.yaml:5:1: duplicate key 'group' (first defined at line 3)\n"
        "rules/countries/ba.yaml:6:1: capital: unknown key 'capital'; expected one of code, name, "
        "aliases, group, association, reviewed, requirements, tests\n"
        "rules/countries/bb.yaml:12:18: requirements[0].cases[0].verdict: expected one of eligible, "
        "conditional, case_by_case, unknown, unlikely, ineligible, got 'probably'\n"
        "rules/countries/bb.yaml:15:25: requirements[0].cases[1].when.degree[0]: unknown degree code "
        "'mlis'; defined in degrees.yaml: ala, none\n"
        "rules/countries/bb.yaml:18:19: requirements[0].cases[1].sources[0]: unknown source id "
        "'nowhere'; add it to sources.yaml\n"
        "rules/countries/bc.yaml:15:19: requirements[0].cases[0].sources[0]: unknown source id "
        "'places-you-will-go'; add it to sources.yaml\n"
        "rules/sources.yaml:13:18: sources.atlas.reliability: expected one of official, secondary, "
        "weak, got 'shaky'\n"
    )
    assert run.stderr == "rules: 7 problems\n"


def test_one_run_as_json_gives_the_same_problems_with_their_severity(mlis, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    one_run_rules(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = mlis("rules", "validate", "rules", "--format", "json")
    assert (run.exit_code, run.stderr) == (1, "")

    def error(file: str, line: int, column: int, message: str) -> dict[str, object]:
        return {
            "file": f"rules/{file}",
            "line": line,
            "column": column,
            "severity": "error",
            "message": message,
        }

    assert json.loads(run.stdout) == {
        "problems": [
            error("countries/ba.yaml", 5, 1, "duplicate key 'group' (first defined at line 3)"),
            error(
                "countries/ba.yaml",
                6,
                1,
                "capital: unknown key 'capital'; expected one of code, name, aliases, group, "
                "association, reviewed, requirements, tests",
            ),
            error(
                "countries/bb.yaml",
                12,
                18,
                "requirements[0].cases[0].verdict: expected one of eligible, conditional, "
                "case_by_case, unknown, unlikely, ineligible, got 'probably'",
            ),
            error(
                "countries/bb.yaml",
                15,
                25,
                "requirements[0].cases[1].when.degree[0]: unknown degree code 'mlis'; "
                "defined in degrees.yaml: ala, none",
            ),
            error(
                "countries/bb.yaml",
                18,
                19,
                "requirements[0].cases[1].sources[0]: unknown source id 'nowhere'; add it to sources.yaml",
            ),
            error(
                "countries/bc.yaml",
                15,
                19,
                "requirements[0].cases[0].sources[0]: unknown source id 'places-you-will-go'; "
                "add it to sources.yaml",
            ),
            error(
                "sources.yaml",
                13,
                18,
                "sources.atlas.reliability: expected one of official, secondary, weak, got 'shaky'",
            ),
        ]
    }


def test_checking_those_rules_names_the_first_problem_and_counts_the_rest(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    one_run_rules(tmp_path)
    rules = tmp_path / "rules"
    run = mlis("check", "--degree", "ala", "--country", "bc", "--rules-dir", str(rules))
    assert (run.exit_code, run.stdout) == (3, "")
    assert run.stderr == (
        f"mlis: error: rule data is invalid: {rules}/countries/ba.yaml:5:1: duplicate key 'group' "
        f"(first defined at line 3) (and 6 more problems) (run 'mlis rules validate {rules}' to see "
        "every problem)\n"
    )


def test_a_file_read_in_part_gets_no_policy_warnings_for_what_was_cut(mlis, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The 'otherwise' case has no reason, so it is cut, with what it cites; the requirement
    # left would seem to have no 'otherwise' case, which is no fault of the data.
    one_run_rules(tmp_path)
    no_reason = ONE_RUN["countries/bc.yaml"].replace(
        "      - otherwise: true\n        verdict: unknown\n        reason: The sources name no permit.\n",
        "      - when: {degree: [ala]}\n        verdict: case_by_case\n"
        "        reason: An authority decides case by case.\n        sources: [places-youll-go]\n"
        "      - otherwise: true\n        verdict: unknown\n",
    )
    (tmp_path / "rules" / "countries" / "bc.yaml").write_text(no_reason, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = mlis("rules", "validate", "rules")
    assert [line for line in run.stdout.splitlines() if "bc.yaml" in line] == [
        "rules/countries/bc.yaml:15:9: requirements[0].cases[1].reason: missing required key 'reason'"
    ]
