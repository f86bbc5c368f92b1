"""CSV output: a header, then one row per record in stable columns.

Cells: text with hidden characters escaped (model/visible.py), true/false for
booleans, empty for null, and a list as a JSON array (`["a", "b"]`; a mapping
as a JSON object): items may hold any character, "; " included, and
json.loads() on the cell gives them back exactly.

A text cell that begins with =, +, -, @, tab or carriage return gets a single
quote in front, as the OWASP page on CSV injection recommends, so that a
spreadsheet shows it as text instead of running it as a formula; --csv-raw
(formulas_kept) writes such cells as they are, for trusted data.
"""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any, TextIO

from mlis_cli.model.visible import json_visible, visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP, CSV injection)."""

_keep_formulas: ContextVar[bool] = ContextVar("keep_formulas", default=False)


@contextlib.contextmanager
def formulas_kept(keep: bool) -> Iterator[None]:
    """While inside, cells that begin like a formula are written as they are (keep) or not."""
    token = _keep_formulas.set(keep)
    try:
        yield
    finally:
        _keep_formulas.reset(token)


def list_cell(items: Sequence[Any] | Mapping[str, Any]) -> str:
    """A list as a JSON array (a mapping as an object): exact whatever the items hold, never
    taken for a formula."""
    data = dict(items) if isinstance(items, Mapping) else list(items)
    return json_visible(json.dumps(data, ensure_ascii=False, allow_nan=False, default=str))


def text_cell(text: str) -> str:
    shown = visible(text)
    if shown.startswith(FORMULA_STARTS) and not _keep_formulas.get():
        return "'" + shown
    return shown


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | Mapping):
        return list_cell(value)
    if isinstance(value, int | float):
        return str(value)  # a number, negative or not, is no formula
    return text_cell(str(value))


def write_csv(records: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([cell(record.get(column)) for column in columns])
