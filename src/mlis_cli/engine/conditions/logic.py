"""Condition trees: built from rule files, tested in three-valued logic, described in words.

`all`, `any` and `not` follow Kleene's logic: an unknown fact leaves a test
unknown unless the other parts already decide it (False in `all`, True in `any`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Protocol

from mlis_cli.engine.conditions import REGISTRY
from mlis_cli.engine.conditions.base import Context, Tri
from mlis_cli.model.conditions import AllOf, AnyOf, Leaf, Node, Not
from mlis_cli.model.profile import Profile


class Spec(Protocol):
    """A validated `when` mapping (rulefiles.schema.Condition): one attribute per
    condition type's key, None where absent, and the combinators."""

    @property
    def all(self) -> Sequence[Spec] | None: ...

    @property
    def any(self) -> Sequence[Spec] | None: ...

    @property
    def not_(self) -> Spec | None: ...


def build(condition: Spec, context: Context) -> Node:
    """The tree for a validated condition; several keys in one mapping must all hold."""
    parts: list[Node] = []
    for key in REGISTRY:
        raw = getattr(condition, key)
        if raw is not None:
            parts.append(Leaf(key, REGISTRY[key].normalize(raw, context)))
    if condition.all is not None:
        parts.append(AllOf(tuple(build(item, context) for item in condition.all)))
    if condition.any is not None:
        parts.append(AnyOf(tuple(build(item, context) for item in condition.any)))
    if condition.not_ is not None:
        parts.append(Not(build(condition.not_, context)))
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def test(node: Node, profile: Profile, today: dt.date) -> Tri:
    if isinstance(node, Leaf):
        return REGISTRY[node.key].test(node.arg, profile, today)
    if isinstance(node, Not):
        inner = test(node.item, profile, today)
        return None if inner is None else not inner
    decisive = isinstance(node, AnyOf)
    unknown = False
    for item in node.items:
        result = test(item, profile, today)
        if result is None:
            unknown = True
        elif result is decisive:
            return decisive
    return None if unknown else not decisive


def facts(node: Node) -> tuple[str, ...]:
    """Every fact the tree reads, in order of first mention."""
    if isinstance(node, Leaf):
        return REGISTRY[node.key].facts(node.arg)
    items = (node.item,) if isinstance(node, Not) else node.items
    seen: dict[str, None] = {}
    for item in items:
        seen.update(dict.fromkeys(facts(item)))
    return tuple(seen)


def leaves(node: Node) -> Iterator[Leaf]:
    """Every leaf test of the tree, in order; what a search over mentioned values walks."""
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, Not):
        yield from leaves(node.item)
    else:
        for item in node.items:
            yield from leaves(item)


def describe(node: Node) -> str:
    if isinstance(node, Leaf):
        return REGISTRY[node.key].describe(node.arg)
    if isinstance(node, Not):
        return f"not ({describe(node.item)})"
    word = " and " if isinstance(node, AllOf) else " or "
    texts = [describe(item) for item in node.items]
    return word.join(
        f"({text})" if len(node.items) > 1 and _compound(item) else text
        for text, item in zip(texts, node.items, strict=True)
    )


def _compound(node: Node) -> bool:
    return isinstance(node, AllOf | AnyOf)


__all__ = ["build", "describe", "facts", "leaves", "test"]
