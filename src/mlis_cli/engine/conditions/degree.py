"""`degree: [ala, cilip]`: the profile's degree is one of these codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri, join_words
from mlis_cli.model.profile import Profile


class DegreeCondition:
    key = "degree"

    def normalize(self, raw: list[str], context: Context) -> tuple[str, ...]:
        return tuple(raw)

    def facts(self, arg: tuple[str, ...]) -> tuple[str, ...]:
        return ("degree",)

    def test(self, arg: tuple[str, ...], profile: Profile, today: dt.date) -> Tri:
        if profile.degree is None:
            return None
        return profile.degree in arg

    def describe(self, arg: tuple[str, ...]) -> str:
        return f"degree is {join_words(arg)}"

    def candidates(self, arg: tuple[str, ...], today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("degree", code) for code in arg]
