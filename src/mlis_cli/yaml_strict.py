"""Strict, safe YAML: plain data plus the line and column of every value.

PyYAML's safe loader silently keeps the last of two equal keys and expands
aliases. Rule files must be unambiguous, so this loader refuses both, refuses
any tag beyond the core schema, bounds nesting depth, and remembers where each
value and each mapping key stood so that later checks can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

MAX_DEPTH = 64
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


class YamlError(Exception):
    """A problem that stops the file from being read, with where it happened."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class Document:
    """The data of one YAML file and where each part of it stood."""

    data: Any
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def mark_of(self, path: Path, *, key: bool = False) -> Mark:
        """The mark of the value (or key) at path, or of its nearest located parent."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Mark(1, 1))


def _mark(node_or_event: Any) -> Mark:
    start = node_or_event.start_mark
    return Mark(start.line + 1, start.column + 1)


class _StrictComposer(yaml.SafeLoader):
    """Composes nodes but refuses anchors, aliases and runaway nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise YamlError(_mark(event), f"alias '*{event.anchor}' is not allowed in rule files")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise YamlError(_mark(event), f"anchor '&{event.anchor}' is not allowed in rule files")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlError(_mark(event), f"nesting deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str) -> Document:
    """Parse one YAML document strictly; raise YamlError with a mark on any problem."""
    loader = _StrictComposer(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
            raise YamlError(where, f"not valid YAML: {error.problem or error.context}") from None
        document = Document(data=None)
        if root is None:
            return document
        document.data = _build(root, (), loader, document)
        return document
    finally:
        loader.dispose()


def _build(node: Node, path: Path, loader: yaml.SafeLoader, document: Document) -> Any:
    document.values[path] = _mark(node)
    if isinstance(node, MappingNode):
        if node.tag != _MAP_TAG:
            raise YamlError(_mark(node), f"tag '{node.tag}' is not allowed in rule files")
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlError(_mark(key_node), "a mapping key must be a plain scalar")
            key = _scalar(key_node, loader)
            if not isinstance(key, str):
                raise YamlError(
                    _mark(key_node),
                    f"mapping key {key_node.value!r} reads as {type(key).__name__}; "
                    "quote it to make it a string",
                )
            if key in result:
                first = document.keys[(*path, key)]
                raise YamlError(
                    _mark(key_node),
                    f"duplicate key '{key}' (first defined at line {first.line})",
                )
            document.keys[(*path, key)] = _mark(key_node)
            result[key] = _build(value_node, (*path, key), loader, document)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            raise YamlError(_mark(node), f"tag '{node.tag}' is not allowed in rule files")
        return [_build(item, (*path, index), loader, document) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return _scalar(node, loader)


def _scalar(node: ScalarNode, loader: yaml.SafeLoader) -> Any:
    if node.tag not in _SCALAR_TAGS:
        raise YamlError(_mark(node), f"tag '{node.tag}' is not allowed in rule files")
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError) as error:
        raise YamlError(_mark(node), f"cannot read value {node.value!r}: {error}") from None
