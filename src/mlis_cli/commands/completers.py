"""Shell completion of option values from the rule data: countries, degrees, sectors, languages, topics.

Each completer reads the rules the command would read (--rules-dir, MLIS_RULES_DIR
or the shipped ones). Completion runs inside the user's shell at every Tab, so a
rules directory that cannot be read offers nothing rather than an error.
Comma-separated values (`--country fi,d`) complete their last item.

Commands name these functions when they declare their options, so this module
imports what a completer needs only when it runs: a command's --help pays for
none of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer  # Typer reads the completers' annotations: typer.Context must resolve

from mlis_cli.errors import MlisError

if TYPE_CHECKING:
    from mlis_cli.model.conditions import Node
    from mlis_cli.model.ruleset import RuleSet

Completions = list[tuple[str, str]]


def _ruleset(ctx: typer.Context) -> RuleSet | None:
    from mlis_cli.commands.shared import load_rules

    option = ctx.params.get("rules_dir")
    try:
        return load_rules(Path(option) if option else None)
    except (MlisError, OSError, ValueError):
        return None


def _matching(incomplete: str, choices: Iterable[tuple[str, str]]) -> Completions:
    """Choices whose code starts with the last comma-separated item typed, after the items before it."""
    done, comma, last = incomplete.rpartition(",")
    before = done + comma
    prefix = last.strip().lower()
    typed = {item.strip().lower() for item in done.split(",")}
    return [(before + code, help) for code, help in choices if code.startswith(prefix) and code not in typed]


def countries(ctx: typer.Context, incomplete: str) -> Completions:
    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    return _matching(incomplete, ((code, c.name) for code, c in sorted(ruleset.countries.items())))


def degrees(ctx: typer.Context, incomplete: str) -> Completions:
    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    return _matching(incomplete, ((code, d.name) for code, d in ruleset.degrees.items()))


def guides(ctx: typer.Context, incomplete: str) -> Completions:
    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    return _matching(incomplete, ((guide.name, guide.title) for guide in ruleset.guides))


def citizenships(incomplete: str) -> Completions:
    from mlis_cli.model.iso3166 import NAMES

    return _matching(incomplete, sorted(NAMES.items()))


def sectors(incomplete: str) -> Completions:
    from mlis_cli.model.vocabulary import Sector

    return _matching(incomplete, ((sector.value, "") for sector in Sector))


def stays(incomplete: str) -> Completions:
    from mlis_cli.model.vocabulary import Stay

    return _matching(incomplete, ((stay.value, "") for stay in Stay))


def rule_languages(ruleset: RuleSet) -> list[str]:
    """The language codes that the rules' language conditions name, sorted."""
    found: set[str] = set()
    for country in ruleset.countries.values():
        for requirement in country.requirements:
            for case in requirement.cases:
                if case.condition is not None:
                    found.update(_languages_in(case.condition))
    return sorted(found)


def _languages_in(node: Node) -> Iterator[str]:
    from mlis_cli.model.conditions import AllOf, AnyOf, Leaf, Not

    if isinstance(node, Leaf):
        if node.key == "language":
            yield from (code for code, _level in node.arg)
    elif isinstance(node, AllOf | AnyOf):
        for item in node.items:
            yield from _languages_in(item)
    elif isinstance(node, Not):
        yield from _languages_in(node.item)


def languages(ctx: typer.Context, incomplete: str) -> Completions:
    """CODE: from the languages the rules ask about, then CODE:LEVEL once the colon is typed."""
    from mlis_cli.model.profile import SOME
    from mlis_cli.model.vocabulary import Level

    done, comma, last = incomplete.rpartition(",")
    code, colon, _level = last.partition(":")
    if colon:
        levels = ((f"{code}:{word}", "") for word in (*(level.value for level in Level), SOME))
        return [(done + comma + value, help) for value, help in levels if value.startswith(last)]
    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    return _matching(incomplete, ((f"{code}:", "") for code in rule_languages(ruleset)))


def topics(ctx: typer.Context, incomplete: str) -> Completions:
    """The certificates' topics, as `--topic` matches them (any case)."""
    from mlis_cli.catalog.certificate_filter import topics as certificate_topics

    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    prefix = incomplete.lower()
    found = certificate_topics(ruleset.certificates.entries)
    return [(topic, "") for topic in found if topic.startswith(prefix)]


def facts(incomplete: str) -> Completions:
    from mlis_cli.person.fact_answers import NAMES_FOR_PEOPLE

    return [(name, "") for name in NAMES_FOR_PEOPLE if name.startswith(incomplete.lower())]


def fact_values(ctx: typer.Context, incomplete: str) -> Completions:
    """Values for `mlis profile set FACT VALUE`, chosen by the FACT already typed."""
    from mlis_cli.person.fact_answers import fact_key

    try:
        key = fact_key(str(ctx.params.get("fact") or ""))
    except MlisError:
        return []
    if key == "degree":
        return degrees(ctx, incomplete)
    if key == "citizenship":
        return citizenships(incomplete)
    if key == "languages":
        return languages(ctx, incomplete)
    if key == "sector":
        return sectors(incomplete)
    if key == "stay":
        return stays(incomplete)
    if key in ("phd", "online"):
        return [(word, "") for word in ("yes", "no") if word.startswith(incomplete.lower())]
    return []
