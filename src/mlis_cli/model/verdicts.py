"""The verdict scale, ordered best to worst, and the ways to combine verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Verdict(StrEnum):
    """Best to worst. A known barrier outranks what the sources leave unknown, so that
    "recognition unlikely, visa unknown" reads unlikely; unknown still outranks every
    verdict that lets a person go ahead."""

    ELIGIBLE = "eligible"
    CONDITIONAL = "conditional"
    CASE_BY_CASE = "case_by_case"
    UNKNOWN = "unknown"
    UNLIKELY = "unlikely"
    INELIGIBLE = "ineligible"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def words(self) -> str:
        """The verdict as people read it: 'decided case by case' for case_by_case."""
        return WORDS[self]


SCALE: tuple[Verdict, ...] = tuple(Verdict)
_RANK = {verdict: index for index, verdict in enumerate(SCALE)}

MEANINGS: dict[Verdict, str] = {
    Verdict.ELIGIBLE: "recognised; nothing recorded stands in the way",
    Verdict.CONDITIONAL: "recognised; a standard step remains (permit, membership, registration)",
    Verdict.CASE_BY_CASE: "an authority or employer decides individually",
    Verdict.UNKNOWN: "the sources are silent on this profile; mlis says what was looked for",
    Verdict.UNLIKELY: "a hard barrier on the usual path (nationality, fluent language)",
    Verdict.INELIGIBLE: "a rule excludes this profile",
}

WORDS: dict[Verdict, str] = {verdict: verdict.value for verdict in Verdict} | {
    Verdict.CASE_BY_CASE: "decided case by case"
}
"""Each verdict in words, for people; JSON, CSV and YAML keep the tokens."""


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The worst verdict of several; a country with no requirements is unknown."""
    return max(verdicts, key=_RANK.__getitem__, default=Verdict.UNKNOWN)


def best(verdicts: Iterable[Verdict]) -> Verdict:
    return min(verdicts, key=_RANK.__getitem__, default=Verdict.UNKNOWN)


def at_or_worse(verdict: Verdict, threshold: Verdict) -> bool:
    return _RANK[verdict] >= _RANK[threshold]


def threshold_met(verdicts: Iterable[Verdict], threshold: Verdict | None) -> bool:
    """Whether any verdict is at or worse than the threshold; never without one."""
    return threshold is not None and any(at_or_worse(verdict, threshold) for verdict in verdicts)
