"""The ways a profile's unknown facts could turn out, as far as a requirement can tell them apart.

For each fact a requirement reads but the profile lacks, the candidate values
come from the rules themselves (the bounds, codes and levels their conditions
mention) plus one value none of them mentions. Values that every condition
treats alike are merged, so the product stays small: a requirement's possible
outcomes are then exact, not an over-estimate.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Sequence
from typing import Any

from mlis_cli.engine.conditions import REGISTRY
from mlis_cli.engine.conditions.logic import leaves
from mlis_cli.model.conditions import Node
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import Requirement
from mlis_cli.model.vocabulary import Level, Sector, Stay

OTHER_COUNTRY = ("~",)
"""A citizenship no rule names: stands for every country the conditions leave out."""

MAX_COMPLETIONS = 4096

Assignment = tuple[tuple[str, Any], ...]


def with_fact(profile: Profile, fact: str, value: Any) -> Profile:
    """The profile with one fact set; 'language:de' sets one language."""
    return profile.with_value(fact, value)


_DOMAINS: dict[
    tuple[tuple[int, ...], str, tuple[str, ...], dt.date, bool], tuple[tuple[Requirement, ...], list[Any]]
] = {}


def spoken(profile: Profile, fact: str) -> bool:
    """Whether the fact is a language the person speaks at a level not given (`de: some`)."""
    return fact.startswith("language:") and fact.partition(":")[2] in profile.languages


def values_to_try(
    requirement: Requirement, fact: str, degrees: tuple[str, ...], today: dt.date, *, some: bool = False
) -> list[Any]:
    """candidates() for a requirement's conditions, remembered: the rules do not change during a run."""
    return group_values_to_try((requirement,), fact, degrees, today, some=some)


def group_values_to_try(
    group: tuple[Requirement, ...], fact: str, degrees: tuple[str, ...], today: dt.date, *, some: bool = False
) -> list[Any]:
    """candidates() for the conditions of requirements completed together, remembered."""
    key = (tuple(map(id, group)), fact, degrees, today, some)
    known = _DOMAINS.get(key)
    if known is not None and all(map(operator.is_, known[0], group)):
        return known[1]
    conditions = [case.condition for rule in group for case in rule.cases if case.condition is not None]
    values = candidates(fact, conditions, degrees, today, some=some)
    if len(_DOMAINS) > 10_000:
        _DOMAINS.clear()
    _DOMAINS[key] = (group, values)
    return values


def candidates(
    fact: str, conditions: Sequence[Node], degrees: Sequence[str], today: dt.date, *, some: bool = False
) -> list[Any]:
    """Values of one unknown fact that the conditions can tell apart, one of each kind.

    some: the fact is a language spoken at a level not given, so every level but none.
    """
    reading = [
        leaf for node in conditions for leaf in leaves(node) if fact in REGISTRY[leaf.key].facts(leaf.arg)
    ]
    values: list[Any]
    if fact == "degree":
        values = list(degrees)
    elif fact.startswith("language:"):
        values = [level for level in Level if not (some and level is Level.NONE)]
    elif fact == "sector":
        values = [sector.value for sector in Sector]
    elif fact == "stay":
        values = [stay.value for stay in Stay]
    elif fact in ("phd", "online"):
        values = [True, False]
    else:
        values = [
            value
            for leaf in reading
            for name, value in REGISTRY[leaf.key].candidates(leaf.arg, today)
            if name == fact
        ]
        if fact == "citizenship":
            values.append(OTHER_COUNTRY)
    kinds: dict[tuple[bool | None, ...], Any] = {}
    for value in values:
        probe = with_fact(Profile(), fact, value)
        signature = tuple(REGISTRY[leaf.key].test(leaf.arg, probe, today) for leaf in reading)
        kinds.setdefault(signature, value)
    return list(kinds.values())


def completions(
    profile: Profile,
    missing: Sequence[str],
    requirement: Requirement,
    degrees: tuple[str, ...],
    today: dt.date,
) -> list[tuple[Assignment, Profile]] | None:
    """Every way the missing facts can turn out, or None when there are too many to try."""
    domains = [
        values_to_try(requirement, fact, degrees, today, some=spoken(profile, fact)) for fact in missing
    ]
    count = 1
    for domain in domains:
        count *= max(len(domain), 1)
    if count > MAX_COMPLETIONS:
        return None
    result = []
    for values in itertools.product(*domains):
        result.append((tuple(zip(missing, values, strict=True)), profile.with_values(missing, values)))
    return result
