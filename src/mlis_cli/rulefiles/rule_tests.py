"""Running the test cases that sit beside the rules in each country file.

Each country also gets one more outcome, "every case is reached by a test":
a case no test reaches (as the answer, or as one of an open requirement's
possible answers) is a rule nobody has checked, and fails it.
"""

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


COVERAGE = "every case is reached by a test"


def run_test(ruleset: RuleSet, country: Country, test: RuleTest) -> TestOutcome:
    return _run(ruleset, country, test)[0]


def _run(ruleset: RuleSet, country: Country, test: RuleTest) -> tuple[TestOutcome, set[tuple[int, int]]]:
    """The test's outcome, and the cases it reached: (requirement, case) positions."""
    profile = parse_profile(test.profile, ruleset.degrees, test.today)
    result = evaluate_country(ruleset, country, profile, test.today)
    reached = {
        (position, outcome.case)
        for position, requirement in enumerate(result.requirements)
        for outcome in requirement.outcomes
        if outcome.case is not None
    }
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
    return TestOutcome(country.code, country.file, test.name, tuple(failures)), reached


def run_all(ruleset: RuleSet) -> list[TestOutcome]:
    """Every test of every country, then each country's check that its tests reach every case."""
    outcomes: list[TestOutcome] = []
    for country in ruleset.countries.values():
        tested, reached = run_country(ruleset, country)
        outcomes.extend(tested)
        outcomes.append(coverage(country, reached))
    return outcomes


def run_country(ruleset: RuleSet, country: Country) -> tuple[list[TestOutcome], set[tuple[int, int]]]:
    """Every test of one country, and the cases they reach together: (requirement, case) positions."""
    outcomes: list[TestOutcome] = []
    reached: set[tuple[int, int]] = set()
    for test in country.tests:
        outcome, cases = _run(ruleset, country, test)
        outcomes.append(outcome)
        reached |= cases
    return outcomes, reached


def coverage(country: Country, reached: set[tuple[int, int]]) -> TestOutcome:
    """Whether the country's tests reach every case; each case none reaches is a failure."""
    missed = tuple(
        f"{requirement.id} case {index + 1} ({case.description or 'otherwise'}): no test reaches it"
        for position, requirement in enumerate(country.requirements)
        for index, case in enumerate(requirement.cases)
        if (position, index) not in reached
    )
    return TestOutcome(country.code, country.file, COVERAGE, missed)
