"""`age: {min: 18, max: 30}`: the person's age in years, bounds inclusive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.engine.conditions.numeric import Bounds, describe_bounds, edge_values, within
from mlis_cli.model.profile import Profile


class AgeCondition:
    key = "age"

    def normalize(self, raw: Any, context: Context) -> Bounds:
        return Bounds.of(raw)

    def facts(self, arg: Bounds) -> tuple[str, ...]:
        return ("age",)

    def test(self, arg: Bounds, profile: Profile, today: dt.date) -> Tri:
        if profile.age is None:
            return None
        return within(profile.age, arg)

    def describe(self, arg: Bounds) -> str:
        return f"aged {describe_bounds(arg, 'years')}"

    def candidates(self, arg: Bounds, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("age", value) for value in edge_values(arg) if value >= 0]
