"""Which cases rest on each source: the rules read backwards, from sources.yaml to the cases."""

from __future__ import annotations

from typing import NamedTuple

from mlis_cli.model.ruleset import RuleSet


class CaseRef(NamedTuple):
    """One case of one requirement of one country; case counted from 1, as `rules test` names it."""

    country: str
    requirement: str
    case: int

    def __str__(self) -> str:
        return f"{self.country}/{self.requirement}/{self.case}"


def cases_citing(ruleset: RuleSet) -> dict[str, tuple[CaseRef, ...]]:
    """Every source id of sources.yaml with the cases that cite it, in the order of the rules."""
    found: dict[str, list[CaseRef]] = {source: [] for source in ruleset.sources}
    for country in ruleset.countries.values():
        for requirement in country.requirements:
            for index, case in enumerate(requirement.cases):
                for source in dict.fromkeys(case.sources):
                    found.setdefault(source, []).append(CaseRef(country.code, requirement.id, index + 1))
    return {source: tuple(refs) for source, refs in found.items()}
