"""mlis check with a saved profile: saved < --profile file < flags, and --no-profile."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


@pytest.fixture
def saved_file() -> Path:
    return Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"


@pytest.fixture
def saved(mlis, saved_file: Path) -> Path:
    """A saved profile: an American with an ALA degree, 29, who speaks some Finnish."""
    result = mlis(
        "profile", "init", "--degree", "ala", "--citizenship", "us", "--age", "29", "--lang", "fi:A2",
        "--no-input",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return saved_file


def profile_in(run) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)["profile"]  # type: ignore[no-any-return]


def test_check_without_profile_flags_uses_the_saved_profile(mlis, saved: Path) -> None:
    with_saved = mlis("check", "--country", "fi", "--json")
    spelled_out = mlis(
        "check", "--country", "fi", "--json", "--no-profile",
        "--degree", "ala", "--citizenship", "us", "--age", "29", "--lang", "fi:A2",
    )  # fmt: skip
    assert with_saved.exit_code == 0
    assert with_saved.stdout == spelled_out.stdout
    assert profile_in(with_saved)["degree"] == "ala"


def test_the_text_output_names_the_facts_that_came_from_the_saved_profile(mlis, saved: Path) -> None:
    result = mlis("check", "--country", "fi", "--stay", "long")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"From your saved profile ({saved}): degree, citizenship, age, languages",
        "",
        "Finland (fi): decided case by case",
    ]
    assert result.stderr == ""


def test_a_flag_overrides_the_saved_fact_for_that_call_only(mlis, saved: Path) -> None:
    result = mlis("check", "--country", "fi", "--degree", "cilip", "--citizenship", "de")
    assert result.stdout.splitlines()[0] == f"From your saved profile ({saved}): age, languages"
    again = mlis("check", "--country", "fi", "--json")
    assert profile_in(again)["degree"] == "ala"
    assert profile_in(mlis("check", "--country", "fi", "--json", "--degree", "cilip"))["degree"] == "cilip"


def test_a_lang_flag_adds_to_the_saved_languages(mlis, saved: Path) -> None:
    result = mlis("check", "--country", "fi", "--json", "--lang", "sv:B1")
    assert profile_in(result)["languages"] == {"fi": "A2", "sv": "B1"}
    text = mlis("check", "--country", "fi", "--lang", "sv:B1")
    assert (
        text.stdout.splitlines()[0]
        == f"From your saved profile ({saved}): degree, citizenship, age, languages"
    )


def test_a_lang_flag_for_every_saved_language_means_languages_did_not_come_from_it(mlis, saved: Path) -> None:
    result = mlis("check", "--country", "fi", "--lang", "fi:B2")
    assert result.stdout.splitlines()[0] == f"From your saved profile ({saved}): degree, citizenship, age"


def test_a_profile_file_overrides_the_saved_profile_and_flags_override_both(
    mlis, saved: Path, tmp_path: Path
) -> None:
    file = tmp_path / "me.yaml"
    file.write_text("degree: cilip\nage: 40\n", encoding="utf-8")
    result = mlis("check", "--country", "fi", "--json", "--profile", str(file), "--age", "50")
    profile = profile_in(result)
    assert (profile["degree"], profile["age"], profile["citizenship"]) == ("cilip", 50, ["us"])
    text = mlis("check", "--country", "fi", "--profile", str(file), "--age", "50")
    assert text.stdout.splitlines()[0] == f"From your saved profile ({saved}): citizenship, languages"


def test_no_profile_ignores_the_saved_profile(mlis, saved: Path) -> None:
    result = mlis("check", "--country", "fi", "--no-profile", "--degree", "cilip")
    assert result.exit_code == 0
    assert result.stdout.startswith("Finland (fi): ")
    assert "saved profile" not in result.stdout + result.stderr
    assert profile_in(mlis("check", "--country", "fi", "--json", "--no-profile"))["degree"] is None


def test_with_every_fact_given_nothing_is_said_about_the_saved_profile(mlis, saved: Path) -> None:
    result = mlis(
        "check", "--country", "fi", "--degree", "ala", "--citizenship", "us", "--age", "29", "--lang", "fi:A2"
    )
    assert result.stdout.startswith("Finland (fi): ")


def test_json_output_keeps_its_shape_and_names_the_saved_facts_on_stderr(mlis, saved: Path) -> None:
    with_saved = mlis("check", "--country", "fi", "--json")
    without = mlis("check", "--country", "fi", "--json", "--no-profile")
    assert json.loads(with_saved.stdout).keys() == json.loads(without.stdout).keys()
    assert (
        with_saved.stderr == f"mlis: From your saved profile ({saved}): degree, citizenship, age, languages\n"
    )


def test_an_invalid_saved_profile_stops_check_with_a_message_naming_the_file(mlis, saved: Path) -> None:
    saved.write_text("degree: ala\nage: [29\n", encoding="utf-8")
    result = mlis("check", "--country", "fi")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"mlis: error: saved profile {saved}:3:1: not valid YAML: "
        "expected ',' or ']', but got '<stream end>' "
        "(fix it with 'mlis profile set FACT VALUE' or in an editor, start again with 'mlis profile init', "
        "or ignore it with --no-profile)\n"
    )
    assert mlis("check", "--country", "fi", "--no-profile").exit_code == 0


def test_a_saved_profile_with_an_unknown_fact_is_refused_like_a_profile_file(mlis, saved: Path) -> None:
    saved.write_text("degree: ala\nnationality: us\n", encoding="utf-8")
    result = mlis("check", "--country", "fi", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stderr) == {
        "error": {
            "code": "usage",
            "message": f"saved profile {saved}: unknown profile fact 'nationality': expected one of degree, "
            "citizenship, age, language, sector, stay, graduated, experience, phd, online, languages",
            "hint": "fix it with 'mlis profile set FACT VALUE' or in an editor, start again with "
            "'mlis profile init', or ignore it with --no-profile",
        }
    }


def test_profile_show_as_json_is_the_profile_check_reports(mlis, saved: Path) -> None:
    shown = mlis("profile", "show", "--format", "json")
    assert shown.exit_code == 0
    assert json.loads(shown.stdout) == profile_in(mlis("check", "--country", "fi", "--json"))


@pytest.fixture
def saved_cilip(mlis, saved_file: Path) -> Path:
    """A saved profile: a British librarian with a CILIP degree who speaks some German."""
    result = mlis(
        "profile", "init", "--degree", "cilip", "--citizenship", "gb", "--age", "35", "--lang", "de:B1",
        "--no-input",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return saved_file


def starting_verdict(run) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    result = document["results"][0] if "results" in document else document
    return (document["profile"]["degree"], result["verdict"], result["worst_case"])


def test_plan_reads_the_saved_profile_and_starts_where_check_does(mlis, saved_cilip: Path) -> None:
    check = mlis("check", "--country", "de", "--json")
    plan = mlis("plan", "--country", "de", "--json")
    assert starting_verdict(plan) == starting_verdict(check)
    assert starting_verdict(plan)[0] == "cilip"
    note = f"mlis: From your saved profile ({saved_cilip}): degree, citizenship, age, languages\n"
    assert (plan.stderr, check.stderr) == (note, note)
    text = mlis("plan", "--country", "de")
    assert text.stdout.startswith(
        f"From your saved profile ({saved_cilip}): degree, citizenship, age, languages\n"
    )
    assert "the degree 'ala'" not in text.stdout


def test_plan_takes_no_profile_like_check(mlis, saved_cilip: Path) -> None:
    check = mlis("check", "--country", "de", "--json", "--no-profile")
    plan = mlis("plan", "--country", "de", "--json", "--no-profile")
    assert starting_verdict(plan) == starting_verdict(check)
    assert starting_verdict(plan)[0] is None
    assert (plan.stderr, check.stderr) == ("", "")
