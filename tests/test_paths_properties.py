"""Properties of the what-if search, over profiles built from the values the rules mention.

Every reported path, applied to the profile and evaluated again, gives exactly
the verdict it promised; it only changes facts a person can act on; it improves
the result; and no smaller change does as well.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.engine.what_if import ACTIONS, CONDITIONS, apply, base_fact, mentioned_values, what_if
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import Country, RuleSet
from mlis_cli.render.report_dict import condition_dict, path_dict
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.schema import Level, Sector, Stay
from tests.conftest import FIXTURES, RULES

TODAY = dt.date(2026, 11, 22)
RULESETS = [loader.load(FIXTURES / "whatif-rules", "fixture"), loader.load(RULES, "rules")]
COUNTRIES = [(ruleset, country) for ruleset in RULESETS for country in ruleset.countries.values()]


def maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values)


@st.composite
def cases(draw: st.DrawFn) -> tuple[RuleSet, Country, Profile, bool]:
    ruleset, country = draw(st.sampled_from(COUNTRIES))
    mentioned = mentioned_values(country, TODAY)

    def near(fact: str, extra: list[Any]) -> Any:
        return draw(maybe(st.sampled_from([*mentioned.get(fact, ()), *extra])))

    codes = sorted({code for codes in mentioned.get("citizenship", ()) for code in codes} | {"us", "ca"})
    languages = {}
    for fact in mentioned:
        if fact.startswith("language:"):
            level = draw(maybe(st.sampled_from(list(Level))))
            if level is not None:
                languages[fact.partition(":")[2]] = level
    profile = Profile(
        degree=draw(maybe(st.sampled_from(list(ruleset.degrees)))),
        citizenship=draw(
            maybe(st.sets(st.sampled_from(codes), min_size=1, max_size=2).map(sorted).map(tuple))
        ),
        age=near("age", [25, 40]),
        languages=languages,
        sector=draw(maybe(st.sampled_from([s.value for s in Sector]))),
        stay=draw(maybe(st.sampled_from([s.value for s in Stay]))),
        graduated=near("graduated", [2000]),
        experience=near("experience", [0, 10]),
        phd=draw(maybe(st.booleans())),
    )
    return ruleset, country, profile, draw(st.booleans())


def ends(ruleset: RuleSet, country: Country, profile: Profile, strict: bool) -> tuple[str, str]:
    result = evaluate_country(ruleset, country, profile, TODAY, strict=strict)
    return result.verdict.value, result.worst_case.value


def rank(verdict: str) -> int:
    return ["eligible", "conditional", "case_by_case", "unknown", "unlikely", "ineligible"].index(verdict)


def at_least_as_good(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return rank(a[0]) <= rank(b[0]) and rank(a[1]) <= rank(b[1])


def known_improvement(new: tuple[str, str], old: tuple[str, str]) -> bool:
    """Better or equal at both ends, and better at one end to a verdict the sources know."""
    return (
        new != old
        and at_least_as_good(new, old)
        and any(rank(n) < rank(o) and n != "unknown" for n, o in zip(new, old, strict=True))
    )


@settings(max_examples=200, deadline=None)
@given(cases())
def test_every_path_keeps_its_promise_changes_only_actions_and_is_smallest(
    case: tuple[RuleSet, Country, Profile, bool],
) -> None:
    ruleset, country, profile, strict = case
    now = ends(ruleset, country, profile, strict)
    for path in what_if(ruleset, country, profile, TODAY, strict=strict).paths:
        shown = path_dict(path)
        promised = (shown["verdict"], shown["worst_case"])
        # Applying the changes, as JSON shows them, gives exactly the promised verdict.
        assert ends(ruleset, country, apply(profile, shown["changes"].items()), strict) == promised, shown
        # Only facts a person can act on; never age, citizenship or graduation year.
        facts = [base_fact(fact) for fact in shown["changes"]]
        assert all(fact in ACTIONS for fact in facts), shown
        assert not {"age", "citizenship", "graduated"} & set(facts)
        # It improves the result, to a verdict the sources know, and says from what.
        assert known_improvement(promised, now)
        assert (shown["improves_from"]["verdict"], shown["improves_from"]["worst_case"]) == now
        # No part of it does as well alone.
        if len(path.changes) > 1:
            for part in path.changes:
                alone = ends(ruleset, country, apply(profile, [part]), strict)
                assert not (known_improvement(alone, now) and at_least_as_good(alone, promised))


@settings(max_examples=200, deadline=None)
@given(cases())
def test_each_condition_that_matters_gives_the_verdict_it_states(
    case: tuple[RuleSet, Country, Profile, bool],
) -> None:
    ruleset, country, profile, strict = case
    now = ends(ruleset, country, profile, strict)
    for condition in what_if(ruleset, country, profile, TODAY, strict=strict).conditions:
        shown = condition_dict(condition)
        assert shown["fact"] in CONDITIONS
        for value in shown["values"]:
            changed = apply(profile, [(shown["fact"], value)])
            assert ends(ruleset, country, changed, strict) == (shown["verdict"], shown["worst_case"]) != now
