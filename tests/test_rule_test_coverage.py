"""`mlis rules test` fails on a case that no test of its country reaches."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rulekit import country, rules_dir

TWO_CASES = country(
    "xt",
    """
    - id: recognition
      kind: review
      title: Recognition
      cases:
        - when: {degree: [ala]}
          verdict: eligible
          reason: Accepted.
          sources: [places-youll-go]
        - otherwise: true
          verdict: case_by_case
          reason: Assessed one by one.
          sources: [places-youll-go]
    """,
)


def with_tests(*tests: str) -> str:
    return TWO_CASES + "tests:\n" + "".join(tests)


ALA = "  - name: An ALA degree is accepted\n    profile: {degree: ala}\n    expect: {verdict: eligible}\n"
CILIP = (
    "  - name: A CILIP degree is assessed\n"
    "    profile: {degree: cilip}\n"
    "    expect: {verdict: case_by_case}\n"
)
OPEN = "  - name: Without a degree both are possible\n    profile: {}\n    expect: {verdict: eligible}\n"


def test_a_case_no_test_reaches_fails_the_run(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = rules_dir(tmp_path, {"xt": with_tests(ALA)})
    run = mlis("rules", "test", str(directory))
    assert run.exit_code == 1
    assert run.stdout == (
        "ok   xt: An ALA degree is accepted\n"
        "FAIL xt: every case is reached by a test\n"
        "       recognition case 2 (otherwise): no test reaches it\n"
    )
    assert run.stderr == "1 passed, 1 failed\n"


def test_tests_that_reach_every_case_pass(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = rules_dir(tmp_path, {"xt": with_tests(ALA, CILIP)})
    run = mlis("rules", "test", str(directory), "--json")
    assert run.exit_code == 0
    assert json.loads(run.stdout)["tests"][-1] == {
        "country": "xt",
        "name": "every case is reached by a test",
        "passed": True,
        "failures": [],
    }


def test_an_open_answer_reaches_each_case_it_may_give(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = rules_dir(tmp_path, {"xt": with_tests(OPEN)})
    assert mlis("rules", "test", str(directory)).exit_code == 0
