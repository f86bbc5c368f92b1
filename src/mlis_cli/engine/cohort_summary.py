"""A class of profiles at a glance: per country, how many fall under each verdict, the most
common open questions and the requirements that most often stand in the way.

Pure, and fed the records `mlis batch` writes (one per profile and country, or one error
record per bad line), in any order and from any number of workers: only counts are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from mlis_cli.model.verdicts import SCALE, Verdict

TOP = 5
"""How many open questions and requirements in the way each country lists."""


class CountrySummary(NamedTuple):
    country: str
    profiles: int
    verdicts: tuple[tuple[Verdict, int], ...]
    """Every verdict on the scale, best first, with how many profiles have it as the verdict."""
    worst_cases: tuple[tuple[Verdict, int], ...]
    """The same for the worst case."""
    complete: int
    """Profiles whose answer is complete (verdict and worst case agree)."""
    open_questions: tuple[tuple[str, int], ...]
    """The facts most often left open, most common first (ties: the order first seen)."""
    barriers: tuple[tuple[str, int], ...]
    """The requirements most often in the way (worst case unlikely or ineligible), likewise."""


class CohortSummary(NamedTuple):
    lines: int
    """Profiles read (lines that were not blank)."""
    bad_lines: int
    countries: tuple[CountrySummary, ...]
    """By country code."""


class _Counts:
    __slots__ = ("barriers", "complete", "open_questions", "profiles", "verdicts", "worst_cases")

    def __init__(self) -> None:
        self.profiles = 0
        self.complete = 0
        self.verdicts: Counter[str] = Counter()
        self.worst_cases: Counter[str] = Counter()
        self.open_questions: Counter[str] = Counter()
        self.barriers: Counter[str] = Counter()


class CohortTally:
    """Counts records as they come; summary() at any point gives the summary so far."""

    def __init__(self) -> None:
        self._lines: set[int] = set()
        self._bad: set[int] = set()
        self._countries: dict[str, _Counts] = {}

    def add(self, record: Mapping[str, Any]) -> None:
        line = record["line"]
        self._lines.add(line)
        if record.get("error") is not None:
            self._bad.add(line)
            return
        counts = self._countries.get(record["country"])
        if counts is None:
            counts = self._countries[record["country"]] = _Counts()
        counts.profiles += 1
        counts.complete += bool(record["complete"])
        counts.verdicts[record["verdict"]] += 1
        counts.worst_cases[record["worst_case"]] += 1
        counts.open_questions.update(record["open_questions"])
        counts.barriers.update(record.get("barriers", ()))

    def summary(self, top: int = TOP) -> CohortSummary:
        return CohortSummary(
            lines=len(self._lines),
            bad_lines=len(self._bad),
            countries=tuple(
                CountrySummary(
                    country=code,
                    profiles=counts.profiles,
                    verdicts=tuple((verdict, counts.verdicts[verdict.value]) for verdict in SCALE),
                    worst_cases=tuple((verdict, counts.worst_cases[verdict.value]) for verdict in SCALE),
                    complete=counts.complete,
                    open_questions=tuple(counts.open_questions.most_common(top)),
                    barriers=tuple(counts.barriers.most_common(top)),
                )
                for code, counts in sorted(self._countries.items())
            ),
        )


def summarise(records: Iterable[Mapping[str, Any]], top: int = TOP) -> CohortSummary:
    """The summary of a class from its batch records (with "barriers" where known)."""
    tally = CohortTally()
    for record in records:
        tally.add(record)
    return tally.summary(top)
