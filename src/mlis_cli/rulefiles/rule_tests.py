"""Running the test cases that sit beside the rules in each country file."""

from __future__ import annotations

from dataclasses import dataclass

from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.model.ruleset import Country, RuleSet, RuleTest
from mlis_cli.person.profile_input import parse_profile


@dataclass(frozen=True, slots=True)
class TestOutcome:
    country: str
    file: str
    name: str
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def run_test(ruleset: RuleSet, country: Country, test: RuleTest) -> TestOutcome:
    profile = parse_profile(test.profile, ruleset.degrees, test.today)
    result = evaluate_country(ruleset, country, profile, test.today)
    expect = test.expect
    failures = []
    if result.verdict != expect.verdict:
        failures.append(f"verdict: expected {expect.verdict.value}, got {result.verdict.value}")
    if expect.worst_case is not None and result.worst_case != expect.worst_case:
        failures.append(f"worst_case: expected {expect.worst_case.value}, got {result.worst_case.value}")
    if expect.complete is not None and result.complete != expect.complete:
        failures.append(f"complete: expected {expect.complete}, got {result.complete}")
    verdicts = {r.id: r.verdict for r in result.requirements}
    for requirement, verdict in expect.requirements:
        if verdicts.get(requirement) != verdict:
            got = verdicts.get(requirement)
            failures.append(
                f"requirements.{requirement}: expected {verdict.value}, got {got.value if got else 'nothing'}"
            )
    if expect.open_questions is not None:
        asked = [q.fact for q in result.open_questions]
        if sorted(asked) != sorted(expect.open_questions):
            failures.append(f"open_questions: expected {list(expect.open_questions)}, got {asked}")
    return TestOutcome(country.code, country.file, test.name, tuple(failures))


def run_all(ruleset: RuleSet) -> list[TestOutcome]:
    return [
        run_test(ruleset, country, test) for country in ruleset.countries.values() for test in country.tests
    ]
