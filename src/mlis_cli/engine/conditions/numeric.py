"""Shared by the tests on a number with inclusive bounds (age, experience)."""

from __future__ import annotations

from typing import Any, NamedTuple


class Bounds(NamedTuple):
    """Inclusive bounds; None where the rule gives none."""

    min: int | None
    max: int | None

    @classmethod
    def of(cls, raw: Any) -> Bounds:
        """From a validated rule-file Range (anything with min and max)."""
        return cls(raw.min, raw.max)


def within(value: float, bounds: Bounds) -> bool:
    if bounds.min is not None and value < bounds.min:
        return False
    return not (bounds.max is not None and value > bounds.max)


def describe_bounds(bounds: Bounds, unit: str) -> str:
    if bounds.min is not None and bounds.max is not None:
        return f"{bounds.min} to {bounds.max} {unit}"
    if bounds.max is not None:
        return f"at most {bounds.max} {unit}"
    return f"at least {bounds.min} {unit}"


def edge_values(bounds: Bounds) -> list[int]:
    """Values just inside and just outside each bound."""
    values: list[int] = []
    if bounds.min is not None:
        values += [bounds.min, bounds.min - 1]
    if bounds.max is not None:
        values += [bounds.max, bounds.max + 1]
    return values
