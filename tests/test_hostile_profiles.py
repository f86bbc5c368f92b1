"""Arbitrary profiles never crash `check` or `batch`: a verdict from the scale, or a usage error.

The example count comes from the hypothesis profile that MLIS_FUZZ selects
(tests/conftest.py); benchmarks/fuzz_counts.py runs the same properties and
prints how many profiles it tried.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from hypothesis import example, given

from mlis_cli.cli import app
from mlis_cli.rulefiles import loader
from tests.fuzzing import (
    assert_batch_contract,
    assert_check_contract,
    batch_lines,
    check_arguments,
    profile_texts,
    run_mlis,
)


@pytest.fixture(autouse=True, scope="module")
def rules_read_once() -> Iterator[None]:
    """The subject here is the profile: read the (unchanging) rules once, not once per example."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "load", functools.cache(loader.load))
        yield


@given(text=profile_texts(), args=check_arguments())
@example(text="age: 99999999999999999999999999999999\n", args=["check", "--profile", "-", "-c", "fi"])
@example(text="age: 0x" + "f" * 5000 + "\n", args=["check", "--profile", "-", "-c", "fi", "--json"])
@example(text="degree: ala\nstay: .nan\n", args=["check", "--profile", "-", "-c", "fi"])
@example(text="degree: 'ala\n\n  x'\n", args=["check", "--profile", "-", "-c", "fi"])
@example(text="citizenship: ['[bold]us']\n", args=["check", "--profile", "-", "-c", "fi"])
@example(text="degree: ala\x00\n", args=["check", "--profile", "-", "-c", "fi", "--json"])
@example(text="- [" * 200, args=["check", "--profile", "-", "-c", "fi"])
@example(text="degree: ala\nstay: long\ncitizenship: us\n", args=["check", "--profile", "-", "-c", "fi"])
def test_check_answers_any_profile_with_a_verdict_or_a_one_line_usage_error(
    text: str, args: list[str]
) -> None:
    assert_check_contract(args, run_mlis(args, stdin=text))


def test_a_valid_profile_from_stdin_gets_the_verdict_its_facts_give() -> None:
    # the property above accepts exit 0 or 2; this pins that a good profile really is answered
    outcome = run_mlis(
        ["check", "--profile", "-", "-c", "fi", "--json"],
        stdin="degree: ala\nstay: short\ncitizenship: [de]\n",
    )
    assert outcome.exit_code == 0 and outcome.stderr == ""
    assert '"verdict": "eligible"' in outcome.stdout


def test_a_huge_number_in_a_profile_is_a_one_line_usage_error() -> None:
    outcome = run_mlis(["check", "--profile", "-", "-c", "fi"], stdin=f"age: {'9' * 5000}\n")
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert outcome.stderr == (
        "mlis: error: stdin:1:6: number '9999999999999999999999999999999999999...' is too large; "
        "at most 15 digits\n"
    )


def test_a_value_with_line_breaks_is_quoted_on_one_line() -> None:
    outcome = run_mlis(["check", "--profile", "-", "-c", "fi"], stdin='degree: "ala\\nrm -rf"\n')
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert outcome.stderr == (
        "mlis: error: unknown degree 'ala\\nrm -rf': expected one of ala, cilip, alia, lianza, lai, "
        "other, unaccredited, none (run 'mlis degrees' to see what each code means)\n"
    )


def test_a_control_character_in_a_profile_is_located() -> None:
    outcome = run_mlis(["check", "--profile", "-", "-c", "fi"], stdin="degree: ala\nstay: \x07\n")
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert outcome.stderr == "mlis: error: stdin:2:7: character U+0007 is not allowed in YAML\n"


def test_a_profile_giving_language_and_languages_is_refused_rather_than_half_read() -> None:
    outcome = run_mlis(
        ["check", "--profile", "-", "-c", "fi"],
        stdin="degree: ala\nlanguages: {fi: native}\nlanguage: {sv: B2}\n",
    )
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert outcome.stderr == "mlis: error: the profile gives both 'language' and 'languages': give one\n"


def _has_batch() -> bool:
    command = typer.main.get_command(app)
    return "batch" in getattr(command, "commands", {})


@pytest.mark.skipif(not _has_batch(), reason="this version of mlis has no batch command yet")
@given(lines=batch_lines())
def test_batch_answers_any_lines_with_verdicts_from_the_scale_or_a_documented_error(lines: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "profiles.jsonl"
        path.write_text(lines, encoding="utf-8")
        assert_batch_contract(run_mlis(["batch", str(path), "--all"]))
