"""Countries' short answers (verdict, worst case, completeness, open questions), remembered.

Batch runs evaluate the same rules against thousands of profiles, and most of
them look alike to the rules: ages 25 and 26 pass and fail exactly the same
age tests. Each fact value is reduced to its class, the results of every test
a country's rules make on that fact, and the engine runs once per combination
of classes. The answer is exactly the engine's: two profiles whose facts fall
in the same classes pass and fail the same tests, so every case, completion
and open question comes out the same.

Classes are computed once per profile for every fact, against every test of
every country, so each country's answer is one tuple lookup. Pure: no I/O;
tables are emptied when they grow past a bound, so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mlis_cli.engine.conditions import REGISTRY
from mlis_cli.engine.conditions.logic import leaves
from mlis_cli.engine.evaluation import evaluate_requirement, joint_best
from mlis_cli.model.conditions import Leaf
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import Country, Requirement, RuleSet
from mlis_cli.model.verdicts import Verdict, worst

PLAIN_FACTS = ("degree", "citizenship", "age", "sector", "stay", "graduated", "experience", "phd", "online")
REDUCED_FACTS = ("citizenship", "age", "experience", "graduated")
"""Facts with many values that the rules compare against a few (and every language);
the other facts are few-valued and used as they are."""

MAX_REMEMBERED = 32_768
"""Entries a table keeps before it is emptied. Big enough for the combinations of classes a
country sees in a large varied cohort (at most some 17,000 per country for 200,000 random
profiles), so that a long batch stops recomputing them; the tables of 200,000 profiles take
under 10 MB."""
BARRIERS = (Verdict.UNLIKELY, Verdict.INELIGIBLE)
"""A requirement whose worst case is one of these stands, or may stand, in the way."""

SOME = "some"
"""A language's value when spoken at a level not given (`de: some`): not the same as not
given, since it meets A1. Its probe profile names the language with no level."""


@dataclass(frozen=True, eq=False)
class Summary:
    """A country's short answer. Compared by identity: equal answers are one object while
    remembered, so a writer can remember what it made of each (batch's JSON text)."""

    country: str
    verdict: Verdict
    worst_case: Verdict
    complete: bool
    open_questions: tuple[str, ...]
    rank: int
    """The verdict's place on the scale, for the worst-so-far of a run."""
    barriers: tuple[str, ...] = ()
    """The requirements that stand or may stand in the way (worst case unlikely or ineligible),
    for summaries of a cohort; batch records leave them out."""


def summary_of(
    country: str,
    verdict: Verdict,
    worst_case: Verdict,
    complete: bool,
    open_questions: tuple[str, ...],
    barriers: tuple[str, ...] = (),
) -> Summary:
    return Summary(country, verdict, worst_case, complete, open_questions, verdict.rank, barriers)


class Summaries:
    """Short answers for every country of a rule set, for one evaluation date."""

    def __init__(self, ruleset: RuleSet, today: dt.date, *, strict: bool) -> None:
        self.today = today
        languages: dict[str, None] = {}
        for country in ruleset.countries.values():
            for requirement in country.requirements:
                for fact in requirement.facts:
                    if fact.startswith("language:"):
                        languages[fact.partition(":")[2]] = None
        self._languages = tuple(languages)
        self.facts = (*PLAIN_FACTS, *(f"language:{code}" for code in self._languages))
        tests: dict[str, list[tuple[str, Leaf]]] = {fact: [] for fact in self.facts if _reduced(fact)}
        for code, country in ruleset.countries.items():
            for requirement in country.requirements:
                for case in requirement.cases:
                    for leaf in leaves(case.condition) if case.condition is not None else ():
                        for fact in REGISTRY[leaf.key].facts(leaf.arg):
                            if fact in tests:
                                tests[fact].append((code, leaf))
        self._tests = [[leaf for _, leaf in tests.get(fact, ())] or None for fact in self.facts]
        self._ids: list[dict[Any, int]] = [{} for _ in self.facts]
        # Each fact's values seen so far and their classes, read in C by map(getitem, ...).
        self._seen: list[dict[Any, Any]] = [{} for _ in self.facts]
        self.signatures: list[list[tuple[bool | None, ...]]] = [[] for _ in self.facts]
        slots = {fact: index for index, fact in enumerate(self.facts)}
        self._countries = {
            code: _Country(
                self,
                ruleset,
                country,
                strict,
                slots,
                {
                    slots[fact]: [position for position, (owner, _) in enumerate(pairs) if owner == code]
                    for fact, pairs in tests.items()
                },
            )
            for code, country in ruleset.countries.items()
        }

    def of(self, profile: Profile, codes: Sequence[str]) -> list[Summary]:
        """The answer for each country, in the order asked."""
        get = profile.level
        spoken = profile.languages
        values = (
            profile.degree,
            profile.citizenship,
            profile.age,
            profile.sector,
            profile.stay,
            profile.graduated,
            profile.experience,
            profile.phd,
            profile.online,
            *(SOME if code in spoken and spoken[code] is None else get(code) for code in self._languages),
        )
        try:
            classes = tuple(map(operator.getitem, self._seen, values))
        except KeyError:
            for slot, value in enumerate(values):
                if value not in self._seen[slot]:
                    _remember(self._seen[slot], value, self._class(slot, value))
            classes = tuple(map(operator.getitem, self._seen, values))
        countries = self._countries
        answers = []
        for code in codes:
            country = countries[code]
            try:  # an answer already known, looked up without a call per country
                answers.append(
                    country.known[tuple(map(operator.getitem, country.maps, country.pick(classes)))]
                )
            except KeyError:
                answers.append(country.summary(profile, classes))
        return answers

    def _class(self, slot: int, value: Any) -> Any:
        """A fact's value as the rules see it: a number for a reduced fact, else the value itself."""
        if value is None or self._tests[slot] is None:
            return value
        number = self._ids[slot].get(value)
        return number if number is not None else self._id_of(slot, value)

    def _id_of(self, slot: int, value: Any) -> int:
        """A number for what every test of the rules makes of this value of one fact."""
        tests = self._tests[slot]
        assert tests is not None
        probe = Profile().with_value(self.facts[slot], None if value == SOME else value)
        signature = tuple(REGISTRY[leaf.key].test(leaf.arg, probe, self.today) for leaf in tests)
        known = self.signatures[slot]
        try:
            number = known.index(signature)
        except ValueError:
            number = len(known)
            known.append(signature)
        ids = self._ids[slot]
        if len(ids) >= MAX_REMEMBERED:
            ids.clear()
        ids[value] = number
        return number


class _Country:
    def __init__(
        self,
        owner: Summaries,
        ruleset: RuleSet,
        country: Country,
        strict: bool,
        slots: dict[str, int],
        positions: dict[int, list[int]],
    ) -> None:
        self.owner, self.country, self.today, self.strict = owner, country, owner.today, strict
        facts: dict[str, None] = {}
        for requirement in country.requirements:
            facts.update(dict.fromkeys(requirement.facts))
        self._slots = [slots[fact] for fact in facts]
        self.pick = _picker(self._slots)
        self._positions = [positions.get(slot) for slot in self._slots]
        self._local: list[list[int]] = [[] for _ in self._slots]
        self._local_numbers: list[dict[tuple[bool | None, ...], int]] = [{} for _ in self._slots]
        # pick, maps and known are read by Summaries.of's look-up of answers already known.
        # pick: this country's facts from the tuple of every fact's class.
        # maps: for each fact, what this country makes of each class seen so far: filled on
        # first sight, then read in C by map(getitem, ...).
        # known: the answers by those local classes.
        self.maps: list[dict[Any, Any]] = [{} for _ in self._slots]
        self.known: dict[tuple[Any, ...], Summary] = {}
        self._seen: dict[tuple[Any, ...], Summary] = {}
        self._degrees = tuple(ruleset.degrees)
        self._rules = country.requirements
        self._requirements: list[tuple[Requirement, Callable[[Any], Any], dict[Any, Any]]] = [
            (requirement, _picker([list(facts).index(fact) for fact in requirement.facts]), {})
            for requirement in country.requirements
        ]

    def summary(self, profile: Profile, classes: tuple[Any, ...]) -> Summary:
        seen = self.pick(classes)
        try:
            key = tuple(map(operator.getitem, self.maps, seen))
        except KeyError:
            for index, value in enumerate(seen):
                self.maps[index].setdefault(value, self._local_class(index, value))
            key = tuple(map(operator.getitem, self.maps, seen))
        answer = self.known.get(key)
        if answer is None:
            answer = self._combine(profile, key)
            _remember(self.known, key, answer)
        return answer

    def _local_class(self, index: int, value: Any) -> Any:
        """This country's class of a fact's class: only its own tests count."""
        if value is None or self._positions[index] is None:
            return value
        local = self._local[index]
        return local[value] if value < len(local) else self._local_id(index, value)

    def _local_id(self, index: int, number: int) -> int:
        positions = self._positions[index]
        assert positions is not None
        signatures = self.owner.signatures[self._slots[index]]
        local = self._local[index]
        # One number per signature this country's tests give, kept for the whole run: two
        # global classes are one local class exactly when this country's tests agree on them.
        numbers = self._local_numbers[index]
        while len(local) <= number:
            own = tuple(signatures[len(local)][p] for p in positions)
            local.append(numbers.setdefault(own, len(numbers)))
        return local[number]

    def _combine(self, profile: Profile, key: tuple[Any, ...]) -> Summary:
        """The country's answer from its requirements' answers, as the engine combines them.

        A requirement reads fewer facts than its country, so its answers repeat
        far more often: each is remembered by the classes of its own facts.
        """
        verdicts, worst_cases, open_questions, barriers = [], [], {}, []
        for requirement, pick, table in self._requirements:
            own = pick(key)
            answer = table.get(own)
            if answer is None:
                result = evaluate_requirement(requirement, profile, self.today, self._degrees)
                answer = (result.verdict, result.worst_case, result.missing)
                _remember(table, own, answer)
            verdicts.append(answer[0])
            worst_cases.append(answer[1])
            open_questions.update(dict.fromkeys(answer[2]))
            if answer[1] in BARRIERS:
                barriers.append(requirement.id)
        ends = list(zip(verdicts, worst_cases, strict=True))
        verdict = joint_best(self._rules, ends, profile, self.today, self._degrees)
        worst_case = worst(worst_cases)
        shown = worst_case if self.strict else verdict
        fields = (shown, worst_case, verdict == worst_case, tuple(open_questions), tuple(barriers))
        summary = self._seen.get(fields)
        if summary is None:
            summary = summary_of(self.country.code, *fields)
            _remember(self._seen, fields, summary)
        return summary


def _reduced(fact: str) -> bool:
    return fact in REDUCED_FACTS or fact.startswith("language:")


def _picker(indices: list[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A function taking the values at these positions, always as a tuple; it pickles."""
    if len(indices) == 1:
        # itemgetter of one index gives the value itself; of a slice, a tuple of it
        return operator.itemgetter(slice(indices[0], indices[0] + 1))
    if not indices:
        return operator.itemgetter(slice(0, 0))
    return operator.itemgetter(*indices)


def _remember(table: dict[Any, Any], key: Any, value: Any) -> None:
    if len(table) >= MAX_REMEMBERED:
        table.clear()
    table[key] = value
