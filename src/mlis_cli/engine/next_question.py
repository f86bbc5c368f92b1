"""Which open question to ask next: the one whose answer splits the possible results most.

For each fact still open in a report, every value the rules tell apart is tried
(the values `completions` tries); each value gives one result, a verdict and a
worst case per country. Only the facts of countries whose answer is not yet
complete are tried, since a complete answer cannot change. Among them, the fact
giving the most different results comes first; a tie goes to the fact whose
values spread most evenly over those results, then to the order of the open
questions. Pure: no printing, no reading.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from mlis_cli.engine.completions import spoken, values_to_try, with_fact
from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import Verdict

Ends = tuple[tuple[str, Verdict, Verdict], ...]
"""(country, verdict, worst case) for each country asked about."""


class Choice(NamedTuple):
    fact: str
    """As the open questions name it: 'age', 'language:de'."""
    results: int
    """How many different results its values give."""
    values: tuple[Any, ...]
    """The values tried, one of each kind the rules tell apart."""


def open_facts(ruleset: RuleSet, profile: Profile, codes: Sequence[str], today: dt.date) -> list[str]:
    """The open questions of every country whose answer is not complete, in report order.

    A complete answer (verdict and worst case agree) cannot change, whatever else is told.
    """
    facts: dict[str, None] = {}
    for code in codes:
        result = evaluate_country(ruleset, ruleset.countries[code], profile, today)
        if not result.complete:
            facts.update(dict.fromkeys(question.fact for question in result.open_questions))
    return list(facts)


def next_question(
    ruleset: RuleSet,
    profile: Profile,
    codes: Sequence[str],
    today: dt.date,
    *,
    skip: Collection[str] = (),
) -> Choice | None:
    """The open fact to ask about next, or None when the answer is complete (or every open
    fact was skipped).

    Where no single answer changes the result but it is still incomplete (two facts decide
    together, as citizenship and age for a working holiday), the first open fact is chosen,
    with `results` 1.

    skip: facts not to ask again (the person passed them over).
    """
    best: tuple[tuple[int, float, int], Choice] | None = None
    first: Choice | None = None
    degrees = tuple(ruleset.degrees)
    for order, fact in enumerate(open_facts(ruleset, profile, codes, today)):
        if fact in skip:
            continue
        values = _values(ruleset, profile, codes, fact, degrees, today)
        outcomes = Counter(_ends(ruleset, with_fact(profile, fact, value), codes, today) for value in values)
        first = first or Choice(fact, 1, tuple(values))
        if len(outcomes) < 2:
            continue
        rank = (len(outcomes), _spread(outcomes.values()), -order)
        if best is None or rank > best[0]:
            best = (rank, Choice(fact, len(outcomes), tuple(values)))
    return best[1] if best else first


def _values(
    ruleset: RuleSet,
    profile: Profile,
    codes: Sequence[str],
    fact: str,
    degrees: tuple[str, ...],
    today: dt.date,
) -> list[Any]:
    values: dict[Any, None] = {}
    for code in codes:
        for requirement in ruleset.countries[code].requirements:
            if fact in requirement.facts:
                some = spoken(profile, fact)
                values.update(dict.fromkeys(values_to_try(requirement, fact, degrees, today, some=some)))
    return list(values)


def _ends(ruleset: RuleSet, profile: Profile, codes: Sequence[str], today: dt.date) -> Ends:
    results = (evaluate_country(ruleset, ruleset.countries[code], profile, today) for code in codes)
    return tuple((result.code, result.verdict, result.worst_case) for result in results)


def _spread(counts: Collection[int]) -> float:
    """How evenly the values fall over the results (entropy, in bits): higher splits better."""
    total = sum(counts)
    return -sum(count / total * math.log2(count / total) for count in counts)


def is_complete(ruleset: RuleSet, profile: Profile, codes: Sequence[str], today: dt.date) -> bool:
    return all(evaluate_country(ruleset, ruleset.countries[code], profile, today).complete for code in codes)
