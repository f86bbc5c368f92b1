"""What reading a rules directory gives: each file that parsed, and every problem found.

The loader fills it; `references` checks it across files; `compile` builds the
RuleSet from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from mlis_cli import yaml_strict
from mlis_cli.rulefiles.problems import Problem, dotted
from mlis_cli.rulefiles.salvage import in_file


@dataclass
class ParsedFile:
    """One rule file that parsed: its model and where its values stood.

    A file with problems of its own may still be here, in part (not `whole`):
    the model then holds what was left once the parts around its problems were
    cut (`salvage`), and `kept` maps its list indices back to the file's.
    """

    display: str
    model: BaseModel
    document: yaml_strict.Document
    kept: dict[tuple[str | int, ...], list[int]] = field(default_factory=dict)
    whole: bool = True
    """Every part of the file is in the model (no key or value was left out)."""

    def problem(self, path: tuple[str | int, ...], message: str, *, key: bool = False) -> Problem:
        path = in_file(path, self.kept)
        mark = self.document.mark_of(path, key=key)
        where = dotted(path)
        return Problem(self.display, mark.line, mark.column, f"{where}: {message}" if where else message)

    def keys_of(self, name: str) -> set[str]:
        """The keys of a top-level mapping as the file has them, what was cut included."""
        data: Any = self.document.data
        entries = data.get(name) if isinstance(data, dict) else None
        return {key for key in entries if isinstance(key, str)} if isinstance(entries, dict) else set()


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
