"""How far the rules are checked: the cases no test reaches, the sources nothing cites,
and which of the five requirement kinds each country's file covers.

The cases a test reaches are those `mlis rules test` counts (rulefiles/rule_tests.py).
A country's own sources are those whose id begins with its code and a hyphen
(fi-decree-784-2014); shared sources are counted only globally.
"""

from __future__ import annotations

from mlis_cli.model.coverage import CountryCoverage, Coverage, MissedCase
from mlis_cli.model.ruleset import Country, RuleSet
from mlis_cli.model.vocabulary import Kind
from mlis_cli.rulefiles.rule_tests import run_country


def coverage_of(ruleset: RuleSet) -> Coverage:
    countries = tuple(_country(ruleset, country) for country in ruleset.countries.values())
    by_cases = {source for country in ruleset.countries.values() for source in _cited(country)}
    uncited = tuple(source for source in ruleset.sources if source not in by_cases)
    elsewhere = _cited_outside_cases(ruleset)
    return Coverage(countries, uncited, tuple(source for source in uncited if source in elsewhere))


def _country(ruleset: RuleSet, country: Country) -> CountryCoverage:
    _, reached = run_country(ruleset, country)
    missed = tuple(
        MissedCase(requirement.id, index + 1, case.description or "otherwise")
        for position, requirement in enumerate(country.requirements)
        for index, case in enumerate(requirement.cases)
        if (position, index) not in reached
    )
    kinds = {kind.value: tuple(r.id for r in country.requirements if r.kind == kind.value) for kind in Kind}
    cited = _cited(country)
    own = tuple(s for s in ruleset.sources if s.startswith(f"{country.code}-") and s not in cited)
    cases = sum(len(requirement.cases) for requirement in country.requirements)
    return CountryCoverage(country.code, country.name, cases, missed, kinds, own)


def _cited(country: Country) -> set[str]:
    return {source for r in country.requirements for case in r.cases for source in case.sources}


def _cited_outside_cases(ruleset: RuleSet) -> set[str]:
    ids: set[str] = set()
    for degree in ruleset.degrees.values():
        ids.update(degree.cited())
    for group in ruleset.groups.values():
        ids.update(group.sources)
    for entry in ruleset.certificates.entries:
        ids.update(entry.cited())
    for figure in ruleset.certificates.summary:
        ids.update(figure.sources)
    for guide in ruleset.guides:
        ids.update(guide.cited())
    return ids
