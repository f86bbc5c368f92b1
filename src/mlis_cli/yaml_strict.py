"""Strict, safe YAML: plain data plus the line and column of every value.

PyYAML's safe loader silently keeps the last of two equal keys and expands
aliases. Rule files must be unambiguous, so this loader refuses both, refuses
any tag beyond the core schema, bounds nesting depth and the size of integers,
and remembers where each value and each mapping key stood so that later checks
can point at them. Every way the text can be wrong ends in YamlError, with a mark.

A key that cannot stand (a duplicate, or one that is not a string) spoils one
entry, not the file: with `keep_going` the entry is left out (of two equal
keys the first is kept), the YamlError is recorded in `Document.problems` and
reading goes on, so that one run can report everything else in the file.
"""

from __future__ import annotations

import bisect
import re
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
_BOOL_TAG = "tag:yaml.org,2002:bool"
# YAML 1.2 keeps only true and false as booleans; YAML 1.1 (PyYAML) also reads
# yes, no, on and off so, which would turn Norway's code `no` into false.
_BOOL_WORDS = frozenset(("true", "false"))
_LINE_END = re.compile(r"\r\n?|\n")
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
    problems: list[YamlError] = field(default_factory=list)
    """What was wrong but did not stop the reading (with `keep_going`), in the order found."""
    keep_going: bool = False

    def mark_of(self, path: Path, *, key: bool = False) -> Mark:
        """The mark of the value (or key) at path, or of its nearest located parent."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Mark(1, 1))


class _StrictComposer(yaml.SafeLoader):
    """Composes nodes but refuses anchors, aliases and runaway nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._line_starts = _line_starts(stream)

    def mark(self, node_or_event: Any) -> Mark:
        return self.at(node_or_event.start_mark.index)

    def at(self, index: int) -> Mark:
        return _at(self._line_starts, index)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise YamlError(self.mark(event), f"alias '*{event.anchor}' is not allowed in rule files")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise YamlError(self.mark(event), f"anchor '&{event.anchor}' is not allowed in rule files")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlError(self.mark(event), f"nesting deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str, *, keep_going: bool = False) -> Document:
    """Parse one YAML document strictly; raise YamlError with a mark on any problem.

    With keep_going, a bad mapping key is recorded in `problems` and its entry
    left out (of two equal keys the first is kept) instead of raising.
    """
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
            where = loader.at(mark.index) if mark else Mark(1, 1)
            raise YamlError(where, f"not valid YAML: {error.problem or error.context}") from None
        document = Document(data=None, keep_going=keep_going)
        if root is None:
            return document
        document.data = _build(root, (), loader, document)
        return document
    finally:
        loader.dispose()


def _position_mark(text: str, position: int) -> Mark:
    return _at(_line_starts(text), position)


def _line_starts(text: str) -> list[int]:
    """Where each line begins, counting lines as editors do.

    PyYAML also ends a line at U+0085, U+2028 and U+2029, which would point
    past the line a person sees; here only LF, CRLF and a lone CR end one.
    """
    return [0, *(match.end() for match in _LINE_END.finditer(text))]


def _at(line_starts: list[int], index: int) -> Mark:
    """The 1-based line and column of the character at index."""
    line = bisect.bisect_right(line_starts, index)
    return Mark(line, index - line_starts[line - 1] + 1)


def _reader_message(error: yaml.reader.ReaderError) -> str:
    character = error.character
    code = ord(character) if isinstance(character, str) else character
    return f"character U+{code:04X} is not allowed in YAML"


def _build(node: Node, path: Path, loader: _StrictComposer, document: Document) -> Any:
    document.values[path] = loader.mark(node)
    if isinstance(node, MappingNode):
        if node.tag != _MAP_TAG:
            raise YamlError(loader.mark(node), f"tag '{node.tag}' is not allowed in rule files")
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key, refused = _key(key_node, path, result, loader, document)
            if refused is not None:
                if not document.keep_going:
                    raise refused
                document.problems.append(refused)
                # the value is still read, so that what is wrong inside it is found too
                _build(
                    value_node, path, loader, Document(data=None, keep_going=True, problems=document.problems)
                )
                continue
            document.keys[(*path, key)] = loader.mark(key_node)
            result[key] = _build(value_node, (*path, key), loader, document)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            raise YamlError(loader.mark(node), f"tag '{node.tag}' is not allowed in rule files")
        return [_build(item, (*path, index), loader, document) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return _scalar(node, loader)


def _key(
    key_node: Node, path: Path, result: dict[Any, Any], loader: _StrictComposer, document: Document
) -> tuple[str, YamlError | None]:
    """A mapping key, or why it cannot stand."""
    if not isinstance(key_node, ScalarNode):
        return "", YamlError(loader.mark(key_node), "a mapping key must be a plain scalar")
    key = _scalar(key_node, loader)
    if not isinstance(key, str):
        return "", YamlError(
            loader.mark(key_node),
            f"mapping key {key_node.value!r} reads as {type(key).__name__}; quote it to make it a string",
        )
    if key in result:
        first = document.keys[(*path, key)]
        return key, YamlError(
            loader.mark(key_node), f"duplicate key '{key}' (first defined at line {first.line})"
        )
    return key, None


def _scalar(node: ScalarNode, loader: _StrictComposer) -> Any:
    if node.tag not in _SCALAR_TAGS:
        raise YamlError(loader.mark(node), f"tag '{node.tag}' is not allowed in rule files")
    if node.tag == _BOOL_TAG and node.value.lower() not in _BOOL_WORDS:
        return node.value  # `no` is Norway, not false
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError) as error:
        if node.tag == _INT_TAG:  # more digits than Python converts
            raise _too_large(node, loader) from None
        raise YamlError(loader.mark(node), f"cannot read value {_shown(node.value)}: {error}") from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise _too_large(node, loader)
    return value


def _too_large(node: ScalarNode, loader: _StrictComposer) -> YamlError:
    return YamlError(
        loader.mark(node), f"number {_shown(node.value)} is too large; at most {MAX_INTEGER_DIGITS} digits"
    )


def _shown(text: str) -> str:
    """A scalar's text as messages quote it: at most 40 characters."""
    return repr(text if len(text) <= 40 else text[:37] + "...")
