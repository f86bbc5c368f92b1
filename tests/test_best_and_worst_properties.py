"""Best and worst case are reachable by one person: the engine against brute force, on the shipped rules.

For a profile with facts missing, brute force completes every missing fact
with every value the country's conditions mention (and values beyond them),
evaluates each complete profile, and takes the best and the worst verdict.
The engine must give exactly those two: a fact two requirements read takes
one value in both.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.engine.what_if import mentioned_values
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import Country, RuleSet
from mlis_cli.model.verdicts import Verdict, best, worst
from mlis_cli.model.vocabulary import Level, Sector, Stay
from mlis_cli.rulefiles import loader
from tests.conftest import RULES

TODAY = dt.date(2026, 11, 22)
SHIPPED: RuleSet = loader.load(RULES, "rules")
MAX_MISSING = 3


def domain(ruleset: RuleSet, country: Country, fact: str) -> list[Any]:
    """Every value brute force tries for a fact: all the rules mention, and some they do not."""
    mentioned = list(mentioned_values(country, TODAY).get(fact, ()))
    if fact == "degree":
        return list(ruleset.degrees)
    if fact == "citizenship":
        return [*dict.fromkeys(mentioned), ("~",)]
    if fact.startswith("language:"):
        return list(Level)
    if fact == "sector":
        return [sector.value for sector in Sector]
    if fact == "stay":
        return [stay.value for stay in Stay]
    if fact in ("phd", "online"):
        return [True, False]
    numbers = {value for value in mentioned if isinstance(value, int | float)}
    around = {n + step for n in numbers for step in (-1, 0, 1)}
    if fact == "age":
        return sorted(value for value in around | {0, 18, 100} if 0 <= value <= 120)
    if fact == "graduated":
        return sorted(around | {1950, TODAY.year})
    return sorted(value for value in around | {0, 50} if value >= 0)  # experience


def read_facts(country: Country) -> list[str]:
    return list(dict.fromkeys(fact for requirement in country.requirements for fact in requirement.facts))


@st.composite
def partial_profiles(draw: st.DrawFn) -> tuple[Country, Profile, list[str]]:
    country = draw(st.sampled_from(list(SHIPPED.countries.values())))
    facts = read_facts(country)
    missing = draw(st.lists(st.sampled_from(facts), unique=True, max_size=min(MAX_MISSING, len(facts))))
    profile = Profile()
    for fact in facts:
        if fact not in missing:
            profile = profile.with_value(fact, draw(st.sampled_from(domain(SHIPPED, country, fact))))
    return country, profile, missing


@settings(max_examples=120, deadline=None)
@given(partial_profiles())
def test_best_and_worst_case_are_those_of_concrete_completions(
    case: tuple[Country, Profile, list[str]],
) -> None:
    country, profile, missing = case
    verdicts: set[Verdict] = set()
    for values in itertools.product(*(domain(SHIPPED, country, fact) for fact in missing)):
        completed = profile
        for fact, value in zip(missing, values, strict=True):
            completed = completed.with_value(fact, value)
        result = evaluate_country(SHIPPED, country, completed, TODAY)
        assert result.complete, (country.code, completed)
        verdicts.add(result.verdict)
    engine = evaluate_country(SHIPPED, country, profile, TODAY)
    assert (engine.verdict, engine.worst_case) == (best(verdicts), worst(verdicts)), (country.code, profile)
