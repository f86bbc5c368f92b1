"""`only_citizenship: [af, cu, kp]`: every citizenship the person holds is one of these.

For rules that exclude nationals of some countries: a dual national who also
holds another citizenship is not excluded, and the routes open to it apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri, join_words
from mlis_cli.engine.conditions.citizenship import CitizenshipArg
from mlis_cli.model.profile import Profile


class OnlyCitizenshipCondition:
    key = "only_citizenship"

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
        return bool(profile.citizenship) and arg.countries.issuperset(profile.citizenship)

    def describe(self, arg: CitizenshipArg) -> str:
        return f"citizenships only of {join_words(arg.named)}"

    def candidates(self, arg: CitizenshipArg, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("citizenship", (code,)) for code in sorted(arg.countries)]
