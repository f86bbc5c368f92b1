"""A located problem in a rule file, how pydantic's errors become one, and the error that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlis_cli.errors import EXIT_RULES, MlisError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails


ERROR = "error"
WARNING = "warning"
"""What the verdict policy asks and the data does not do: reported, but the rules still load."""


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: warning: {self.message}" if self.severity == WARNING else f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


def dotted(loc: tuple[str | int, ...]) -> str:
    """requirements[0].cases[1].verdict"""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_TYPE_WORDS = {
    "string_type": "a string",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
    "float_type": "a number",
}


CURRENCY_PATTERN = r"^[A-Z]{3}$"
"""The pattern of an ISO 4217 currency code in the schema."""


def message_for(error: ErrorDetails, allowed_keys: list[str] | None) -> str:
    """What was expected and what was found, in the project's words."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = error["loc"][-1]
        expected = f"; expected one of {', '.join(allowed_keys)}" if allowed_keys else ""
        return f"unknown key '{key}'{expected}"
    if kind == "missing":
        return f"missing required key '{error['loc'][-1]}'"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        expected = expected.replace(" or ", ", ")
        return f"expected one of {expected}, got {show(value)}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == CURRENCY_PATTERN:
        return f"expected a currency's three-letter code in capitals (EUR, NZD), got {show(value)}"
    if kind == "string_pattern_mismatch":
        return f"expected a lowercase code (letters, digits, hyphens), got {show(value)}"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"expected at least {least} item{'s' if least != 1 else ''}, got none"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {show(value)}"
    return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {show(value)}"


class RulesInvalid(MlisError):
    """The rule data cannot be used; carries every problem found."""

    exit_code = EXIT_RULES
    code = "invalid-rules"

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0] if problems else None
        count = len(problems)
        message = f"rule data is invalid: {first}" if first else "rule data is invalid"
        if count > 1:
            message += f" (and {count - 1} more problem{'s' if count > 2 else ''})"
        super().__init__(message, hint="run 'mlis rules validate' to see every problem")
        self.problems = list(problems)
