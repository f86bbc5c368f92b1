"""What `mlis rules coverage` finds: the cases no test reaches, the sources nothing cites,
and the requirement kinds each country covers."""

from __future__ import annotations

from typing import NamedTuple


class MissedCase(NamedTuple):
    requirement: str
    case: int
    """Counted from 1, as `mlis rules test` names it."""
    description: str
    """The condition in words, or 'otherwise'."""


class CountryCoverage(NamedTuple):
    code: str
    name: str
    cases: int
    missed: tuple[MissedCase, ...]
    kinds: dict[str, tuple[str, ...]]
    """Every kind, in the vocabulary's order, with the ids of the requirements of that kind."""
    uncited: tuple[str, ...]
    """The country's own sources (id beginning with its code) that none of its cases cites."""

    @property
    def reached(self) -> int:
        return self.cases - len(self.missed)


class Coverage(NamedTuple):
    countries: tuple[CountryCoverage, ...]
    uncited: tuple[str, ...]
    """Sources no case of any country cites, in the order of sources.yaml."""
    cited_elsewhere: tuple[str, ...]
    """Of those, the ones a degree, a citizen group or a certificate cites."""

    @property
    def cases(self) -> int:
        return sum(country.cases for country in self.countries)

    @property
    def reached(self) -> int:
        return sum(country.reached for country in self.countries)

    @property
    def percent(self) -> float:
        """The share of cases some test reaches; 100 when there are none."""
        return 100.0 * self.reached / self.cases if self.cases else 100.0
