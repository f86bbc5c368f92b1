"""Building the engine's RuleSet from rule files that passed every check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlis_cli.conditions import logic
from mlis_cli.conditions.base import Context
from mlis_cli.model import ruleset as rs
from mlis_cli.model.rule_files import Case as CaseModel
from mlis_cli.model.rule_files import CountryFile, DegreesFile, GroupsFile, SourcesFile
from mlis_cli.model.rule_files import Requirement as RequirementModel

if TYPE_CHECKING:
    from mlis_cli.loader import Collected


def compile_ruleset(collected: Collected) -> rs.RuleSet:
    assert collected.sources and collected.degrees and collected.groups
    sources_file = collected.sources.model
    degrees_file = collected.degrees.model
    groups_file = collected.groups.model
    assert isinstance(sources_file, SourcesFile)
    assert isinstance(degrees_file, DegreesFile)
    assert isinstance(groups_file, GroupsFile)
    groups = {
        code: rs.CitizenGroup(code, group.name, frozenset(group.members), tuple(group.sources))
        for code, group in groups_file.groups.items()
    }
    context = Context({code: group.members for code, group in groups.items()})
    countries = {}
    for parsed in sorted(collected.countries, key=lambda p: p.display):
        country = parsed.model
        assert isinstance(country, CountryFile)
        countries[country.code] = _country(country, context, parsed.display)
    return rs.RuleSet(
        countries=dict(sorted(countries.items())),
        degrees={
            code: rs.Degree(code, degree.name, degree.description, tuple(degree.sources))
            for code, degree in degrees_file.degrees.items()
        },
        groups=groups,
        sources={
            code: rs.Source(
                code,
                source.title,
                source.publisher,
                source.url,
                str(source.date),
                source.reliability.value,
                source.note,
            )
            for code, source in sources_file.sources.items()
        },
    )


def _country(country: CountryFile, context: Context, display: str) -> rs.Country:
    return rs.Country(
        code=country.code,
        name=country.name,
        aliases=tuple(country.aliases),
        group=country.group.value,
        association=country.association,
        reviewed=country.reviewed,
        requirements=tuple(_requirement(requirement, context) for requirement in country.requirements),
        tests=tuple(
            rs.RuleTest(test.name, dict(test.profile), test.today or country.reviewed, test.expect)
            for test in country.tests
        ),
        file=display,
    )


def _requirement(requirement: RequirementModel, context: Context) -> rs.Requirement:
    cases = tuple(_case(case, context) for case in requirement.cases)
    facts: dict[str, None] = {}
    for case in cases:
        facts.update(dict.fromkeys(case.facts))
    return rs.Requirement(
        id=requirement.id,
        kind=requirement.kind.value,
        title=requirement.title,
        cases=cases,
        facts=tuple(facts),
    )


def _case(case: CaseModel, context: Context) -> rs.Case:
    condition = logic.build(case.when, context) if case.when is not None else None
    return rs.Case(
        condition=condition,
        description=logic.describe(condition) if condition is not None else None,
        facts=logic.facts(condition) if condition is not None else (),
        verdict=case.verdict,
        reason=case.reason,
        steps=tuple(case.steps),
        sources=tuple(case.sources),
    )
