"""What would change the verdict: paths and conditions that matter, on the fixture rules."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mlis_cli.engine.what_if import apply, mentioned_values, what_if
from mlis_cli.model.profile import Profile
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.schema import Level
from tests.conftest import FIXTURES

RULES_DIR = FIXTURES / "whatif-rules"
RULESET = loader.load(RULES_DIR, "whatif-rules")
TODAY = dt.date(2026, 11, 22)


def check_json(mlis, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", str(RULES_DIR), "--json", *args)
    assert (run.exit_code, run.stderr) == (0, "")
    (result,) = json.loads(run.stdout)["results"]
    return dict(result)


def ends(verdict: str, worst_case: str | None = None) -> dict[str, str]:
    return {"verdict": verdict, "worst_case": worst_case or verdict}


def change(id: str, title: str, before: dict[str, str], after: dict[str, str], reason: str) -> dict[str, Any]:
    return {"id": id, "title": title, "from": before, "to": after, "reason": reason}


NATIONALITY_ACADEMIC = change(
    "nationality",
    "Nationality condition",
    ends("unlikely"),
    ends("case_by_case"),
    "Placements in information centres and university libraries are possible.",
)


def test_a_us_citizen_with_no_german_gets_a_german_language_path(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(mlis, "-c", "de", "--degree", "ala", "--citizenship", "us", "--lang", "de:none")
    assert (result["verdict"], result["worst_case"]) == ("unlikely", "unlikely")
    assert result["paths"] == [
        {
            "changes": {"language:de": "B2"},
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "improves_from": ends("unlikely"),
            "requirements": [
                change(
                    "german",
                    "German at work",
                    ends("unlikely"),
                    ends("case_by_case"),
                    "Some libraries may take you on with German at B2.",
                )
            ],
            "next_steps": ["Ask the library whether German at B2 is enough for the post."],
            "sources": ["whatif-fixture"],
            "sentence": "Speaking 'de' at B2 would make Germany decided case by case (now unlikely).",
        }
    ]
    assert result["conditions_that_matter"] == []


def test_a_higher_language_level_that_does_no_better_is_not_a_path() -> None:
    # C1 would make the German requirement eligible, but the country stays
    # case_by_case (recognition), so B2 is the smallest step that does as much.
    found = what_if(
        RULESET,
        RULESET.countries["de"],
        Profile(degree="ala", citizenship=("us",), languages={"de": Level.A2}),
        TODAY,
    )
    assert [path.changes for path in found.paths] == [(("language:de", Level.B2),)]


def test_an_unknown_language_is_a_path_that_settles_the_worst_case(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(mlis, "-c", "de", "--degree", "ala", "--citizenship", "us")
    assert (result["verdict"], result["worst_case"]) == ("case_by_case", "unlikely")
    assert [(p["changes"], p["verdict"], p["worst_case"], p["improves_from"]) for p in result["paths"]] == [
        ({"language:de": "B2"}, "case_by_case", "case_by_case", ends("case_by_case", "unlikely"))
    ]
    assert result["paths"][0]["sentence"] == (
        "Speaking 'de' at B2 would make Germany decided case by case "
        "(now decided case by case at best, unlikely at worst)."
    )


def test_a_us_citizen_seeking_a_belgian_public_library_post_gets_sector_paths(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(
        mlis,
        *("-c", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public"),
        *("--lang", "fr:C1", "--no-phd"),
    )
    assert (result["verdict"], result["worst_case"]) == ("unlikely", "unlikely")
    no_steps = {"next_steps": [], "sources": ["places-youll-go"]}
    assert result["paths"] == [
        {
            "changes": {"sector": "academic"},
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "improves_from": ends("unlikely"),
            "requirements": [NATIONALITY_ACADEMIC],
            **no_steps,
            "sentence": (
                "A post in an academic library would make Belgium decided case by case (now unlikely)."
            ),
        },
        {
            "changes": {"sector": "special"},
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "improves_from": ends("unlikely"),
            "requirements": [NATIONALITY_ACADEMIC],
            **no_steps,
            "sentence": (
                "A post in a special library would make Belgium decided case by case (now unlikely)."
            ),
        },
        {
            "changes": {"sector": "corporate"},
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "improves_from": ends("unlikely"),
            "requirements": [
                change(
                    "nationality",
                    "Nationality condition",
                    ends("unlikely"),
                    ends("eligible"),
                    "American companies in Belgium strongly consider ALA-accredited graduates.",
                )
            ],
            "next_steps": ["Look for American companies with information centres in Belgium."],
            "sources": ["places-youll-go"],
            "sentence": (
                "A post in a corporate library would make Belgium decided case by case (now unlikely)."
            ),
        },
        {
            "changes": {"phd": True},
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "improves_from": ends("unlikely"),
            "requirements": [
                change(
                    "nationality",
                    "Nationality condition",
                    ends("unlikely"),
                    ends("case_by_case"),
                    "The founding post advises a PhD at a Belgian university to those who want a job there.",
                )
            ],
            **no_steps,
            "sentence": "Holding a doctorate would make Belgium decided case by case (now unlikely).",
        },
    ]


def test_citizenship_matters_but_is_reported_apart_as_a_condition(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(
        mlis,
        *("-c", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public"),
        *("--lang", "fr:C1", "--no-phd"),
    )
    eea_and_swiss = sorted([*RULESET.groups["eea"].members, "ch"])
    assert result["conditions_that_matter"] == [
        {
            "fact": "citizenship",
            "values": eea_and_swiss,
            "effect": "better",
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "instead_of": ends("unlikely"),
            "requirements": [
                change(
                    "nationality",
                    "Nationality condition",
                    ends("unlikely"),
                    ends("eligible"),
                    "Statutory posts are open to Belgian, Swiss and EEA citizens.",
                ),
                change(
                    "right-to-work",
                    "Right to work",
                    ends("conditional"),
                    ends("eligible"),
                    "Citizens of the EEA and Switzerland need no permit.",
                ),
            ],
            "sources": ["be-statutory-nationality", "your-europe-work-abroad", "efta-eea"],
            "sentence": (
                "With a citizenship of an EEA country or Switzerland, Belgium would be decided case by case "
                "(now unlikely)."
            ),
        }
    ]


def test_two_barriers_at_once_give_paths_of_two_changes(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(
        mlis,
        *("-c", "be", "--degree", "ala", "--citizenship", "us", "--sector", "public"),
        *("--lang", "fr:A2", "--lang", "nl:none", "--no-phd"),
    )
    assert [(p["changes"], p["verdict"]) for p in result["paths"]] == [
        ({"language:fr": "B2", "sector": "academic"}, "case_by_case"),
        ({"language:fr": "B2", "sector": "special"}, "case_by_case"),
        ({"language:fr": "B2", "sector": "corporate"}, "case_by_case"),
        ({"language:fr": "B2", "phd": True}, "case_by_case"),
        ({"language:nl": "B2", "sector": "academic"}, "case_by_case"),
        ({"language:nl": "B2", "sector": "special"}, "case_by_case"),
        ({"language:nl": "B2", "sector": "corporate"}, "case_by_case"),
        ({"language:nl": "B2", "phd": True}, "case_by_case"),
    ]
    assert result["paths"][2]["sentence"] == (
        "Speaking 'fr' at B2 and a post in a corporate library "
        "would make Belgium decided case by case (now unlikely)."
    )


def test_a_profile_already_eligible_gets_no_paths(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(mlis, "-c", "nz", "--degree", "ala", "--citizenship", "nz")
    assert (result["verdict"], result["worst_case"]) == ("eligible", "eligible")
    assert (result["paths"], result["conditions_that_matter"]) == ([], [])


def test_the_working_holiday_age_limit_is_a_condition_that_matters_not_a_path(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(
        mlis, "-c", "nz", "--degree", "ala", "--citizenship", "us", "--age", "28", "--experience", "0"
    )
    assert (result["verdict"], result["paths"]) == ("conditional", [])
    assert result["conditions_that_matter"] == [
        {
            "fact": "age",
            "values": [31],
            "effect": "worse",
            "verdict": "case_by_case",
            "worst_case": "case_by_case",
            "instead_of": ends("conditional"),
            "requirements": [
                change(
                    "right-to-work",
                    "Right to work",
                    ends("conditional"),
                    ends("case_by_case"),
                    "Over 30 there are a number of hoops to jump through for skilled work permits.",
                )
            ],
            "sources": ["places-youll-go"],
            "sentence": "At age 31, New Zealand would be decided case by case (now conditional).",
        },
        {
            "fact": "citizenship",
            "values": ["nz"],
            "effect": "better",
            "verdict": "eligible",
            "worst_case": "eligible",
            "instead_of": ends("conditional"),
            "requirements": [
                change(
                    "right-to-work",
                    "Right to work",
                    ends("conditional"),
                    ends("eligible"),
                    "Citizens need no visa.",
                )
            ],
            "sources": ["whatif-fixture"],
            "sentence": "With a citizenship of New Zealand, New Zealand would be eligible (now conditional).",
        },
    ]


def test_past_ages_are_not_conditions_that_matter() -> None:
    found = what_if(
        RULESET, RULESET.countries["nz"], Profile(degree="ala", citizenship=("us",), age=35), TODAY
    )
    assert [c.fact for c in found.conditions] == ["citizenship"]


def test_over_thirty_experience_opens_a_visa_and_pairs_with_a_recognised_degree() -> None:
    found = what_if(
        RULESET,
        RULESET.countries["nz"],
        Profile(degree="unaccredited", citizenship=("us",), age=35, experience=1),
        TODAY,
    )
    # 'other' counts only if the graduation year (unknown) is recent: it improves
    # the best case alone, so it comes last.
    assert [(path.changes, path.verdict.value, path.worst_case.value) for path in found.paths] == [
        ((("degree", "ala"), ("experience", 3)), "conditional", "conditional"),
        ((("degree", "cilip"), ("experience", 3)), "conditional", "conditional"),
        ((("degree", "alia"), ("experience", 3)), "conditional", "conditional"),
        ((("degree", "lianza"), ("experience", 3)), "conditional", "conditional"),
        ((("degree", "ala"),), "case_by_case", "case_by_case"),
        ((("degree", "cilip"),), "case_by_case", "case_by_case"),
        ((("degree", "alia"),), "case_by_case", "case_by_case"),
        ((("degree", "lianza"),), "case_by_case", "case_by_case"),
        ((("degree", "other"),), "case_by_case", "unlikely"),
    ]
    assert found.paths[0].sentence == (
        "The degree 'ala' (ALA-accredited master's) and 3 years of professional experience "
        "would make New Zealand conditional (now unlikely)."
    )


def test_strict_paths_promise_the_worst_case_as_the_verdict(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(mlis, "-c", "fi", "--degree", "ala", "--strict")
    assert [(p["changes"], p["verdict"], p["worst_case"], p["improves_from"]) for p in result["paths"]] == [
        ({"stay": "short"}, "conditional", "conditional", ends("case_by_case"))
    ]


def test_applying_changes_adds_a_citizenship_and_sets_the_other_facts() -> None:
    profile = Profile(degree="ala", citizenship=("us",), languages={"fr": Level.A1})
    changed = apply(
        profile,
        [
            ("citizenship", "nz"),
            ("language:de", "B2"),
            ("experience", 3),
            ("sector", "public"),
            ("phd", True),
        ],
    )
    assert changed == Profile(
        degree="ala",
        citizenship=("nz", "us"),
        languages={"fr": Level.A1, "de": Level.B2},
        sector="public",
        experience=3.0,
        phd=True,
    )
    assert profile.languages == {"fr": Level.A1}


def test_the_values_tried_are_those_the_rules_mention() -> None:
    mentioned = mentioned_values(RULESET.countries["de"], TODAY)
    assert mentioned["language:de"] == (Level.C1, Level.B2, Level.B1)
    assert mentioned["degree"] == ("none", "ala", "cilip", "alia", "lianza", "lai", "other")
    assert set(mentioned) == {"degree", "language:de", "citizenship"}
