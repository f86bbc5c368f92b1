"""Errors the user can act on, each with its exit code. Anything else is a bug."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlis_cli.problems import Problem

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_USAGE = 2
EXIT_RULES = 3
EXIT_INTERNAL = 70  # EX_SOFTWARE in sysexits.h: a bug in mlis, never the user's doing
EXIT_INTERRUPTED = 130


class MlisError(Exception):
    exit_code = EXIT_USAGE
    code = "usage"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(MlisError):
    """Bad input from the user: an unknown code, a bad value, a missing option."""


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
