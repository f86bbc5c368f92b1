"""What evaluating a profile gives: plain, immutable results that every renderer reads."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, NamedTuple

from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import Evidence, SeeAlso, Source
from mlis_cli.model.verdicts import Verdict

SCHEMA_VERSION = 2
"""2: unknown ranks between case_by_case and unlikely; requirement status case_by_case and
not_known; assumed facts; looked_for on unknown outcomes."""


class Status(StrEnum):
    """Where a requirement stands, from the verdict of the one outcome left, or open."""

    MET = "met"
    """eligible or conditional"""
    CASE_BY_CASE = "case_by_case"
    """an authority or employer decides"""
    NOT_MET = "not_met"
    """unlikely or ineligible"""
    NOT_KNOWN = "not_known"
    """unknown: the sources are silent, which is not a failure"""
    OPEN = "open"
    """depends on a fact not given"""


class TrialResult(StrEnum):
    MATCHED = "matched"
    NOT_MATCHED = "not_matched"
    UNANSWERED = "unanswered"
    NOT_REACHED = "not_reached"


class Outcome(NamedTuple):
    """One result a requirement can give; `condition` is None for the otherwise case."""

    case: int | None
    condition: str | None
    verdict: Verdict
    reason: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    see: tuple[SeeAlso, ...] = ()
    """Commands that continue the steps, where the rules say so."""
    looked_for: str | None = None
    """For an unknown verdict: what was looked for in the sources and not found."""
    evidence: Evidence | None = None
    """What its sources are worth: how many, the strongest, the newest."""
    summary: str | None = None
    """The reason in one short sentence, where the rules give one."""


class Trial(NamedTuple):
    """One case tried, for --explain."""

    case: int
    condition: str | None
    result: TrialResult
    missing: tuple[str, ...]


class RequirementResult(NamedTuple):
    id: str
    kind: str
    title: str
    status: Status
    verdict: Verdict
    worst_case: Verdict
    outcome: Outcome
    """The outcome shown first: the one that applies, or the best still possible."""
    outcomes: tuple[Outcome, ...]
    """Every outcome still possible given the facts known, in the order the rules check them."""
    trials: tuple[Trial, ...]
    compared: tuple[tuple[str, Any], ...]
    missing: tuple[str, ...]

    @property
    def worst_outcome(self) -> Outcome:
        """The outcome to prepare for: the one that applies, or the worst still possible
        (the later case where two are equally bad)."""
        return max(reversed(self.outcomes), key=lambda outcome: outcome.verdict.rank)


class OpenQuestion(NamedTuple):
    fact: str
    flag: str
    question: str
    settles: tuple[str, ...]


class Effect(StrEnum):
    """How a fact that is no action would move a country's result."""

    BETTER = "better"
    WORSE = "worse"
    DIFFERENT = "different"
    """One end better, the other worse: an unknown fact settled either way."""


class RequirementChange(NamedTuple):
    """A requirement whose outcome a change would alter: what it gives now, and then."""

    id: str
    title: str
    was_verdict: Verdict
    was_worst_case: Verdict
    verdict: Verdict
    worst_case: Verdict
    reason: str
    """The reason of the outcome it would give (its best case when still open)."""


class WhatIfPath(NamedTuple):
    """A smallest set of actionable changes that improves a country's result."""

    changes: tuple[tuple[str, Any], ...]
    """(fact, new value) pairs, e.g. ('language:de', Level.B2), in the order facts are preferred."""
    verdict: Verdict
    worst_case: Verdict
    was_verdict: Verdict
    was_worst_case: Verdict
    requirements: tuple[RequirementChange, ...]
    next_steps: tuple[str, ...]
    sources: tuple[str, ...]
    action: str
    """The changes in words: "speaking 'de' at B2 and a post in a corporate library"."""
    sentence: str


class ConditionThatMatters(NamedTuple):
    """A fact that is no action (age, citizenship, graduation year) but would change the result."""

    fact: str
    values: tuple[Any, ...]
    """Each of these values alone gives the same result; a citizenship is added to those held."""
    effect: Effect
    verdict: Verdict
    worst_case: Verdict
    was_verdict: Verdict
    was_worst_case: Verdict
    requirements: tuple[RequirementChange, ...]
    sources: tuple[str, ...]
    sentence: str


class WhatIf(NamedTuple):
    """What would change a country's result: paths (actions) and conditions that matter."""

    paths: tuple[WhatIfPath, ...]
    conditions: tuple[ConditionThatMatters, ...]


class CountryResult(NamedTuple):
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
    assumed: tuple[str, ...] = ()
    """Facts the requirements read that were assumed, not given: languages not among those listed."""
    what_if: WhatIf | None = None
    """Computed only when asked (mlis_cli.engine.what_if), since it evaluates the rules many times."""


class Report(NamedTuple):
    profile: Profile
    results: tuple[CountryResult, ...]
    strict: bool
    today: dt.date
