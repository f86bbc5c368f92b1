"""Turning what a person typed for --country into the codes of countries we have rules for."""

from __future__ import annotations

from collections.abc import Iterable

from mlis_cli.errors import UsageError
from mlis_cli.model.iso3166 import ALIASES, NAMES, THE
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.person.profile_input import nearest


def resolve(text: str, ruleset: RuleSet) -> str:
    """A country code from a code, a name or an alias, in any case."""
    key = " ".join(text.strip().lower().split())
    names: dict[str, str] = {}
    for code, country in ruleset.countries.items():
        names[code] = code
        names[country.name.lower()] = code
        names.update((alias.lower(), code) for alias in country.aliases)
    if key in names:
        return names[key]
    iso = ALIASES.get(key) or next((c for c, n in NAMES.items() if n.lower() == key), key)
    if iso in ruleset.countries:
        return iso
    known = iso in NAMES
    close = [] if known else slips(key, names) or nearest(key, ruleset.countries) or nearest(key, names)
    suggestions = list(dict.fromkeys(names[word] for word in close))
    what = f"no rules for {country_name(iso)} ({iso}) yet" if known else f"unknown country '{text}'"
    hint = (
        f"did you mean {', '.join(suggestions)}? " if suggestions else ""
    ) + "'mlis list-countries' shows every country with rules"
    raise UsageError(what, hint=hint)


def country_name(iso: str) -> str:
    """The ISO short name as it reads in a sentence: the Netherlands, Finland."""
    return f"the {NAMES[iso]}" if iso in THE else NAMES[iso]


def slips(key: str, words: Iterable[str]) -> list[str]:
    """The two- and three-letter words one slip away from key: one letter wrong, or two swapped."""
    if not 2 <= len(key) <= 3:
        return []
    found = []
    for word in words:
        if len(word) != len(key) or word == key:
            continue
        wrong = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
        swapped = len(wrong) == 2 and wrong[1] == wrong[0] + 1 and word[wrong[0]] == key[wrong[1]]
        if len(wrong) == 1 or (swapped and word[wrong[1]] == key[wrong[0]]):
            found.append(word)
    return sorted(found)


def resolve_all(values: Iterable[str], every: bool, ruleset: RuleSet) -> list[str]:
    """Codes from repeated and comma-separated --country values, in order, without repeats."""
    codes: dict[str, None] = {}
    for value in values:
        for part in value.split(","):
            if part.strip():
                codes[resolve(part, ruleset)] = None
    if every:
        codes.update(dict.fromkeys(ruleset.countries))
    if not codes:
        raise UsageError("no country given", hint="add --country CODE (e.g. --country fi) or --all")
    return list(codes)
