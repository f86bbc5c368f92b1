"""A bad option value, as the parser reports it, said in mlis's own words.

The parser validates option values with pydantic, whose messages ("Input should be a
valid integer, unable to parse string as an integer", "Value error, 'xml' is not one
of ...") speak of types. This names the option, the value given and what is accepted.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

WHOLE_NUMBER = "a whole number"
NUMBER = "a number"


def bad_value_message(error: Exception) -> str | None:
    """'--age: expected a whole number, got 'abc''; None when the error is not about a value."""
    param = getattr(error, "param", None)
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if param is None or not callable(errors):
        return None
    details = errors()
    if not details:
        return None
    accepted = _accepted(getattr(getattr(param, "type_descriptor", None), "annotation", None))
    if accepted is None:
        return None
    opts: list[str] = list(getattr(param, "opts", []) or [])
    name = (
        max(opts, key=len)
        if opts and opts[0].startswith("-")
        else str(getattr(param, "metavar", None) or param.name)
    )
    return f"{name}: expected {accepted}, got {_shown(details[0].get('input'))}"


def _accepted(annotation: Any) -> str | None:
    """What a value of this annotation may be, in words."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        kinds = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation = kinds[0] if len(kinds) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one of " + ", ".join(str(member.value) for member in annotation)
    if annotation is int:
        return WHOLE_NUMBER
    if annotation is float:
        return NUMBER
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
