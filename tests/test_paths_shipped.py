"""What would change the verdict, on the shipped rules.

A test about a country the shipped rules do not cover yet is skipped with the
file it needs, and starts running once that file lands.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from mlis_cli.engine.what_if import base_fact, what_if
from mlis_cli.model.profile import Profile
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.schema import Level
from tests.conftest import RULES

RULESET = loader.load(RULES, "rules")
TODAY = dt.date(2026, 11, 22)
ORDER = ["eligible", "conditional", "case_by_case", "unlikely", "ineligible", "unknown"]


def needs(code: str) -> None:
    if code not in RULESET.countries:
        pytest.skip(f"needs rules/countries/{code}.yaml")


def check_json(mlis, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    run = mlis("check", "--json", *args)
    assert (run.exit_code, run.stderr) == (0, "")
    (result,) = json.loads(run.stdout)["results"]
    return dict(result)


def better(path: dict[str, Any], result: dict[str, Any]) -> bool:
    return ORDER.index(path["worst_case"]) < ORDER.index(result["worst_case"]) or ORDER.index(
        path["verdict"]
    ) < ORDER.index(result["verdict"])


def test_a_us_citizen_with_no_german_gets_a_german_language_path_for_germany(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("de")
    result = check_json(mlis, "-c", "de", "--degree", "ala", "--citizenship", "us", "--lang", "de:none")
    german = [path for path in result["paths"] if "language:de" in path["changes"]]
    assert german, result["paths"]
    assert all(better(path, result) for path in german)


def test_a_us_citizen_seeking_a_belgian_public_library_post_gets_a_sector_path(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("be")
    result = check_json(
        mlis,
        *("-c", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public", "--no-phd"),
        *("--lang", "fr:C1", "--lang", "nl:C1", "--lang", "de:C1"),
    )
    sector = [path for path in result["paths"] if "sector" in path["changes"]]
    assert sector, result["paths"]
    assert all(path["changes"]["sector"] != "public" and better(path, result) for path in sector)


def test_the_new_zealand_working_holiday_closes_at_31(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("nz")
    result = check_json(mlis, "-c", "nz", "--degree", "ala", "--citizenship", "us", "--age", "28")
    ages = [c for c in result["conditions_that_matter"] if c["fact"] == "age"]
    assert [(c["values"], c["effect"]) for c in ages][:1] == [([31], "worse")]
    assert all(base_fact(fact) != "age" for path in result["paths"] for fact in path["changes"])


def test_a_profile_already_eligible_in_finland_gets_no_paths(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("fi")
    result = check_json(mlis, "-c", "fi", "--degree", "ala", "--stay", "short", "--citizenship", "de")
    assert (result["verdict"], result["worst_case"], result["paths"]) == ("eligible", "eligible", [])


def test_a_short_stay_is_the_path_in_finland_for_a_us_citizen_staying_long(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("fi")
    result = check_json(mlis, "-c", "fi", "--degree", "ala", "--stay", "long", "--citizenship", "us")
    assert [(p["changes"], p["verdict"], p["worst_case"]) for p in result["paths"]] == [
        ({"stay": "short"}, "conditional", "conditional")
    ]


PROFILES = [
    Profile(degree="ala", citizenship=("us",), age=28),
    Profile(degree="ala", citizenship=("us",), age=35, languages={"de": Level.NONE, "fr": Level.A1}),
    Profile(degree="cilip", citizenship=("gb",), age=31, sector="public", stay="long", phd=False),
    Profile(degree="unaccredited"),
    Profile(),
]


@pytest.mark.parametrize("code", list(RULESET.countries))
@pytest.mark.parametrize("profile", PROFILES, ids=[f"profile {n}" for n in range(len(PROFILES))])
def test_age_and_citizenship_never_appear_as_actions(code: str, profile: Profile) -> None:
    found = what_if(RULESET, RULESET.countries[code], profile, TODAY)
    changed = {base_fact(fact) for path in found.paths for fact, _ in path.changes}
    assert not changed & {"age", "citizenship", "graduated"}
    assert {condition.fact for condition in found.conditions} <= {"age", "citizenship", "graduated"}
