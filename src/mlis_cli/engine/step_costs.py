"""What a list of next steps costs and how long it takes, as the rules' sources state it.

Amounts are never converted: totals are kept per currency, and a fee paid every
year is totalled apart from fees paid once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from mlis_cli.model.ruleset import Country, Duration, Fee, StepDetail


class CostedStep(NamedTuple):
    step: str
    fees: tuple[Fee, ...]
    takes: Duration | None


class Total(NamedTuple):
    currency: str
    per: str
    """once or year."""
    amount: float


class StepCosts(NamedTuple):
    steps: tuple[CostedStep, ...]
    totals: tuple[Total, ...]
    """Per currency and basis, in the order the fees first appear."""
    no_known_cost: tuple[int, ...]
    """The numbers (from 1) of the steps no source gives a fee for."""


def step_details(country: Country) -> dict[str, StepDetail]:
    """Every costed or timed step of a country, by its text."""
    return {
        detail.step: detail
        for requirement in country.requirements
        for case in requirement.cases
        for detail in case.details
    }


def cost_steps(steps: Iterable[str], details: dict[str, StepDetail]) -> StepCosts:
    costed: list[CostedStep] = []
    sums: dict[tuple[str, str], float] = {}
    for step in steps:
        detail = details.get(step)
        fees = detail.fees if detail is not None else ()
        costed.append(CostedStep(step, fees, detail.takes if detail is not None else None))
        for fee in fees:
            key = (fee.currency, fee.per)
            sums[key] = sums.get(key, 0.0) + fee.amount
    return StepCosts(
        steps=tuple(costed),
        totals=tuple(Total(currency, per, round(amount, 2)) for (currency, per), amount in sums.items()),
        no_known_cost=tuple(number for number, step in enumerate(costed, start=1) if not step.fees),
    )


class PlanCosts(NamedTuple):
    """A plan's steps costed: those that apply now, and each path's, in the paths' order."""

    now: StepCosts
    paths: tuple[StepCosts, ...]


def plan_costs(
    country: Country, next_steps: tuple[str, ...], path_steps: Iterable[tuple[str, ...]]
) -> PlanCosts:
    details = step_details(country)
    return PlanCosts(
        now=cost_steps(next_steps, details),
        paths=tuple(cost_steps(steps, details) for steps in path_steps),
    )
