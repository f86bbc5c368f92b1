"""Recognition at a glance: each degree in each country, from the degree alone.

Only the requirements about the degree itself (accreditation and review) count
here; visas, language and nationality depend on the person, not the degree.
Pure, like the engine it calls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mlis_cli.engine.evaluation import evaluate_requirement
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import Verdict, worst

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
    results = [
        evaluate_requirement(requirement, profile, today, degrees)
        for requirement in ruleset.countries[country].requirements
        if requirement.kind in RECOGNITION_KINDS
    ]
    return Cell(
        degree,
        country,
        worst(r.verdict for r in results),
        worst(r.worst_case for r in results),
    )


def matrix(ruleset: RuleSet, today: dt.date) -> list[list[Cell]]:
    """One row per degree, one cell per country, in registry order."""
    return [
        [recognition(ruleset, degree, country, today) for country in ruleset.countries]
        for degree in ruleset.degrees
    ]
