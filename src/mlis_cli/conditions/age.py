"""`age: {min: 18, max: 30}`: the person's age in years, bounds inclusive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.conditions.base import Context, Tri
from mlis_cli.conditions.numeric import describe_bounds, edge_values, within
from mlis_cli.model.profile import Profile
from mlis_cli.model.rule_files import Range


class AgeCondition:
    key = "age"

    def normalize(self, raw: Range, context: Context) -> Range:
        return raw

    def facts(self, arg: Range) -> tuple[str, ...]:
        return ("age",)

    def test(self, arg: Range, profile: Profile, today: dt.date) -> Tri:
        if profile.age is None:
            return None
        return within(profile.age, arg)

    def describe(self, arg: Range) -> str:
        return f"aged {describe_bounds(arg, 'years')}"

    def candidates(self, arg: Range, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("age", value) for value in edge_values(arg) if value >= 0]
