"""What would change the verdict: the smallest changes to a profile that improve a country's result.

Pure, like the engine: no printing, no files, no clock. The search is bounded
by the rules: the only values tried for a fact are those the country's
conditions mention (each condition type's `candidates`). It tries every
single actionable change, then every pair of changes to two different
actionable facts, re-evaluating the country with the engine each time, and
keeps the changes that improve the result and are smallest: a change is
dropped when part of it, or a smaller step on the same scale (a lower
language level, fewer years), already does as well.

A result is two verdicts: the verdict (the best case given what is known) and
the worst case. A change improves it when neither gets worse and at least one
gets better, so a path never trades a certain answer for a hoped-for one.
A path may set a fact the person left unknown (an open question): "speaking
'de' at B2 would make Germany case_by_case" tells what would help, whether or
not the person speaks German today.

Age, citizenship and the graduation year are never actions. Where the rules
make them matter, they are reported apart, as conditions that matter: each
value the rules mention, tried alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from itertools import combinations, product
from typing import Any, NamedTuple

from mlis_cli.engine.conditions import REGISTRY, logic
from mlis_cli.engine.conditions.base import join_words
from mlis_cli.engine.conditions.citizenship import CitizenshipArg
from mlis_cli.engine.evaluation import country_verdicts, evaluate_country, evaluate_requirement
from mlis_cli.model.iso3166 import NAMES
from mlis_cli.model.profile import LEVEL_RANK, Profile
from mlis_cli.model.report import (
    ConditionThatMatters,
    CountryResult,
    Effect,
    Report,
    RequirementChange,
    RequirementResult,
    WhatIf,
    WhatIfPath,
)
from mlis_cli.model.ruleset import CitizenGroup, Country, RuleSet
from mlis_cli.model.verdicts import WORDS, Verdict
from mlis_cli.model.vocabulary import Level

ACTIONS: tuple[str, ...] = ("language", "sector", "stay", "degree", "experience", "phd")
"""Facts a person can change, the most practical first.

language: learn it, or reach a higher level. sector: choose which kind of
library to apply to. stay: choose how long to stay. degree: earn another
qualification (a reply to the founding post suggests studying in New Zealand
or Australia for a degree counted as equivalent). experience: keep working; it
takes years, but it is in the person's hands. phd: earn a doctorate; the
founding post advises those set on Belgium to look into a PhD at a Belgian
university, so the rules may name it as a way in.
"""

CONDITIONS: tuple[str, ...] = ("age", "citizenship", "graduated", "online")
"""Facts that may matter but are never suggested as actions: age only grows
(and is nobody's plan), a citizenship is not a step to recommend, and the year
of graduation and how the degree was studied are past."""

RAISED_ONLY = frozenset({"language", "experience", "phd"})
"""Facts on a scale where the action is to go up: a known level, number of
years or doctorate is never lowered, and a lower value is the smaller step."""

BEST: tuple[Verdict, Verdict] = (Verdict.ELIGIBLE, Verdict.ELIGIBLE)

Change = tuple[str, Any]
Changes = tuple[Change, ...]
Ends = tuple[Verdict, Verdict]
"""A country result's verdict and worst case."""


def with_paths(ruleset: RuleSet, report: Report) -> Report:
    """The report with what would change each country's result attached."""
    results = tuple(
        result._replace(
            what_if=what_if(
                ruleset,
                ruleset.countries[result.code],
                report.profile,
                report.today,
                strict=report.strict,
                current=result,
            ),
        )
        for result in report.results
    )
    return report._replace(results=results)


def what_if(
    ruleset: RuleSet,
    country: Country,
    profile: Profile,
    today: dt.date,
    *,
    strict: bool = False,
    current: CountryResult | None = None,
) -> WhatIf:
    """Paths that improve the country's result, best first, and the conditions that matter."""
    search = _Search(ruleset, country, profile, today, strict, current)
    return WhatIf(search.paths(), search.conditions())


def apply(profile: Profile, changes: Iterable[Change]) -> Profile:
    """The profile with these facts changed; a citizenship is added to those already held.

    Values may be as the search gives them or as JSON shows them ('B2', 5).
    """
    updates: dict[str, Any] = {}
    languages = dict(profile.languages)
    for fact, value in changes:
        base, _, code = fact.partition(":")
        if base == "language":
            languages[code] = Level(value)
        elif base == "citizenship":
            added = (value,) if isinstance(value, str) else tuple(value)
            updates["citizenship"] = tuple(sorted({*(profile.citizenship or ()), *added}))
        elif base == "experience":
            updates["experience"] = float(value)
        else:
            updates[base] = value
    return dataclasses.replace(profile, languages=languages, **updates)


def mentioned_values(country: Country, today: dt.date) -> dict[str, tuple[Any, ...]]:
    """Every fact the country's conditions test, with the values they mention, in order of mention."""
    found: dict[str, dict[Any, None]] = {}
    for requirement in country.requirements:
        for case in requirement.cases:
            if case.condition is None:
                continue
            for leaf in logic.leaves(case.condition):
                for fact, value in REGISTRY[leaf.key].candidates(leaf.arg, today):
                    found.setdefault(fact, {})[value] = None
    return {fact: tuple(values) for fact, values in found.items()}


def base_fact(fact: str) -> str:
    """'language:de' -> 'language'"""
    return fact.partition(":")[0]


def _effort(fact: str, value: Any) -> float:
    base = base_fact(fact)
    if base == "language":
        return LEVEL_RANK[Level(value)]
    if base == "phd":
        return 1.0 if value else 0.0
    return float(value)


class _Result(NamedTuple):
    """What the search needs of a country result: its two verdicts and its requirements."""

    verdict: Verdict
    worst_case: Verdict
    requirements: tuple[RequirementResult, ...]


def _ends(result: _Result) -> Ends:
    return result.verdict, result.worst_case


def _at_least_as_good(a: Ends, b: Ends) -> bool:
    return a[0].rank <= b[0].rank and a[1].rank <= b[1].rank


def _improves(new: Ends, old: Ends) -> bool:
    return new != old and _at_least_as_good(new, old)


def _known_improvement(new: Ends, old: Ends) -> bool:
    """An improvement a person can act on: an end that gets better reaches a known verdict.

    Leaving a known barrier for what the sources are silent on (unlikely to
    unknown) ranks better on the scale, but it is no path to recommend.
    """
    return _improves(new, old) and any(
        after.rank < before.rank and after is not Verdict.UNKNOWN
        for after, before in zip(new, old, strict=True)
    )


def _no_bigger(a: Changes, b: Changes) -> bool:
    """Whether a asks for no more than b: a subset of b's facts, each at most as far up a scale."""
    wanted = dict(b)
    for fact, value in a:
        if fact not in wanted:
            return False
        other = wanted[fact]
        if value == other:
            continue
        if base_fact(fact) not in RAISED_ONLY or _effort(fact, value) > _effort(fact, other):
            return False
    return True


class _Search:
    def __init__(
        self,
        ruleset: RuleSet,
        country: Country,
        profile: Profile,
        today: dt.date,
        strict: bool,
        current: CountryResult | None,
    ) -> None:
        self.ruleset = ruleset
        self.country = country
        self.profile = profile
        self.today = today
        self.strict = strict
        now = current or evaluate_country(ruleset, country, profile, today, strict=strict)
        self.current = _Result(now.verdict, now.worst_case, now.requirements)
        self.mentioned = mentioned_values(country, today)
        self._results: dict[Changes, _Result] = {}
        # A requirement's result depends only on the facts its cases read, so a
        # change re-evaluates only the requirements that read a changed fact.
        self._reads = [requirement.facts for requirement in country.requirements]
        self._degrees = tuple(ruleset.degrees)
        self._requirements: dict[tuple[int, tuple[Any, ...]], RequirementResult] = {}

    def result(self, changes: Changes) -> _Result:
        """What the changes give, as the engine would, re-evaluating only requirements they touch."""
        if changes in self._results:
            return self._results[changes]
        profile = apply(self.profile, changes)
        requirements = []
        for index, requirement in enumerate(self.country.requirements):
            key = (index, tuple(profile.value(fact) for fact in self._reads[index]))
            if key not in self._requirements:
                self._requirements[key] = evaluate_requirement(
                    requirement, profile, self.today, self._degrees
                )
            requirements.append(self._requirements[key])
        verdict, worst_case = country_verdicts(
            self.country.requirements, requirements, profile, self.today, self._degrees
        )
        result = _Result(worst_case if self.strict else verdict, worst_case, tuple(requirements))
        self._results[changes] = result
        return result

    # Paths: actions

    def options(self) -> dict[str, tuple[Any, ...]]:
        """The actionable changes to try, per fact, facts in order of preference, smaller steps first."""
        facts = [fact for fact in self.mentioned if base_fact(fact) in ACTIONS]
        facts.sort(key=lambda fact: ACTIONS.index(base_fact(fact)))
        options: dict[str, tuple[Any, ...]] = {}
        for fact in facts:
            values = [value for value in self.mentioned[fact] if self._is_action(fact, value)]
            if base_fact(fact) in RAISED_ONLY:
                values.sort(key=lambda value: _effort(fact, value))
            if values:
                options[fact] = tuple(values)
        return options

    def _is_action(self, fact: str, value: Any) -> bool:
        current = self.profile.value(fact)
        if current is None:
            return True
        if base_fact(fact) in RAISED_ONLY:
            return _effort(fact, value) > _effort(fact, current)
        return bool(value != current)

    def paths(self) -> tuple[WhatIfPath, ...]:
        now = _ends(self.current)
        if now == BEST:
            return ()
        options = self.options()
        found: dict[Changes, Ends] = {}
        at_best: set[Change] = set()
        for fact, values in options.items():
            for value in values:
                changes: Changes = ((fact, value),)
                ends = _ends(self.result(changes))
                if _known_improvement(ends, now):
                    found[changes] = ends
                if ends == BEST:
                    at_best.add((fact, value))
        for (first, first_values), (second, second_values) in combinations(options.items(), 2):
            for one, two in product(first_values, second_values):
                if (first, one) in at_best or (second, two) in at_best:
                    continue  # one change alone is already the best there is
                changes = ((first, one), (second, two))
                ends = _ends(self.result(changes))
                if _known_improvement(ends, now):
                    found[changes] = ends
        smallest = [
            changes
            for changes, ends in found.items()
            if not any(
                other != changes and _no_bigger(other, changes) and _at_least_as_good(found[other], ends)
                for other in found
            )
        ]
        facts = list(options)

        def rank(changes: Changes) -> tuple[Any, ...]:
            verdict, worst_case = found[changes]
            return (
                worst_case.rank,
                verdict.rank,
                len(changes),
                [facts.index(fact) for fact, _ in changes],
                [options[fact].index(value) for fact, value in changes],
            )

        return tuple(self._path(changes) for changes in sorted(smallest, key=rank))

    def _path(self, changes: Changes) -> WhatIfPath:
        result = self.result(changes)
        changed = _changed(self.current, result)
        steps: dict[str, None] = {}
        for requirement in changed:
            steps.update(dict.fromkeys(_steps_of(requirement)))
        action = join_words([self._action_words(fact, value) for fact, value in changes], "and")
        return WhatIfPath(
            changes=changes,
            verdict=result.verdict,
            worst_case=result.worst_case,
            was_verdict=self.current.verdict,
            was_worst_case=self.current.worst_case,
            requirements=tuple(_requirement_change(self.current, r) for r in changed),
            next_steps=tuple(steps),
            sources=_sources_of(changed),
            action=action,
            sentence=self._sentence([action], result),
        )

    def _sentence(self, actions: list[str], result: _Result) -> str:
        return (
            f"{_capitalized(join_words(actions))} would make {self.country.name} "
            f"{_verdict_words(result)} (now {_verdict_words(self.current)})."
        )

    def _action_words(self, fact: str, value: Any) -> str:
        base, _, code = fact.partition(":")
        if base == "language":
            level = Level(value)
            if level is Level.NONE:
                return f"not speaking '{code}'"
            if level is Level.NATIVE:
                return f"speaking '{code}' as a native speaker"
            return f"speaking '{code}' at {level.value}"
        if base == "sector":
            return f"a post in {_article(value)} {value} library"
        if base == "stay":
            return f"a {value} stay"
        if base == "degree":
            degree = self.ruleset.degrees.get(value)
            return f"the degree '{value}' ({degree.name})" if degree else f"the degree '{value}'"
        if base == "experience":
            years = _number(value)
            return f"{years} year{'' if years == '1' else 's'} of professional experience"
        return "holding a doctorate" if value else "holding no doctorate"

    # Conditions that matter: facts that are no action

    def conditions(self) -> tuple[ConditionThatMatters, ...]:
        now = _ends(self.current)
        found: list[ConditionThatMatters] = []
        for fact in CONDITIONS:
            groups: dict[tuple[Ends, tuple[RequirementChange, ...]], list[Any]] = {}
            for values in self._condition_values(fact):
                change = ((fact, values[0]),)
                if _ends(self.result(change)) == now:
                    continue
                result = self.result(change)
                if fact != "citizenship":
                    found.append(self._condition(fact, values, result))
                    continue
                changes = tuple(_requirement_change(self.current, r) for r in _changed(self.current, result))
                groups.setdefault((_ends(result), changes), []).extend(values)
            found.extend(
                self._condition(fact, tuple(sorted(values)), self.result(((fact, values[0]),)))
                for values in groups.values()
            )
        return tuple(found)

    def _condition_values(self, fact: str) -> list[tuple[Any, ...]]:
        """The values to try, each with the values that must give the same result."""
        values = self.mentioned.get(fact, ())
        current = self.profile.value(fact)
        if fact == "citizenship":
            return self._citizenship_classes(set(current or ()))
        if fact == "age" and current is not None:
            return [(value,) for value in sorted(set(values)) if value > current]  # age only grows
        return [(value,) for value in sorted(set(values)) if value != current]

    def _citizenship_classes(self, held: set[str]) -> list[tuple[str, ...]]:
        """Citizenships not held, grouped by the conditions that name them.

        Two codes named by exactly the same conditions give the same result when
        added, so one of each group is evaluated: the EEA's thirty members cost
        one evaluation, not thirty.
        """
        named: list[frozenset[str]] = [
            leaf.arg.countries
            for requirement in self.country.requirements
            for case in requirement.cases
            if case.condition is not None
            for leaf in logic.leaves(case.condition)
            if isinstance(leaf.arg, CitizenshipArg)
        ]
        classes: dict[tuple[bool, ...], list[str]] = {}
        for code in sorted(set().union(*named) - held):
            classes.setdefault(tuple(code in countries for countries in named), []).append(code)
        return [tuple(codes) for codes in classes.values()]

    def _condition(self, fact: str, values: tuple[Any, ...], result: _Result) -> ConditionThatMatters:
        now, then = _ends(self.current), _ends(result)
        if _improves(then, now):
            effect = Effect.BETTER
        elif _improves(now, then):
            effect = Effect.WORSE
        else:
            effect = Effect.DIFFERENT
        changed = _changed(self.current, result)
        if fact == "age":
            words = f"at age {values[0]}"
        elif fact == "citizenship":
            words = f"with a citizenship of {_countries_words(values, self.ruleset.groups.values())}"
        elif fact == "online":
            words = (
                "with a degree studied fully online"
                if values[0]
                else "with a degree not studied fully online"
            )
        else:
            words = f"having graduated in {values[0]}"
        sentence = (
            f"{_capitalized(words)}, {self.country.name} would be {_verdict_words(result)} "
            f"(now {_verdict_words(self.current)})."
        )
        return ConditionThatMatters(
            fact=fact,
            values=values,
            effect=effect,
            verdict=result.verdict,
            worst_case=result.worst_case,
            was_verdict=self.current.verdict,
            was_worst_case=self.current.worst_case,
            requirements=tuple(_requirement_change(self.current, r) for r in changed),
            sources=_sources_of(changed),
            sentence=sentence,
        )


def _changed(before: _Result, after: _Result) -> list[RequirementResult]:
    """The requirements of `after` whose possible outcomes differ from `before`."""
    return [
        new
        for old, new in zip(before.requirements, after.requirements, strict=True)
        if old.outcomes != new.outcomes
    ]


def _requirement_change(before: _Result, after: RequirementResult) -> RequirementChange:
    old = next(r for r in before.requirements if r.id == after.id)
    return RequirementChange(
        id=after.id,
        title=after.title,
        was_verdict=old.verdict,
        was_worst_case=old.worst_case,
        verdict=after.verdict,
        worst_case=after.worst_case,
        reason=after.outcome.reason,
    )


def _steps_of(requirement: RequirementResult) -> tuple[str, ...]:
    """As the engine's next steps: an open requirement's worst case, to be safe."""
    return requirement.worst_outcome.steps


def _sources_of(requirements: Iterable[RequirementResult]) -> tuple[str, ...]:
    cited: dict[str, None] = {}
    for requirement in requirements:
        for outcome in requirement.outcomes:
            cited.update(dict.fromkeys(outcome.sources))
    return tuple(cited)


def _verdict_words(result: _Result) -> str:
    return ends_words(result.verdict, result.worst_case)


def ends_words(verdict: Verdict, worst_case: Verdict) -> str:
    """'conditional', or 'eligible at best, unlikely at worst' when open questions remain: words for
    people ('decided case by case'), in the sentences JSON carries too."""
    if verdict == worst_case:
        return WORDS[verdict]
    return f"{WORDS[verdict]} at best, {WORDS[worst_case]} at worst"


def grouped_sentences(paths: Iterable[WhatIfPath], country_name: str) -> list[str]:
    """Paths in words; one-change alternatives with the same result share a sentence.

    "A post in an academic library or a post in a corporate library would make Belgium ..."
    """
    sentences: list[str] = []
    group: list[WhatIfPath] = []

    def flush() -> None:
        if len(group) == 1:
            sentences.append(group[0].sentence)
        elif group:
            first = group[0]
            actions = join_words([path.action for path in group])
            sentences.append(
                f"{_capitalized(actions)} would make {country_name} "
                f"{ends_words(first.verdict, first.worst_case)} "
                f"(now {ends_words(first.was_verdict, first.was_worst_case)})."
            )
        group.clear()

    for path in paths:
        if group and not _alternatives(group[0], path):
            flush()
        group.append(path)
    flush()
    return sentences


def _alternatives(a: WhatIfPath, b: WhatIfPath) -> bool:
    """One-change paths on the same fact with the same result."""
    return (
        len(a.changes) == len(b.changes) == 1
        and a.changes[0][0] == b.changes[0][0]
        and (a.verdict, a.worst_case) == (b.verdict, b.worst_case)
    )


def _countries_words(codes: Iterable[str], groups: Iterable[CitizenGroup]) -> str:
    """Codes in words, whole groups by name first: 'an EEA country or Switzerland'."""
    remaining = set(codes)
    parts: list[str] = []
    for group in sorted(groups, key=lambda g: (-len(g.members), g.code)):
        if group.members <= remaining:
            label = group.code.upper()
            parts.append(f"{_article(label)} {label} country")
            remaining -= group.members
    parts += [NAMES.get(code, code) for code in sorted(remaining)]
    return join_words(parts)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value: Any) -> str:
    return f"{float(value):g}"


__all__ = ["apply", "ends_words", "grouped_sentences", "mentioned_values", "what_if", "with_paths"]
