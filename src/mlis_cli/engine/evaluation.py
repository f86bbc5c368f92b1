"""evaluate(ruleset, profile) -> Report. Pure: no printing, no files, no clock.

Each requirement's cases are tried in order; the first that matches decides.
When the profile lacks a fact the cases read, the engine tries every way that
fact can turn out (the values the rules themselves tell apart, see
completions.py) and keeps each case that could then apply. The requirement's
verdict is the best of those possible outcomes, `worst_case` the worst.

A country's worst case is the worst of its requirements' worst cases. Its
verdict, the best case, is what one person could get: a missing fact that two
requirements read takes one value in both, so the country's best case is that
of a concrete completion of the missing facts, not the worst of each
requirement's own best (`country_verdicts`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from mlis_cli.engine.completions import Assignment, completions, group_values_to_try, spoken
from mlis_cli.engine.conditions import logic
from mlis_cli.model.facts import fact_of
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
from mlis_cli.model.ruleset import Country, Requirement, RuleSet, SeeAlso
from mlis_cli.model.verdicts import Verdict, best, worst

NO_RULE_REASON = "No case in the rules covers this profile: the sources are silent here."
STATUS_OF: dict[Verdict, Status] = {
    Verdict.ELIGIBLE: Status.MET,
    Verdict.CONDITIONAL: Status.MET,
    Verdict.CASE_BY_CASE: Status.CASE_BY_CASE,
    Verdict.UNKNOWN: Status.NOT_KNOWN,
    Verdict.UNLIKELY: Status.NOT_MET,
    Verdict.INELIGIBLE: Status.NOT_MET,
}
"""Where a requirement with one outcome left stands, by that outcome's verdict."""
MAX_JOINT = 1 << 16
"""Completions tried together for requirements that share missing facts; past this,
the best case is the worst of each requirement's own best (an optimistic bound)."""


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
    degrees = tuple(ruleset.degrees)
    requirements = tuple(evaluate_requirement(r, profile, today, degrees) for r in country.requirements)
    verdict, worst_case = country_verdicts(country.requirements, requirements, profile, today, degrees)
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
        see=_see_also(requirements),
        assumed=_assumed(country.requirements, requirements, profile, today, degrees),
    )


def country_verdicts(
    rules: Sequence[Requirement],
    results: Sequence[RequirementResult],
    profile: Profile,
    today: dt.date,
    degrees: Sequence[str],
) -> tuple[Verdict, Verdict]:
    """A country's verdict (best case) and worst case, each reachable by one person."""
    ends = [(result.verdict, result.worst_case) for result in results]
    return joint_best(rules, ends, profile, today, degrees), worst(end[1] for end in ends)


def joint_best(
    rules: Sequence[Requirement],
    ends: Sequence[tuple[Verdict, Verdict]],
    profile: Profile,
    today: dt.date,
    degrees: Sequence[str],
) -> Verdict:
    """The best country verdict a single completion of the missing facts gives.

    Requirements whose missing facts overlap are completed together; the
    others are independent, so the best of each group combines with the rest.
    """
    bound = worst(best_case for best_case, _ in ends)
    open_ = [index for index, (best_case, worst_case) in enumerate(ends) if best_case != worst_case]
    if len(open_) < 2:
        return bound
    missing = {index: [f for f in rules[index].facts if profile.value(f) is None] for index in open_}
    result = bound
    for group in _sharing(missing):
        if len(group) > 1:
            floor = worst(ends[index][0] for index in group)
            facts = list(dict.fromkeys(fact for index in group for fact in missing[index]))
            found = _group_best([rules[index] for index in group], facts, floor, profile, today, degrees)
            result = worst((result, found))
    return result


def _sharing(missing: dict[int, list[str]]) -> list[list[int]]:
    """The requirements in groups that share missing facts, directly or through others."""
    groups: list[tuple[set[str], list[int]]] = []
    for index, facts in missing.items():
        joined = [group for group in groups if group[0].intersection(facts)]
        merged: tuple[set[str], list[int]] = (set(facts), [index])
        for group in joined:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        groups.append(merged)
    return [sorted(indices) for _, indices in groups]


def _group_best(
    group: list[Requirement],
    facts: list[str],
    floor: Verdict,
    profile: Profile,
    today: dt.date,
    degrees: Sequence[str],
) -> Verdict:
    """The best of the worst verdicts the group gives under one completion of its facts.

    floor, the worst of each requirement's own best, is as good as it can get.
    """
    rules, codes = tuple(group), tuple(degrees)
    domains = [group_values_to_try(rules, fact, codes, today, some=spoken(profile, fact)) for fact in facts]
    count = 1
    for domain in domains:
        count *= max(len(domain), 1)
    if count > MAX_JOINT:
        return floor
    reads = [[position for position, fact in enumerate(facts) if fact in rule.facts] for rule in group]
    tables: list[dict[tuple[Any, ...], Verdict]] = [{} for _ in group]
    found: Verdict | None = None
    for values in itertools.product(*domains):
        completed = None  # made only when a requirement meets values it has not seen
        verdicts = []
        for rule, positions, table in zip(group, reads, tables, strict=True):
            key = tuple(values[position] for position in positions)
            verdict = table.get(key)
            if verdict is None:
                if completed is None:
                    completed = profile.with_values(facts, values)
                verdict = table[key] = _case_verdict(rule, _first_match(rule, completed, today))
            verdicts.append(verdict)
        here = worst(verdicts)
        if found is None or here.rank < found.rank:
            found = here
            if found == floor:
                break
    return found if found is not None else floor


def _case_verdict(rule: Requirement, index: int | None) -> Verdict:
    return Verdict.UNKNOWN if index is None else rule.cases[index].verdict


def _assumed(
    rules: Sequence[Requirement],
    results: Sequence[RequirementResult],
    profile: Profile,
    today: dt.date,
    degrees: Sequence[str],
) -> tuple[str, ...]:
    """The languages assumed not spoken (not among those listed) that decide an outcome here.

    A language a requirement reads matters when leaving it open would change
    which of its cases may apply; one read only where other facts rule the
    case out (a language test for another sector) is not worth a word.
    """
    if not profile.languages_listed:
        return ()
    read = dict.fromkeys(fact for rule in rules for fact in rule.facts)
    matters = []
    for fact in read:
        if not profile.assumed(fact):
            continue
        opened = profile.with_value(fact, None)
        for rule, result in zip(rules, results, strict=True):
            if fact not in rule.facts:
                continue
            now = {outcome.case for outcome in result.outcomes}
            if {
                outcome.case for outcome in evaluate_requirement(rule, opened, today, degrees).outcomes
            } != now:
                matters.append(fact)
                break
    return tuple(matters)


def evaluate_requirement(
    requirement: Requirement, profile: Profile, today: dt.date, degrees: Sequence[str]
) -> RequirementResult:
    missing = tuple(fact for fact in requirement.facts if profile.value(fact) is None)
    possible: dict[int | None, None]
    deciding: tuple[str, ...] = ()
    if not missing:
        possible = {_first_match(requirement, profile, today): None}
    else:
        ways = completions(profile, missing, requirement, tuple(degrees), today)
        if ways is None:
            possible = _three_valued(requirement, profile, today)
            deciding = missing
        else:
            matched = {
                assignment: _first_match(requirement, completed, today) for assignment, completed in ways
            }
            possible = dict.fromkeys(sorted(set(matched.values()), key=_case_order))
            deciding = _facts_that_decide(missing, matched)
    outcomes = [_outcome(requirement, index) for index in possible]
    verdicts = {outcome.verdict for outcome in outcomes}
    verdict, worst_case = best(verdicts), worst(verdicts)
    if len(outcomes) == 1:
        shown = outcomes[0]
        status = STATUS_OF[verdict]
        deciding = ()
    else:
        status = Status.OPEN
        shown = min(outcomes, key=lambda o: o.verdict.rank)
    return RequirementResult(
        id=requirement.id,
        kind=requirement.kind,
        title=requirement.title,
        status=status,
        verdict=verdict,
        worst_case=worst_case,
        outcome=shown,
        outcomes=tuple(outcomes) if status is Status.OPEN else (shown,),
        trials=_trials(requirement, profile, today, possible),
        compared=tuple((fact, _shown(profile.value(fact))) for fact in requirement.facts),
        missing=deciding,
    )


def _first_match(requirement: Requirement, profile: Profile, today: dt.date) -> int | None:
    """The index of the first case that matches a profile with every needed fact known."""
    for index, case in enumerate(requirement.cases):
        if case.condition is None or logic.test(case.condition, profile, today):
            return index
    return None


def _three_valued(requirement: Requirement, profile: Profile, today: dt.date) -> dict[int | None, None]:
    """Cases that may apply, when there are too many completions to try: an over-estimate."""
    possible: dict[int | None, None] = {}
    for index, case in enumerate(requirement.cases):
        result = True if case.condition is None else logic.test(case.condition, profile, today)
        if result is None:
            possible[index] = None
        elif result:
            possible[index] = None
            return possible
    possible[None] = None
    return possible


def _facts_that_decide(missing: tuple[str, ...], matched: dict[Assignment, int | None]) -> tuple[str, ...]:
    """The missing facts whose value changes which case applies, all else equal."""
    deciding = []
    for position, fact in enumerate(missing):
        seen: dict[Assignment, int | None] = {}
        for assignment, case in matched.items():
            others = assignment[:position] + assignment[position + 1 :]
            if seen.setdefault(others, case) != case:
                deciding.append(fact)
                break
    return tuple(deciding)


def _case_order(index: int | None) -> int:
    return len(_INFINITY) if index is None else index


_INFINITY = range(1 << 30)


def _outcome(requirement: Requirement, index: int | None) -> Outcome:
    if index is None:
        return Outcome(None, None, Verdict.UNKNOWN, NO_RULE_REASON, (), ())
    case = requirement.cases[index]
    return Outcome(
        index,
        case.description,
        case.verdict,
        case.reason,
        case.steps,
        case.sources,
        case.see,
        case.looked_for,
        case.evidence,
        case.summary,
    )


def _trials(
    requirement: Requirement, profile: Profile, today: dt.date, possible: dict[int | None, None]
) -> tuple[Trial, ...]:
    """What happened to each case, for --explain."""
    first = min((i for i in possible if i is not None), default=len(requirement.cases))
    trials = []
    for index, case in enumerate(requirement.cases):
        if index in possible:
            if len(possible) == 1:
                result = TrialResult.MATCHED
                lacking: tuple[str, ...] = ()
            else:
                result = TrialResult.UNANSWERED
                lacking = tuple(f for f in case.facts if profile.value(f) is None)
        else:
            result = TrialResult.NOT_MATCHED if index < first else TrialResult.NOT_REACHED
            lacking = ()
        trials.append(Trial(index, case.description, result, lacking))
    return tuple(trials)


def is_stale(reviewed: dt.date, today: dt.date) -> bool:
    """Reviewed more than 12 months before today."""
    if reviewed.year >= dt.MAXYEAR:
        return False  # rules validate refuses it; no later date exists to be past
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
        outcome = requirement.worst_outcome
        steps.update(dict.fromkeys(outcome.steps))
    return tuple(steps)


def _see_also(requirements: tuple[RequirementResult, ...]) -> tuple[SeeAlso, ...]:
    """The commands that continue the next steps, taken from the same outcomes as the steps."""
    links: dict[str, SeeAlso] = {}
    for requirement in requirements:
        outcome = requirement.worst_outcome
        links.update((link.ref, link) for link in outcome.see)
    return tuple(links.values())
