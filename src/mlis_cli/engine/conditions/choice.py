"""Shared by the tests that a one-word fact is one of a few values (sector, stay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from mlis_cli.engine.conditions.base import Context, Tri, join_words
from mlis_cli.model.profile import Profile


class ChoiceCondition:
    """`<fact>: [value, ...]`: the fact is one of the values."""

    key: str
    choices: type[StrEnum]

    def normalize(self, raw: list[StrEnum], context: Context) -> tuple[str, ...]:
        return tuple(item.value for item in raw)

    def facts(self, arg: tuple[str, ...]) -> tuple[str, ...]:
        return (self.key,)

    def test(self, arg: tuple[str, ...], profile: Profile, today: dt.date) -> Tri:
        value = profile.value(self.key)
        if value is None:
            return None
        return value in arg

    def describe(self, arg: tuple[str, ...]) -> str:
        return f"{self.key} is {join_words(arg)}"

    def candidates(self, arg: tuple[str, ...], today: dt.date) -> Iterable[tuple[str, Any]]:
        return [(self.key, choice.value) for choice in self.choices]
