"""What commands share: loading the rules, the evaluation date, a console for text."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlis_cli import loader
from mlis_cli.errors import UsageError
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.rules_location import rules_dir

if TYPE_CHECKING:
    from rich.console import Console


def load_rules(option: Path | None) -> RuleSet:
    """The rule set, or RulesInvalid (exit 3) naming the first problem."""
    directory, shown = rules_dir(option)
    return loader.load(directory, shown)


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
    from rich.console import Console

    return Console(file=sys.stdout, no_color=no_color or None, highlight=False, emoji=False)
