"""`graduated: {within_years: 10}`: the year of graduation, absolute or counted back from today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.model.profile import Profile


class YearBounds(NamedTuple):
    """Bounds on the graduation year; within_years counts back from the evaluation date."""

    min: int | None
    max: int | None
    within_years: int | None


class GraduatedCondition:
    key = "graduated"

    def normalize(self, raw: Any, context: Context) -> YearBounds:
        return YearBounds(raw.min, raw.max, raw.within_years)

    def facts(self, arg: YearBounds) -> tuple[str, ...]:
        return ("graduated",)

    def test(self, arg: YearBounds, profile: Profile, today: dt.date) -> Tri:
        year = profile.graduated
        if year is None:
            return None
        if arg.min is not None and year < arg.min:
            return False
        if arg.max is not None and year > arg.max:
            return False
        return not (arg.within_years is not None and today.year - year > arg.within_years)

    def describe(self, arg: YearBounds) -> str:
        parts = []
        if arg.within_years is not None:
            years = "year" if arg.within_years == 1 else f"{arg.within_years} years"
            parts.append(f"graduated within the last {years}")
        if arg.min is not None:
            parts.append(f"graduated in {arg.min} or later")
        if arg.max is not None:
            parts.append(f"graduated in {arg.max} or earlier")
        return " and ".join(parts)

    def candidates(self, arg: YearBounds, today: dt.date) -> Iterable[tuple[str, Any]]:
        if arg.within_years is not None:
            yield "graduated", today.year - arg.within_years
            yield "graduated", today.year - arg.within_years - 1
        if arg.min is not None:
            yield "graduated", arg.min
            yield "graduated", arg.min - 1
        if arg.max is not None:
            yield "graduated", arg.max
            yield "graduated", arg.max + 1
