"""Errors the user can act on, each with its exit code. Anything else is a bug."""

from __future__ import annotations

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_USAGE = 2
EXIT_RULES = 3
EXIT_INTERNAL = 70  # EX_SOFTWARE in sysexits.h: a bug in mlis, never the user's doing
EXIT_IO = 74  # EX_IOERR in sysexits.h: the output could not be written (closed, full disk)
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process that SIGTERM ended


class MlisError(Exception):
    exit_code = EXIT_USAGE
    code = "usage"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(MlisError):
    """Bad input from the user: an unknown code, a bad value, a missing option."""
