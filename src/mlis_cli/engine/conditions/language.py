"""`language: {de: B2}`: the person speaks each named language at that level or above.

A language named without a level (`de: some`) meets A1 and leaves the higher
levels open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri, join_words
from mlis_cli.model.profile import LEVEL_RANK, Profile
from mlis_cli.model.vocabulary import Level

LevelsArg = tuple[tuple[str, Level], ...]


class LanguageCondition:
    key = "language"

    def normalize(self, raw: dict[str, Level], context: Context) -> LevelsArg:
        return tuple(sorted(raw.items()))

    def facts(self, arg: LevelsArg) -> tuple[str, ...]:
        return tuple(f"language:{code}" for code, _ in arg)

    def test(self, arg: LevelsArg, profile: Profile, today: dt.date) -> Tri:
        unknown = False
        for code, needed in arg:
            level = profile.level(code)
            if level is None:
                # `de: some` speaks it at some level, so it meets A1 (and none).
                if code not in profile.languages or LEVEL_RANK[needed] > LEVEL_RANK[Level.A1]:
                    unknown = True
            elif LEVEL_RANK[level] < LEVEL_RANK[needed]:
                return False
        return None if unknown else True

    def describe(self, arg: LevelsArg) -> str:
        return "speaks " + join_words([f"'{code}' at {level.value} or above" for code, level in arg], "and")

    def candidates(self, arg: LevelsArg, today: dt.date) -> Iterable[tuple[str, Any]]:
        for code, needed in arg:
            yield f"language:{code}", needed
            below = LEVEL_RANK[needed] - 1
            if below >= 0:
                yield f"language:{code}", list(Level)[below]
