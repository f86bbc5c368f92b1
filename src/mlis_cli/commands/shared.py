"""What commands share: loading the rules, the evaluation date, a console for text, --fail-on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from mlis_cli.errors import EXIT_THRESHOLD, UsageError
from mlis_cli.model.verdicts import Verdict, threshold_met

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.model.ruleset import RuleSet


def load_rules(option: Path | None) -> RuleSet:
    """The rule set (cached while the files are unchanged), or RulesInvalid (exit 3).

    For rules read from --rules-dir (or MLIS_RULES_DIR), the hint names that directory:
    a plain 'mlis rules validate' would check the shipped rules instead.
    """
    from mlis_cli import api

    try:
        return api.load_rules(option)
    except api.RulesInvalid as error:
        if option is not None:
            import shlex

            error.hint = f"run 'mlis rules validate {shlex.quote(str(option))}' to see every problem"
        raise


def today() -> dt.date:
    """The evaluation date; MLIS_TODAY=YYYY-MM-DD fixes it for reproducible runs."""
    fixed = os.environ.get("MLIS_TODAY")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"MLIS_TODAY: expected a date YYYY-MM-DD, got {fixed!r}") from None


def console(no_color: bool) -> Console:
    """A console on stdout that colors only where render.terminal says it may."""
    from mlis_cli.render.terminal import make_console

    return make_console(sys.stdout, no_color)


def exit_if_threshold_met(verdicts: Iterable[Verdict], fail_on: Verdict | None) -> None:
    """Exit 1, silently, when --fail-on was given and a verdict is at or worse than it."""
    if threshold_met(verdicts, fail_on):
        raise typer.Exit(EXIT_THRESHOLD)
