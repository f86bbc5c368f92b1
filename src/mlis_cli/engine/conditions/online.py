"""`online: true`: whether the library degree is (or was) studied fully online."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.model.profile import Profile


class OnlineCondition:
    key = "online"

    def normalize(self, raw: bool, context: Context) -> bool:
        return raw

    def facts(self, arg: bool) -> tuple[str, ...]:
        return ("online",)

    def test(self, arg: bool, profile: Profile, today: dt.date) -> Tri:
        if profile.online is None:
            return None
        return profile.online is arg

    def describe(self, arg: bool) -> str:
        return "studied fully online" if arg else "not studied fully online"

    def candidates(self, arg: bool, today: dt.date) -> Iterable[tuple[str, Any]]:
        return [("online", True), ("online", False)]
