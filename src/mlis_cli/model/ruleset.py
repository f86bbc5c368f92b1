"""The rules as the engine uses them: validated, cross-checked, with conditions built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mlis_cli.conditions.base import Node
from mlis_cli.model.rule_files import Expectation
from mlis_cli.verdicts import Verdict


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None
    date: str
    reliability: str
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "date": self.date,
            "reliability": self.reliability,
        }


@dataclass(frozen=True, slots=True)
class Case:
    condition: Node | None
    """None for the `otherwise` case."""
    description: str | None
    """The condition in words; None for the `otherwise` case."""
    facts: tuple[str, ...]
    """The profile facts the condition reads."""
    verdict: Verdict
    reason: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    kind: str
    title: str
    cases: tuple[Case, ...]
    facts: tuple[str, ...]
    """Every fact any of its cases reads, in order of first mention."""


@dataclass(frozen=True, slots=True)
class RuleTest:
    name: str
    profile: dict[str, Any]
    today: dt.date
    expect: Expectation


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    group: str
    association: str
    reviewed: dt.date
    requirements: tuple[Requirement, ...]
    tests: tuple[RuleTest, ...] = ()
    file: str = ""


@dataclass(frozen=True, slots=True)
class Degree:
    code: str
    name: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CitizenGroup:
    code: str
    name: str
    members: frozenset[str]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    countries: dict[str, Country]
    degrees: dict[str, Degree]
    groups: dict[str, CitizenGroup]
    sources: dict[str, Source]
