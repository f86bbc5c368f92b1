"""`phd: true`: whether the person holds a doctorate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.model.profile import Profile


class PhdCondition:
    key = "phd"

    def normalize(self, raw: bool, context: Context) -> bool:
        return raw

    def facts(self, arg: bool) -> tuple[str, ...]:
        return ("phd",)

    def test(self, arg: bool, profile: Profile, today: dt.date) -> Tri:
        if profile.phd is None:
            return None
        return profile.phd is arg

    def describe(self, arg: bool) -> str:
        return "holds a doctorate" if arg else "holds no doctorate"

    def candidates(self, arg: bool, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("phd", True), ("phd", False)]
