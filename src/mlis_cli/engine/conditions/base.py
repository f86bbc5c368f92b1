"""The contract every condition type keeps, and what compiling a condition may need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from mlis_cli.model.profile import Profile

Tri = bool | None
"""True, False, or None when the profile lacks a fact the test needs."""


class Context(NamedTuple):
    """What compiling a condition may need beyond the condition itself."""

    groups: Mapping[str, frozenset[str]]


class ConditionType(Protocol):
    """One kind of leaf test, on one profile fact."""

    key: str
    """The key that names the test in a rule file, e.g. 'age'."""

    def normalize(self, raw: Any, context: Context) -> Any:
        """The rule-file value made ready for testing (sets expanded, levels ranked)."""

    def facts(self, arg: Any) -> tuple[str, ...]:
        """The profile facts the test reads."""

    def test(self, arg: Any, profile: Profile, today: dt.date) -> Tri:
        """Whether the profile passes; None when a fact it needs is unknown."""

    def describe(self, arg: Any) -> str:
        """The test in words, for `show` and `--explain`."""

    def candidates(self, arg: Any, today: dt.date) -> Iterable[tuple[str, Any]]:
        """Values of its facts that the test mentions: a pass and a fail where it can."""


def join_words(words: Iterable[str], last: str = "or") -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
