"""What an edit to the rules changes: every class of facts two rule sets tell apart, evaluated
under both, and the classes whose answer moves.

Pure, like the engine: no printing, no files, no clock. For each country in both
rule sets, the facts its requirements read (in either version) each take the
values the conditions of both versions can tell apart (completions.candidates:
the values the rules mention, plus one no rule names), or stay unknown. Every
combination is a class; a class changes when its verdict, worst case or open
questions differ. A country whose requirements, degree codes and citizen groups
are the same in both is not enumerated: nothing it could answer has changed.

The product of the class counts is bounded by MAX_CLASSES per country; a country
over the bound is reported as such, not compared.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from mlis_cli.engine.completions import candidates, with_fact
from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.model.profile import Profile
from mlis_cli.model.report import CountryResult
from mlis_cli.model.ruleset import Country, RuleSet
from mlis_cli.model.verdicts import Verdict

MAX_CLASSES = 50_000
"""Classes per country at most: the product of every fact's values, unknown included."""

UNKNOWN = object()
"""A fact left out of the profile."""


class Side(NamedTuple):
    """One rule set's answer for a class."""

    verdict: Verdict
    worst_case: Verdict
    open_questions: tuple[str, ...]
    cases: tuple[str, ...]
    """The cases that decided it: requirement/case (from 1), every one an open requirement may give;
    requirement/- where no case applies."""

    def same_answer(self, other: Side) -> bool:
        return (self.verdict, self.worst_case, self.open_questions) == (
            other.verdict,
            other.worst_case,
            other.open_questions,
        )


class Change(NamedTuple):
    country: str
    facts: tuple[tuple[str, Any], ...]
    """The class: the facts it knows and their values; the others are unknown. For a profile of a
    cohort, its label instead (id or line)."""
    before: Side
    after: Side
    label: str | None = None


class TooMany(NamedTuple):
    country: str
    classes: int


class RuleDiff(NamedTuple):
    changes: tuple[Change, ...]
    added: tuple[str, ...]
    """Countries only the new rules have."""
    removed: tuple[str, ...]
    compared: tuple[tuple[str, int], ...]
    """Each country enumerated, with its number of classes (or cohort profiles)."""
    too_many: tuple[TooMany, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.added or self.removed or self.too_many)


def side(result: CountryResult) -> Side:
    cases = tuple(
        f"{requirement.id}/{outcome.case + 1 if outcome.case is not None else '-'}"
        for requirement in result.requirements
        for outcome in requirement.outcomes
    )
    return Side(
        result.verdict,
        result.worst_case,
        tuple(question.fact for question in result.open_questions),
        cases,
    )


def _same_rules(old: RuleSet, new: RuleSet, code: str) -> bool:
    return (
        old.countries[code].requirements == new.countries[code].requirements
        and list(old.degrees) == list(new.degrees)
        and {k: g.members for k, g in old.groups.items()} == {k: g.members for k, g in new.groups.items()}
    )


def facts_read(*countries: Country) -> list[str]:
    found: dict[str, None] = {}
    for country in countries:
        for requirement in country.requirements:
            found.update(dict.fromkeys(requirement.facts))
    return list(found)


def classes(
    old: Country, new: Country, degrees: Sequence[str], today: dt.date
) -> list[tuple[str, list[Any]]]:
    """Every fact either version reads, with the values both versions' conditions tell apart."""
    conditions = [
        case.condition
        for country in (old, new)
        for requirement in country.requirements
        for case in requirement.cases
        if case.condition is not None
    ]
    return [(fact, candidates(fact, conditions, degrees, today)) for fact in facts_read(old, new)]


def diff_rules(old: RuleSet, new: RuleSet, today: dt.date) -> RuleDiff:
    """Every class of facts whose answer differs between the two rule sets, country by country."""
    degrees = list(dict.fromkeys([*old.degrees, *new.degrees]))
    changes: list[Change] = []
    compared: list[tuple[str, int]] = []
    too_many: list[TooMany] = []
    for code in _common(old, new):
        if _same_rules(old, new, code):
            continue
        domains = classes(old.countries[code], new.countries[code], degrees, today)
        count = math.prod(len(values) + 1 for _, values in domains)
        if count > MAX_CLASSES:
            too_many.append(TooMany(code, count))
            continue
        compared.append((code, count))
        facts = [fact for fact, _ in domains]
        for values in itertools.product(*([*values, UNKNOWN] for _, values in domains)):
            known = tuple((f, v) for f, v in zip(facts, values, strict=True) if v is not UNKNOWN)
            profile = Profile()
            for fact, value in known:
                profile = with_fact(profile, fact, value)
            change = _compare(old, new, code, profile, today)
            if change is not None:
                changes.append(change._replace(facts=known))
    return RuleDiff(tuple(changes), *_added_removed(old, new), tuple(compared), tuple(too_many))


def diff_cohort(
    old: RuleSet, new: RuleSet, profiles: Iterable[tuple[str, Profile, Sequence[str]]], today: dt.date
) -> RuleDiff:
    """The cohort's answers that differ: each profile (label, profile, its countries) under both."""
    common = set(_common(old, new))
    changes: list[Change] = []
    counts: dict[str, int] = {}
    for label, profile, codes in profiles:
        for code in codes:
            if code not in common:
                continue
            counts[code] = counts.get(code, 0) + 1
            change = _compare(old, new, code, profile, today)
            if change is not None:
                changes.append(change._replace(label=label))
    return RuleDiff(tuple(changes), *_added_removed(old, new), tuple(counts.items()))


def _compare(old: RuleSet, new: RuleSet, code: str, profile: Profile, today: dt.date) -> Change | None:
    before = side(evaluate_country(old, old.countries[code], profile, today))
    after = side(evaluate_country(new, new.countries[code], profile, today))
    return None if before.same_answer(after) else Change(code, (), before, after)


def _common(old: RuleSet, new: RuleSet) -> list[str]:
    return [code for code in new.countries if code in old.countries]


def _added_removed(old: RuleSet, new: RuleSet) -> tuple[tuple[str, ...], tuple[str, ...]]:
    added = tuple(code for code in new.countries if code not in old.countries)
    removed = tuple(code for code in old.countries if code not in new.countries)
    return added, removed
