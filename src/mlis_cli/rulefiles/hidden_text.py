"""Rule text must be what a reader sees: a hidden character in any string of a rule file is a problem.

An ESC can clear a terminal, a bidirectional override reorders a line, a
zero-width space makes two ids look alike. YAML writes them with escapes
(`"Fin\\e[2J"`), so a file can look clean and carry them. `mlis rules validate`
reports each string that holds one, at the string; commands still run on such
rules and show the characters escaped (model/visible.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from mlis_cli.model.visible import escaped, is_hidden
from mlis_cli.rulefiles.parsed import Collected, ParsedFile
from mlis_cli.rulefiles.problems import Problem

KINDS = {"Cc": "a control character", "Cf": "an invisible format character", "Cs": "a lone surrogate"}


def hidden_text(collected: Collected) -> list[Problem]:
    """A problem for each string (key or value) of a parsed file that holds a hidden character."""
    files = [collected.sources, collected.degrees, collected.groups, collected.certificates]
    return [
        problem
        for parsed in [*collected.countries, *files]
        if parsed is not None
        for problem in _in(parsed, parsed.document.data, ())
    ]


def _in(parsed: ParsedFile, data: Any, path: tuple[str | int, ...]) -> Iterator[Problem]:
    if isinstance(data, str):
        yield from _string(parsed, data, path, key=False)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield from _string(parsed, key, (*path, key), key=True)
            yield from _in(parsed, value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _in(parsed, item, (*path, index))


def _string(parsed: ParsedFile, text: str, path: tuple[str | int, ...], *, key: bool) -> Iterator[Problem]:
    if text.isprintable():
        return
    for char in text:
        if is_hidden(char):
            kind = KINDS.get(unicodedata.category(char), "a line or paragraph separator")
            what = "key" if key else "text"
            message = f"{what} holds {escaped(char)}, {kind}; rule text must be visible as written"
            yield parsed.problem(path, message, key=key)
            return
