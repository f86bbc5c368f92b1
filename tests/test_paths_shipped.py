"""What would change the verdict, on the shipped rules.

A test about a country the shipped rules do not cover yet is skipped with the
file it needs, and starts running once that file lands.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from mlis_cli.engine.what_if import CONDITIONS, base_fact, what_if
from mlis_cli.model.profile import Profile
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.schema import Level
from tests.conftest import RULES

RULESET = loader.load(RULES, "rules")
TODAY = dt.date(2026, 11, 22)
ORDER = ["eligible", "conditional", "case_by_case", "unknown", "unlikely", "ineligible"]


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


BELGIAN_PUBLIC_LIBRARY = ("-c", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public")


def test_a_us_citizen_with_none_of_belgium_s_languages_gets_language_paths(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("be")
    result = check_json(mlis, *BELGIAN_PUBLIC_LIBRARY, "--lang", "en:native")
    languages = [path for path in result["paths"] if any(f.startswith("language:") for f in path["changes"])]
    assert [path["changes"] for path in languages] == [
        {"language:nl": "A1"},
        {"language:fr": "A1"},
        {"language:de": "A1"},
    ]
    assert all(better(path, result) for path in languages)


def test_a_us_citizen_seeking_a_belgian_public_library_post_gets_a_sector_path(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("be")
    result = check_json(mlis, *BELGIAN_PUBLIC_LIBRARY, "--lang", "en:native")
    sector = [path for path in result["paths"] if "sector" in path["changes"]]
    assert sector, result["paths"]
    assert all(path["changes"]["sector"] != "public" and better(path, result) for path in sector)


def test_the_new_zealand_working_holiday_closes_at_31(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("nz")
    result = check_json(mlis, "-c", "nz", "--degree", "ala", "--citizenship", "us", "--age", "28")
    ages = [c for c in result["conditions_that_matter"] if c["fact"] == "age"]
    assert [(c["values"], c["effect"]) for c in ages][:1] == [([31], "worse")]
    assert all(base_fact(fact) != "age" for path in result["paths"] for fact in path["changes"])


def test_a_profile_already_eligible_in_new_zealand_gets_no_paths(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("nz")
    result = check_json(mlis, "-c", "nz", "--degree", "ala", "--sector", "public", "--citizenship", "nz")
    assert (result["verdict"], result["worst_case"], result["paths"]) == ("eligible", "eligible", [])


def test_an_old_ala_degree_in_australia_gets_alia_s_experience_path(mlis) -> None:  # type: ignore[no-untyped-def]
    needs("au")
    result = check_json(
        mlis,
        "-c",
        "au",
        "--degree",
        "ala",
        "--sector",
        "public",
        "--citizenship",
        "us",
        "--age",
        "28",
        "--graduated",
        "2010",
    )
    # ALIA recognises a qualification older than ten years with five years' recent work
    assert [(p["changes"], p["verdict"], p["worst_case"]) for p in result["paths"]] == [
        ({"degree": "alia"}, "conditional", "conditional"),
        ({"experience": 5}, "conditional", "conditional"),
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
    assert not changed & set(CONDITIONS)
    assert {condition.fact for condition in found.conditions} <= set(CONDITIONS)
