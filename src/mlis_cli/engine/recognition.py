"""Recognition at a glance: each degree in each country, from the degree alone.

Only the requirements about the degree itself (accreditation and review) count
here; visas, language and nationality depend on the person, not the degree.
Pure, like the engine it calls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mlis_cli.engine.evaluation import country_verdicts, evaluate_requirement
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import Verdict

RECOGNITION_KINDS = ("accreditation", "review")


@dataclass(frozen=True, slots=True)
class Cell:
    degree: str
    country: str
    verdict: Verdict
    worst_case: Verdict

    @property
    def complete(self) -> bool:
        return self.verdict == self.worst_case


def recognition(ruleset: RuleSet, degree: str, country: str, today: dt.date) -> Cell:
    profile = Profile(degree=degree)
    degrees = tuple(ruleset.degrees)
    rules = [r for r in ruleset.countries[country].requirements if r.kind in RECOGNITION_KINDS]
    results = [evaluate_requirement(requirement, profile, today, degrees) for requirement in rules]
    verdict, worst_case = country_verdicts(rules, results, profile, today, degrees)
    return Cell(degree, country, verdict, worst_case)


def matrix(ruleset: RuleSet, today: dt.date) -> list[list[Cell]]:
    """One row per degree, one cell per country, in registry order."""
    return [
        [recognition(ruleset, degree, country, today) for country in ruleset.countries]
        for degree in ruleset.degrees
    ]
