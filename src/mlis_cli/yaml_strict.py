"""Strict, safe YAML: plain data plus the line and column of every value.

PyYAML's safe loader silently keeps the last of two equal keys and expands
aliases. Rule files must be unambiguous, so this loader refuses both, refuses
any tag beyond the core schema, bounds nesting depth and the size of integers,
and remembers where each value and each mapping key stood so that later checks
can point at them. Every way the text can be wrong ends in YamlError, with a mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

MAX_DEPTH = 64
# No fact or rule needs a number this large; refusing it keeps Python's own
# limit on converting long integers to text from turning into a crash later.
MAX_INTEGER_DIGITS = 15
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_INT_TAG = "tag:yaml.org,2002:int"
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
    try:
        loader = _StrictComposer(text)
    except yaml.reader.ReaderError as error:
        # PyYAML checks every character before parsing: NUL and control characters.
        raise YamlError(_position_mark(text, error.position), _reader_message(error)) from None
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


def _position_mark(text: str, position: int) -> Mark:
    line_start = text.rfind("\n", 0, position) + 1
    return Mark(text.count("\n", 0, position) + 1, position - line_start + 1)


def _reader_message(error: yaml.reader.ReaderError) -> str:
    character = error.character
    code = ord(character) if isinstance(character, str) else character
    return f"character U+{code:04X} is not allowed in YAML"


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
        value = loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError) as error:
        if node.tag == _INT_TAG:  # more digits than Python converts
            raise _too_large(node) from None
        raise YamlError(_mark(node), f"cannot read value {_shown(node.value)}: {error}") from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise _too_large(node)
    return value


def _too_large(node: ScalarNode) -> YamlError:
    return YamlError(
        _mark(node), f"number {_shown(node.value)} is too large; at most {MAX_INTEGER_DIGITS} digits"
    )


def _shown(text: str) -> str:
    """A scalar's text as messages quote it: at most 40 characters."""
    return repr(text if len(text) <= 40 else text[:37] + "...")
