"""Norway's code `no` is a string wherever it appears, never YAML 1.1's false."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from mlis_cli import yaml_strict
from tests.conftest import RULES

NORWEGIAN = {"recognition": "case_by_case", "right-to-work": "eligible", "norwegian": "eligible"}


def statuses(stdout: str) -> dict[str, dict[str, str]]:
    """Each country's requirements and their verdicts, from check's JSON."""
    document: dict[str, Any] = json.loads(stdout)
    return {
        result["country"]: {req["id"]: req["verdict"] for req in result["requirements"]}
        for result in document["results"]
    }


def test_plain_yes_no_on_off_read_as_strings_and_only_true_false_as_booleans() -> None:
    text = "code: no\nlist: [no, No, yes, on, off]\nkeys: {no: native}\nt: true\nf: False\nq: 'no'\n"
    assert yaml_strict.load(text).data == {
        "code": "no",
        "list": ["no", "No", "yes", "on", "off"],
        "keys": {"no": "native"},
        "t": True,
        "f": False,
        "q": "no",
    }


def test_the_shipped_country_file_with_an_unquoted_code_is_norway(mlis) -> None:  # type: ignore[no-untyped-def]
    assert "code: no\n" in (RULES / "countries" / "no.yaml").read_text(encoding="utf-8")
    rows = json.loads(mlis("list-countries", "--json").stdout)
    assert [row["name"] for row in rows if row["code"] == "no"] == ["Norway"]


def test_country_and_citizenship_flags_take_no(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check", "--degree", "none", "--country", "no", "--citizenship", "no", "--lang", "no:native", "--json"
    )
    assert run.exit_code == 0, run.stderr
    assert statuses(run.stdout) == {"no": NORWEGIAN}


def test_an_unquoted_no_in_groups_yaml_is_a_member_of_the_eea(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    groups = rules / "groups.yaml"
    text = groups.read_text(encoding="utf-8")
    assert 'li, "no"]' in text
    groups.write_text(text.replace('li, "no"]', "li, no]"), encoding="utf-8")
    run = mlis(
        "check",
        "--rules-dir",
        str(rules),
        "--degree",
        "ala",
        "--country",
        "fi",
        "--citizenship",
        "no",
        "--json",
    )
    assert run.exit_code == 0, run.stderr
    assert statuses(run.stdout)["fi"]["right-to-work"] == "eligible"


def test_a_profile_file_with_citizenship_no_unquoted(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "me.yaml"
    profile.write_text("degree: none\ncitizenship: [no]\nlanguages: {no: native}\n", encoding="utf-8")
    run = mlis("check", "--profile", str(profile), "--country", "no", "--json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["profile"]["citizenship"] == ["no"]
    assert statuses(run.stdout) == {"no": NORWEGIAN}


def test_a_hand_edited_saved_profile_with_citizenship_no_unquoted(mlis) -> None:  # type: ignore[no-untyped-def]
    saved = Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"
    saved.parent.mkdir(parents=True)
    saved.write_text("degree: none\ncitizenship: [no]\nlanguages: {no: native}\n", encoding="utf-8")
    run = mlis("check", "--country", "no", "--json")
    assert run.exit_code == 0, run.stderr
    assert statuses(run.stdout) == {"no": NORWEGIAN}


def test_a_batch_line_with_no_as_country_and_citizenship(mlis, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    line = (
        '{"id": 1, "degree": "none", "sector": "public", "citizenship": ["no"], '
        '"languages": {"no": "native"}, "countries": ["no"]}\n'
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    run = mlis("batch")
    assert run.exit_code == 0, run.stderr
    assert [json.loads(text) for text in run.stdout.splitlines()] == [
        {
            "id": 1,
            "line": 1,
            "country": "no",
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "complete": True,
            "open_questions": [],
        }
    ]
