"""What evaluating a profile gives: plain, immutable results that every renderer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import SeeAlso, Source
from mlis_cli.verdicts import Verdict

SCHEMA_VERSION = 1


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    OPEN = "open"


class TrialResult(StrEnum):
    MATCHED = "matched"
    NOT_MATCHED = "not_matched"
    UNANSWERED = "unanswered"
    NOT_REACHED = "not_reached"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One result a requirement can give; `condition` is None for the otherwise case."""

    case: int | None
    condition: str | None
    verdict: Verdict
    reason: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    see: tuple[SeeAlso, ...] = ()
    """Commands that continue the steps, where the rules say so."""


@dataclass(frozen=True, slots=True)
class Trial:
    """One case tried, for --explain."""

    case: int
    condition: str | None
    result: TrialResult
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RequirementResult:
    id: str
    kind: str
    title: str
    status: Status
    verdict: Verdict
    worst_case: Verdict
    outcome: Outcome
    """The outcome shown first: the one that applies, or the best still possible."""
    outcomes: tuple[Outcome, ...]
    """Every outcome still possible given the facts known, best first."""
    trials: tuple[Trial, ...]
    compared: tuple[tuple[str, Any], ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    fact: str
    flag: str
    question: str
    settles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryResult:
    code: str
    name: str
    group: str
    association: str
    verdict: Verdict
    worst_case: Verdict
    complete: bool
    requirements: tuple[RequirementResult, ...]
    open_questions: tuple[OpenQuestion, ...]
    next_steps: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date
    stale: bool
    see: tuple[SeeAlso, ...] = ()
    """Commands that continue the next steps, gathered like them."""


@dataclass(frozen=True, slots=True)
class Report:
    profile: Profile
    results: tuple[CountryResult, ...]
    strict: bool
    today: dt.date
