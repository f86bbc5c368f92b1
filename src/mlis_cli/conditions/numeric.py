"""Shared by the tests on a number with inclusive bounds (age, experience)."""

from __future__ import annotations

from mlis_cli.model.rule_files import Range


def within(value: float, bounds: Range) -> bool:
    if bounds.min is not None and value < bounds.min:
        return False
    return not (bounds.max is not None and value > bounds.max)


def describe_bounds(bounds: Range, unit: str) -> str:
    if bounds.min is not None and bounds.max is not None:
        return f"{bounds.min} to {bounds.max} {unit}"
    if bounds.max is not None:
        return f"at most {bounds.max} {unit}"
    return f"at least {bounds.min} {unit}"


def edge_values(bounds: Range) -> list[int]:
    """Values just inside and just outside each bound."""
    values: list[int] = []
    if bounds.min is not None:
        values += [bounds.min, bounds.min - 1]
    if bounds.max is not None:
        values += [bounds.max, bounds.max + 1]
    return values
