"""What reading a rules directory gives: each file that parsed, and every problem found.

The loader fills it; `references` checks it across files; `compile` builds the
RuleSet from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from mlis_cli import yaml_strict
from mlis_cli.rulefiles.problems import Problem, dotted


@dataclass
class ParsedFile:
    """One rule file that parsed and validated: its model and where its values stood."""

    display: str
    model: BaseModel
    document: yaml_strict.Document

    def problem(self, path: tuple[str | int, ...], message: str, *, key: bool = False) -> Problem:
        mark = self.document.mark_of(path, key=key)
        where = dotted(path)
        return Problem(self.display, mark.line, mark.column, f"{where}: {message}" if where else message)


@dataclass
class Collected:
    """What reading a directory gave: the files that parsed, and every problem."""

    sources: ParsedFile | None
    degrees: ParsedFile | None
    groups: ParsedFile | None
    countries: list[ParsedFile]
    problems: list[Problem]
    certificates: ParsedFile | None = None
    guides: ParsedFile | None = None
    absent: set[str] = field(default_factory=set)
    """Root files the directory does not have (the optional ones included)."""
