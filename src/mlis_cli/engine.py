"""evaluate(ruleset, profile) -> Report. Pure: no printing, no files, no clock.

Each requirement's cases are tried in order; the first that matches decides.
A case whose test needs a fact the profile lacks is unanswered: it may or may
not apply, so both its outcome and the cases after it stay possible. The
requirement's verdict is the best of its possible outcomes, `worst_case` the
worst; the country takes the worst over its requirements of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.conditions import logic
from mlis_cli.facts import fact_of
from mlis_cli.model.profile import Profile
from mlis_cli.model.report import (
    CountryResult,
    OpenQuestion,
    Outcome,
    Report,
    RequirementResult,
    Status,
    Trial,
    TrialResult,
)
from mlis_cli.model.ruleset import Country, Requirement, RuleSet
from mlis_cli.verdicts import Verdict, best, worst

NO_RULE_REASON = "No case in the rules covers this profile: the sources are silent here."
_GOOD = (Verdict.ELIGIBLE, Verdict.CONDITIONAL)


def evaluate(
    ruleset: RuleSet,
    profile: Profile,
    countries: Iterable[str],
    today: dt.date,
    *,
    strict: bool = False,
) -> Report:
    results = tuple(
        evaluate_country(ruleset, ruleset.countries[code], profile, today, strict=strict)
        for code in countries
    )
    return Report(profile=profile, results=results, strict=strict, today=today)


def evaluate_country(
    ruleset: RuleSet, country: Country, profile: Profile, today: dt.date, *, strict: bool = False
) -> CountryResult:
    requirements = tuple(evaluate_requirement(r, profile, today) for r in country.requirements)
    verdict, worst_case = country_verdicts(requirements)
    source_ids: dict[str, None] = {}
    for requirement in requirements:
        for outcome in requirement.outcomes:
            source_ids.update(dict.fromkeys(outcome.sources))
    return CountryResult(
        code=country.code,
        name=country.name,
        group=country.group,
        association=country.association,
        verdict=worst_case if strict else verdict,
        worst_case=worst_case,
        complete=verdict == worst_case,
        requirements=requirements,
        open_questions=_open_questions(requirements),
        next_steps=_next_steps(requirements),
        sources=tuple(ruleset.sources[s] for s in source_ids),
        reviewed=country.reviewed,
        stale=is_stale(country.reviewed, today),
    )


def country_verdicts(requirements: Iterable[RequirementResult]) -> tuple[Verdict, Verdict]:
    """A country's verdict (best case) and worst case: the worst of its requirements' of each."""
    results = tuple(requirements)
    return worst(r.verdict for r in results), worst(r.worst_case for r in results)


def evaluate_requirement(requirement: Requirement, profile: Profile, today: dt.date) -> RequirementResult:
    outcomes: list[Outcome] = []
    trials: list[Trial] = []
    missing: dict[str, None] = {}
    compared: dict[str, Any] = {}
    decided = False
    for index, case in enumerate(requirement.cases):
        condition = case.condition
        description = logic.describe(condition) if condition is not None else None
        if condition is None:
            result: bool | None = True
        else:
            result = logic.test(condition, profile, today)
            for fact in logic.facts(condition):
                compared.setdefault(fact, _shown(profile.value(fact)))
        outcome = Outcome(index, description, case.verdict, case.reason, case.steps, case.sources)
        if result is True:
            trials.append(Trial(index, description, TrialResult.MATCHED, ()))
            outcomes.append(outcome)
            decided = True
            break
        if result is False:
            trials.append(Trial(index, description, TrialResult.NOT_MATCHED, ()))
            continue
        assert condition is not None
        lacking = tuple(f for f in logic.facts(condition) if profile.value(f) is None)
        trials.append(Trial(index, description, TrialResult.UNANSWERED, lacking))
        missing.update(dict.fromkeys(lacking))
        outcomes.append(outcome)
    for index in range(len(trials), len(requirement.cases)):
        condition = requirement.cases[index].condition
        trials.append(
            Trial(index, logic.describe(condition) if condition else None, TrialResult.NOT_REACHED, ())
        )
    if not decided:
        outcomes.append(Outcome(None, None, Verdict.UNKNOWN, NO_RULE_REASON, (), ()))
    verdicts = {outcome.verdict for outcome in outcomes}
    verdict, worst_case = best(verdicts), worst(verdicts)
    if len(verdicts) == 1:
        status = Status.MET if verdict in _GOOD else Status.NOT_MET
        shown = outcomes[-1]
        missing = {}
    else:
        status = Status.OPEN
        shown = next(o for o in outcomes if o.verdict == verdict)
    ranked = tuple(sorted(outcomes, key=lambda o: o.verdict.rank))
    return RequirementResult(
        id=requirement.id,
        kind=requirement.kind,
        title=requirement.title,
        status=status,
        verdict=verdict,
        worst_case=worst_case,
        outcome=shown,
        outcomes=ranked if status is Status.OPEN else (shown,),
        trials=tuple(trials),
        compared=tuple(compared.items()),
        missing=tuple(missing),
    )


def is_stale(reviewed: dt.date, today: dt.date) -> bool:
    """Reviewed more than 12 months before today."""
    try:
        anniversary = reviewed.replace(year=reviewed.year + 1)
    except ValueError:  # 29 February
        anniversary = reviewed.replace(year=reviewed.year + 1, day=28)
    return today > anniversary


def _shown(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return getattr(value, "value", value)


def _open_questions(requirements: tuple[RequirementResult, ...]) -> tuple[OpenQuestion, ...]:
    settles: dict[str, list[str]] = {}
    for requirement in requirements:
        for fact in requirement.missing:
            settles.setdefault(fact, []).append(requirement.id)
    questions = []
    for name, ids in settles.items():
        about = fact_of(name)
        questions.append(OpenQuestion(name, about.flag, about.question, tuple(ids)))
    return tuple(questions)


def _next_steps(requirements: tuple[RequirementResult, ...]) -> tuple[str, ...]:
    """Steps of each requirement's outcome; for an open one, of its worst case, to be safe."""
    steps: dict[str, None] = {}
    for requirement in requirements:
        outcome = requirement.outcomes[-1] if requirement.status is Status.OPEN else requirement.outcome
        steps.update(dict.fromkeys(outcome.steps))
    return tuple(steps)
