"""`mlis rules validate` checks what the verdict policy can check by itself, as located warnings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the scripting fixture: valid, with two policy warnings."""
    shutil.copytree(FIXTURES / "scripting", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"


WARNINGS = [
    "rules/countries/xd.yaml:7:1: warning: requirements: no right-to-work requirement (kind: visa); "
    "the policy asks every country for one, with a case for those who are not citizens",
    "rules/sources.yaml:6:10: warning: sources.fixture-board.url: no address; give the exact page the "
    "facts come from",
]


def test_warnings_print_located_and_leave_the_exit_code_alone(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "validate", "rules")
    assert (run.exit_code, run.stdout.splitlines(), run.stderr) == (
        0,
        WARNINGS,
        "rules: no problems, 2 policy warnings\n",
    )


def test_strict_makes_warnings_count(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "validate", "rules", "--strict")
    assert (run.exit_code, run.stdout.splitlines()) == (1, WARNINGS)


def test_json_gives_each_warning_its_severity(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "validate", "rules", "--json")
    assert json.loads(run.stdout)["problems"][1] == {
        "file": "rules/sources.yaml",
        "line": 6,
        "column": 10,
        "severity": "warning",
        "message": "sources.fixture-board.url: no address; give the exact page the facts come from",
    }


def test_warnings_never_stop_a_check(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", "rules", "--degree", "ala", "-c", "xd", "--json")
    assert (run.exit_code, run.stderr) == (0, "")


@pytest.mark.parametrize(
    ("old", "new", "warning"),
    [
        pytest.param(
            "    url: null\n",
            "    url: https://board.example/\n",
            "rules/sources.yaml:6:10: warning: sources.fixture-board.url: 'https://board.example/' is a home "
            "page; give the exact page the facts come from",
            id="a home page",
        ),
        pytest.param(
            "    url: null\n",
            "    url: https://board.example/posts\n"
            "    date: nd\n    reliability: official\n"
            "  fixture-board-again:\n    title: The same page\n    publisher: Test board\n"
            "    url: https://board.example/posts\n",
            "rules/sources.yaml:12:10: warning: sources.fixture-board-again.url: the same address as source "
            "'fixture-board'; cite one id for one page",
            id="two ids for one page",
        ),
        pytest.param(
            "      - otherwise: true\n        verdict: unlikely\n",
            "      - otherwise: true\n        verdict: unknown\n",
            "rules/countries/xd.yaml:18:18: warning: requirements[0].cases[1].verdict: an unknown case says "
            "what was looked for in the sources: add 'looked_for'",
            id="an unknown case that does not say what was looked for",
        ),
        pytest.param(
            "      - otherwise: true\n        verdict: unlikely\n",
            "      - when: {stay: [long]}\n        verdict: unlikely\n",
            "rules/countries/xd.yaml:17:9: warning: requirements[0].cases[1]: requirement 'language' has no "
            "'otherwise' case; a profile no case covers gets unknown without saying what was looked for",
            id="a requirement that leaves some people out",
        ),
    ],
)
def test_each_policy_check_is_located(mlis, rules: Path, old: str, new: str, warning: str) -> None:  # type: ignore[no-untyped-def]
    for name in ("sources.yaml", "countries/xd.yaml"):
        path = rules / name
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            break
    else:
        raise AssertionError(f"not in the fixture: {old!r}")
    run = mlis("rules", "validate", "rules")
    assert run.exit_code == 0
    assert warning in run.stdout.splitlines()


def test_an_unknown_case_that_says_what_was_looked_for_passes(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    path = rules / "countries" / "xd.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "      - otherwise: true\n        verdict: unlikely\n",
            "      - otherwise: true\n        verdict: unknown\n        looked_for: a language rule\n",
            1,
        ),
        encoding="utf-8",
    )
    assert mlis("rules", "validate", "rules").stdout.splitlines() == WARNINGS
