"""`citizenship: [eu, ch]`: one of the profile's citizenships is in these countries or groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from mlis_cli.engine.conditions.base import Context, Tri, join_words
from mlis_cli.model.profile import Profile


class CitizenshipArg(NamedTuple):
    named: tuple[str, ...]
    countries: frozenset[str]


class CitizenshipCondition:
    key = "citizenship"

    def normalize(self, raw: list[str], context: Context) -> CitizenshipArg:
        countries: set[str] = set()
        for code in raw:
            countries |= context.groups.get(code, frozenset({code}))
        return CitizenshipArg(tuple(raw), frozenset(countries))

    def facts(self, arg: CitizenshipArg) -> tuple[str, ...]:
        return ("citizenship",)

    def test(self, arg: CitizenshipArg, profile: Profile, today: dt.date) -> Tri:
        if profile.citizenship is None:
            return None
        return not arg.countries.isdisjoint(profile.citizenship)

    def describe(self, arg: CitizenshipArg) -> str:
        return f"a citizenship of {join_words(arg.named)}"

    def candidates(self, arg: CitizenshipArg, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("citizenship", (code,)) for code in sorted(arg.countries)]
