"""Usage messages in mlis's own words: the option, what was given, what is accepted."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES

TWO = str(FIXTURES / "two-countries")
BROKEN = FIXTURES / "broken-rules"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "-c", "xa", "--age", "abc"), "--age: expected a whole number, got 'abc'"),
        (
            ("check", "-c", "xa", "--graduated", "2020.5"),
            "--graduated: expected a whole number, got '2020.5'",
        ),
        (("check", "-c", "xa", "--experience", "two"), "--experience: expected a number, got 'two'"),
        (("plan", "-c", "xa", "--age", "x"), "--age: expected a whole number, got 'x'"),
        (("certificates", "--max-cost", "cheap"), "--max-cost: expected a number, got 'cheap'"),
        (
            ("check", "-c", "xa", "--format", "xml"),
            "--format: expected one of text, json, jsonl, yaml, csv, markdown, html, got 'xml'",
        ),
        (
            ("check", "-c", "xa", "--fail-on", "maybe"),
            "--fail-on: expected one of eligible, conditional, case_by_case, unknown, unlikely, "
            "ineligible, got 'maybe'",
        ),
    ],
)
def test_a_bad_option_value_names_the_option_the_value_and_what_is_accepted(mlis, args, message) -> None:  # type: ignore[no-untyped-def]
    command = args[0]
    run = mlis(*args, "--rules-dir", TWO)
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        f"mlis: error: {message} (try 'mlis {command} --help')\n",
    )
    as_json = mlis(*args, "--rules-dir", TWO, "--json")
    assert as_json.exit_code == 2
    assert json.loads(as_json.stderr) == {
        "error": {"code": "usage", "message": message, "hint": f"try 'mlis {command} --help'"}
    }


def test_json_and_another_format_conflict(mlis) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("csv", "text", "yaml"):
        run = mlis("check", "--rules-dir", TWO, "-c", "xa", "--json", "--format", fmt)
        assert (run.exit_code, run.stdout) == (2, "")
        assert json.loads(run.stderr) == {
            "error": {
                "code": "usage",
                "message": f"--json and --format {fmt} conflict: --json means --format json; give one",
                "hint": None,
            }
        }
    # the same format twice is no conflict; --json alone is JSON
    same = mlis("check", "--rules-dir", TWO, "-c", "xa", "--json", "--format", "json")
    alone = mlis("check", "--rules-dir", TWO, "-c", "xa", "--json")
    assert (same.exit_code, same.stdout) == (0, alone.stdout)


def test_the_hint_after_broken_rules_names_the_directory_given(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hint = f"(run 'mlis rules validate {BROKEN}' to see every problem)\n"
    run = mlis("degrees", "--rules-dir", str(BROKEN))
    assert run.exit_code == 3 and run.stderr.endswith(hint), run.stderr
    monkeypatch.setenv("MLIS_RULES_DIR", str(BROKEN))
    from_env = mlis("degrees")
    assert from_env.exit_code == 3 and from_env.stderr.endswith(hint), from_env.stderr


def test_help_shows_placeholders_not_python_types(mlis) -> None:  # type: ignore[no-untyped-def]
    check = mlis("check", "--help").stdout
    for placeholder in (
        "-c, --country CODE",
        "--degree CODE",
        "--citizenship CODE",
        "--age YEARS",
        "--lang CODE:LEVEL",
        "--sector SECTOR",
        "--stay STAY",
        "--graduated YEAR",
        "--experience YEARS",
        "--profile FILE|-",
        "--fail-on VERDICT",
        "-f, --format text|json|jsonl|yaml|csv",
        "--rules-dir DIR",
    ):
        assert placeholder in check, placeholder
    assert mlis("batch", "--help").stdout.startswith("Usage: mlis batch [OPTIONS] [FILE|-]\n")
    assert mlis("rules", "validate", "--help").stdout.startswith(
        "Usage: mlis rules validate [OPTIONS] [DIR]\n"
    )
    for path in (
        ["check"],
        ["plan"],
        ["batch"],
        ["certificates"],
        ["profile", "init"],
        ["rules", "validate"],
    ):
        text = mlis(*path, "--help").stdout.split("Options:", 1)[1]
        assert not any(word in text for word in ("<str>", "<int>", "<float>", "list[", "<path>", "[[")), path


def test_command_summaries_in_mlis_help_are_whole_sentences(mlis) -> None:  # type: ignore[no-untyped-def]
    for path in ([], ["rules"], ["profile"]):
        text = mlis(*path, "--help").stdout
        commands = text.split("Commands:\n", 1)[1]
        assert "..." not in commands, path
    assert (
        "  batch           Check many profiles: JSON Lines in, one JSON line per\n" in mlis("--help").stdout
    )
