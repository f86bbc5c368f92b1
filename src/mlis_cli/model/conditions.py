"""The condition tree a case's `when` becomes: leaf tests combined with all, any and not.

Plain records, so that the rules the engine holds need nothing but the model;
what each leaf means is the engine's (`engine.conditions`).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Leaf(NamedTuple):
    key: str
    """The condition type, by its rule-file key ('age', 'degree', ...)."""
    arg: Any
    """The rule-file value, made ready for testing by the condition type."""


class AllOf(NamedTuple):
    items: tuple[Node, ...]


class AnyOf(NamedTuple):
    items: tuple[Node, ...]


class Not(NamedTuple):
    item: Node


Node = Leaf | AllOf | AnyOf | Not
