"""The shipped rules are valid, and their own test cases pass under pytest too."""

from __future__ import annotations

import datetime as dt

import pytest

from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.rule_tests import COVERAGE, run_all, run_test
from tests.conftest import RULES

RULESET = loader.load(RULES, "rules")
CASES = [
    pytest.param(country, test, id=f"{country.code}: {test.name}")
    for country in RULESET.countries.values()
    for test in country.tests
]


@pytest.mark.parametrize(("country", "test"), CASES)
def test_rule_case(country, test) -> None:  # type: ignore[no-untyped-def]
    outcome = run_test(RULESET, country, test)
    assert outcome.failures == ()


def test_every_country_has_a_review_date_and_cited_cases() -> None:
    for country in RULESET.countries.values():
        assert isinstance(country.reviewed, dt.date)
        for requirement in country.requirements:
            for case in requirement.cases:
                assert case.sources, (country.code, requirement.id)


def test_rules_validate_passes_on_the_shipped_rules(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "validate")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "rules: no problems\n")


def test_every_case_of_the_shipped_rules_is_reached_by_a_test() -> None:
    unreached = [
        f"{outcome.country}: {failure}"
        for outcome in run_all(RULESET)
        if outcome.name == COVERAGE
        for failure in outcome.failures
    ]
    assert unreached == []
