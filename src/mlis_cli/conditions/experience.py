"""`experience: {min: 5}`: years of professional library work, bounds inclusive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.conditions.base import Context, Tri
from mlis_cli.conditions.numeric import describe_bounds, edge_values, within
from mlis_cli.model.profile import Profile
from mlis_cli.model.rule_files import Range


class ExperienceCondition:
    key = "experience"

    def normalize(self, raw: Range, context: Context) -> Range:
        return raw

    def facts(self, arg: Range) -> tuple[str, ...]:
        return ("experience",)

    def test(self, arg: Range, profile: Profile, today: dt.date) -> Tri:
        if profile.experience is None:
            return None
        return within(profile.experience, arg)

    def describe(self, arg: Range) -> str:
        return f"{describe_bounds(arg, 'years')} of professional experience"

    def candidates(self, arg: Range, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("experience", value) for value in edge_values(arg) if value >= 0]
