"""`experience: {min: 5}`: years of professional library work, bounds inclusive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.engine.conditions.numeric import Bounds, describe_bounds, edge_values, within
from mlis_cli.model.profile import Profile


class ExperienceCondition:
    key = "experience"

    def normalize(self, raw: Any, context: Context) -> Bounds:
        return Bounds.of(raw)

    def facts(self, arg: Bounds) -> tuple[str, ...]:
        return ("experience",)

    def test(self, arg: Bounds, profile: Profile, today: dt.date) -> Tri:
        if profile.experience is None:
            return None
        return within(profile.experience, arg)

    def describe(self, arg: Bounds) -> str:
        return f"{describe_bounds(arg, 'years')} of professional experience"

    def candidates(self, arg: Bounds, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("experience", value) for value in edge_values(arg) if value >= 0]
