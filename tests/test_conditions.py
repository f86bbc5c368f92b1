"""Each condition type and the three-valued all/any/not, one line per case."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mlis_cli.engine.conditions import logic
from mlis_cli.engine.conditions.base import Context
from mlis_cli.model.profile import Profile
from mlis_cli.rulefiles.schema import Condition, Level

TODAY = dt.date(2026, 11, 22)
CONTEXT = Context({"nordic": frozenset({"dk", "fi", "se"})})


def check(condition: dict[str, Any], profile: Profile) -> bool | None:
    return logic.test(logic.build(Condition.model_validate(condition), CONTEXT), profile, TODAY)


@pytest.mark.parametrize(
    ("condition", "profile", "expected"),
    [
        ({"degree": ["ala", "cilip"]}, Profile(degree="cilip"), True),
        ({"degree": "ala"}, Profile(degree="alia"), False),
        ({"degree": ["ala"]}, Profile(), None),
        ({"citizenship": ["nordic"]}, Profile(citizenship=("fi",)), True),
        ({"citizenship": ["nordic", "ch"]}, Profile(citizenship=("us", "ch")), True),
        ({"citizenship": ["nordic"]}, Profile(citizenship=("us",)), False),
        ({"citizenship": ["us"]}, Profile(), None),
        ({"age": {"min": 18, "max": 30}}, Profile(age=30), True),
        ({"age": {"min": 18, "max": 30}}, Profile(age=31), False),
        ({"age": {"min": 18}}, Profile(age=17), False),
        ({"age": {"max": 30}}, Profile(), None),
        ({"language": {"de": "B2"}}, Profile(languages={"de": Level.C1}), True),
        ({"language": {"de": "B2"}}, Profile(languages={"de": Level.B1}), False),
        ({"language": {"de": "C2"}}, Profile(languages={"de": Level.NATIVE}), True),
        ({"language": {"de": "A1"}}, Profile(languages={"de": Level.NONE}), False),
        ({"language": {"de": "B2", "fr": "B2"}}, Profile(languages={"de": Level.C1}), None),
        ({"language": {"de": "B2", "fr": "B2"}}, Profile(languages={"de": Level.A1}), False),
        ({"language": {"de": "A1"}}, Profile(languages={"de": None}), True),
        ({"language": {"de": "A2"}}, Profile(languages={"de": None}), None),
        ({"language": {"de": "A1"}}, Profile(languages={"fr": Level.C1}, languages_listed=True), False),
        ({"language": {"de": "A1"}}, Profile(), None),
        ({"only_citizenship": ["nordic"]}, Profile(citizenship=("fi", "se")), True),
        ({"only_citizenship": ["nordic"]}, Profile(citizenship=("fi", "us")), False),
        ({"only_citizenship": ["nordic"]}, Profile(citizenship=()), False),
        ({"only_citizenship": ["nordic"]}, Profile(), None),
        ({"sector": ["public", "school"]}, Profile(sector="school"), True),
        ({"sector": "public"}, Profile(sector="corporate"), False),
        ({"sector": "public"}, Profile(), None),
        ({"stay": "short"}, Profile(stay="short"), True),
        ({"stay": "short"}, Profile(stay="long"), False),
        ({"graduated": {"within_years": 10}}, Profile(graduated=2016), True),
        ({"graduated": {"within_years": 10}}, Profile(graduated=2015), False),
        ({"graduated": {"min": 2010, "max": 2012}}, Profile(graduated=2013), False),
        ({"graduated": {"min": 2010}}, Profile(), None),
        ({"experience": {"min": 5}}, Profile(experience=5.0), True),
        ({"experience": {"min": 5}}, Profile(experience=4.5), False),
        ({"phd": True}, Profile(phd=True), True),
        ({"phd": False}, Profile(phd=True), False),
        ({"phd": True}, Profile(), None),
    ],
)
def test_a_leaf_condition_tests_one_fact(
    condition: dict[str, Any], profile: Profile, expected: bool | None
) -> None:
    assert check(condition, profile) is expected


YES = {"degree": ["ala"]}
NO = {"degree": ["cilip"]}
MAYBE = {"age": {"max": 30}}
PERSON = Profile(degree="ala")


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"all": [YES, YES]}, True),
        ({"all": [YES, NO]}, False),
        ({"all": [MAYBE, NO]}, False),
        ({"all": [MAYBE, YES]}, None),
        ({"any": [NO, YES]}, True),
        ({"any": [MAYBE, YES]}, True),
        ({"any": [MAYBE, NO]}, None),
        ({"any": [NO, NO]}, False),
        ({"not": YES}, False),
        ({"not": NO}, True),
        ({"not": MAYBE}, None),
        ({"degree": ["ala"], "age": {"max": 30}}, None),
        ({"degree": ["cilip"], "age": {"max": 30}}, False),
        ({"any": [{"all": [YES, {"not": NO}]}, MAYBE]}, True),
    ],
)
def test_all_any_and_not_follow_three_valued_logic(condition: dict[str, Any], expected: bool | None) -> None:
    assert check(condition, PERSON) is expected


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ({"degree": ["ala", "cilip", "alia"]}, "degree is ala, cilip or alia"),
        ({"citizenship": ["eea", "ch"]}, "a citizenship of eea or ch"),
        ({"only_citizenship": ["af", "cu"]}, "citizenships only of af or cu"),
        ({"age": {"min": 18, "max": 30}}, "aged 18 to 30 years"),
        ({"language": {"da": "C1"}}, "speaks 'da' at C1 or above"),
        ({"graduated": {"within_years": 10}}, "graduated within the last 10 years"),
        ({"experience": {"min": 5}}, "at least 5 years of professional experience"),
        ({"phd": True}, "holds a doctorate"),
        ({"not": {"sector": ["public"]}}, "not (sector is public)"),
        (
            {"any": [{"stay": "short"}, {"all": [YES, MAYBE]}]},
            "stay is short or (degree is ala and aged at most 30 years)",
        ),
    ],
)
def test_conditions_read_as_words(condition: dict[str, Any], words: str) -> None:
    assert logic.describe(logic.build(Condition.model_validate(condition), CONTEXT)) == words


def test_facts_lists_every_fact_a_condition_reads_once() -> None:
    node = logic.build(
        Condition.model_validate({"any": [{"language": {"de": "B2"}}, {"all": [MAYBE, YES, MAYBE]}]}),
        CONTEXT,
    )
    assert logic.facts(node) == ("language:de", "age", "degree")
