"""A bug in mlis ends in a short traceback without local variables, a bug-report line and exit 70."""

from __future__ import annotations

import json

import pytest

from mlis_cli.commands import degrees
from mlis_cli.errors import EXIT_INTERNAL

BUG = "this is a bug in mlis; please report it to the mlis maintainers with the command you ran"


@pytest.fixture
def broken_degrees(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mlis degrees` fails deep inside, with something private in a local variable."""

    def load_rules(option: object) -> None:
        private_profile = {"citizenship": "SECRET-CITIZENSHIP"}
        raise RuntimeError(f"rules went missing\nwhile holding {len(private_profile)} fact")

    monkeypatch.setattr(degrees, "load_rules", load_rules)


def test_an_unexpected_error_exits_70_with_a_short_traceback_and_a_bug_report_line(
    mlis, broken_degrees
) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees")
    assert EXIT_INTERNAL == 70
    assert (run.exit_code, run.stdout) == (70, "")
    lines = run.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == f"mlis: error: internal error: RuntimeError: rules went missing ({BUG})"
    assert 'raise RuntimeError(f"rules went missing' in run.stderr  # the failing line is shown
    frames = [line for line in lines if line.startswith("  File ")]
    assert 1 <= len(frames) <= 5
    assert "in load_rules" in frames[-1]


def test_the_traceback_of_a_bug_never_shows_local_variables(mlis, broken_degrees) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees")
    assert "SECRET-CITIZENSHIP" not in run.stderr
    assert "private_profile =" not in run.stderr


def test_a_bug_under_json_is_one_json_error_line(mlis, broken_degrees) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "--json")
    assert (run.exit_code, run.stdout) == (70, "")
    assert run.stderr.count("\n") == 1
    assert json.loads(run.stderr) == {
        "error": {
            "code": "internal",
            "message": "internal error: RuntimeError: rules went missing",
            "hint": BUG,
        }
    }


def test_the_help_lists_the_exit_code_of_a_bug(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("--help")
    assert run.exit_code == 0
    assert "70 internal error (a bug in mlis)" in " ".join(run.stdout.split())
