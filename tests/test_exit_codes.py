"""Every exit code, --fail-on, and errors as one line (JSON when JSON is asked for)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlis_cli import api
from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")
# With --degree ala and nothing else: Carpania is eligible at best, conditional at worst;
# Dorvia case_by_case at best, unlikely at worst.
CHECK = ("check", "--rules-dir", RULES, "--degree", "ala", "--format", "csv")


def test_mlis_help_lists_every_exit_code(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("--help")
    assert (run.exit_code, run.stderr) == (0, "")
    assert (
        "  Exit codes:\n"
        "    0    it ran\n"
        "    1    a --fail-on, --fail-under or --fail-on-change threshold was met; rules validate\n"
        "         or test found problems\n"
        "    2    usage error (unknown option, country, degree, bad value, profile or batch line)\n"
        "    3    the rule data is invalid\n"
        "    70   internal error (a bug in mlis): please report it\n"
        "    74   the output could not be written (closed, full)\n"
        "    130  interrupted\n"
        "    143  terminated (SIGTERM)\n"
    ) in run.stdout


def test_a_run_without_a_threshold_exits_0(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "--all")
    assert (run.exit_code, run.stderr) == (0, "")


@pytest.mark.parametrize(
    ("threshold", "code"),
    [
        ("eligible", 1),
        ("conditional", 1),
        ("case_by_case", 1),  # Dorvia is case_by_case: at the threshold counts
        ("unlikely", 0),
        ("ineligible", 0),
        ("unknown", 0),
    ],
)
def test_fail_on_exits_1_when_any_result_is_at_or_worse_than_the_threshold(  # type: ignore[no-untyped-def]
    mlis, threshold: str, code: int
) -> None:
    run = mlis(*CHECK, "--all", "--fail-on", threshold)
    assert (run.exit_code, run.stderr) == (code, "")


def test_fail_on_writes_the_output_in_full_first(mlis) -> None:  # type: ignore[no-untyped-def]
    plain = mlis(*CHECK, "--all")
    failing = mlis(*CHECK, "--all", "--fail-on", "eligible")
    assert failing.exit_code == 1
    assert failing.stdout == plain.stdout
    assert failing.stdout.count("\n") == 3


def test_fail_on_compares_the_worst_case_under_strict(mlis) -> None:  # type: ignore[no-untyped-def]
    assert mlis(*CHECK, "--country", "xc", "--fail-on", "conditional").exit_code == 0
    assert mlis(*CHECK, "--country", "xc", "--strict", "--fail-on", "conditional").exit_code == 1


def test_fail_on_accepts_any_case_and_rejects_unknown_verdicts(mlis) -> None:  # type: ignore[no-untyped-def]
    assert mlis(*CHECK, "--all", "--fail-on", "CASE_BY_CASE").exit_code == 1
    run = mlis(*CHECK, "--all", "--fail-on", "bad")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: --fail-on: expected one of eligible, conditional, case_by_case, unknown, unlikely, "
        "ineligible, got 'bad' (try 'mlis check --help')\n"
    )


def test_rules_validate_exits_1_when_it_finds_problems(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "stray.txt").write_text("")
    run = mlis("rules", "validate", str(tmp_path))
    assert run.exit_code == 1
    assert run.stderr == f"{tmp_path}: 4 problems\n"


def test_a_usage_error_exits_2_with_one_line(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", RULES, "--degree", "ala", "--country", "qqqq")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: unknown country 'qqqq' ('mlis list-countries' shows every country with rules)\n"
    )


@pytest.mark.parametrize("flag", [("--json",), ("--format", "json"), ("-f", "jsonl"), ("--format=JSONL",)])
def test_errors_are_json_on_stderr_when_json_is_asked_for(mlis, flag) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", RULES, "--degree", "phd", "--country", "xc", *flag)
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "unknown degree 'phd': expected one of ala, cilip, none",
            "hint": "run 'mlis degrees' to see what each code means",
        }
    }
    assert run.stderr.count("\n") == 1


def test_option_errors_are_json_too(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("list-countries", "--json", "--bogus")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "No such option: --bogus",
            "hint": "try 'mlis list-countries --help'",
        }
    }


def test_invalid_rule_data_exits_3(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", str(tmp_path), "--degree", "ala", "--all", "--json")
    assert (run.exit_code, run.stdout) == (3, "")
    assert json.loads(run.stderr)["error"]["code"] == "invalid-rules"


def interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def test_an_interrupt_exits_130_with_one_line(mlis, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(api, "evaluate", interrupt)
    run = mlis(*CHECK, "--all")
    assert (run.exit_code, run.stdout, run.stderr) == (130, "", "mlis: interrupted\n")


def test_an_interrupt_is_json_when_json_is_asked_for(mlis, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(api, "evaluate", interrupt)
    run = mlis("check", "--rules-dir", RULES, "--degree", "ala", "--all", "--json")
    assert run.exit_code == 130
    assert json.loads(run.stderr) == {
        "error": {"code": "interrupted", "message": "interrupted", "hint": None}
    }


def test_a_closed_output_pipe_ends_quietly_with_0(mlis, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def closed(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(api, "evaluate", closed)
    run = mlis(*CHECK, "--all", "--fail-on", "eligible")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
