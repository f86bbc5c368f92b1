"""JSON output: one document, two-space indented, keys in contract order; or JSONL, one object a line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
"""Compact JSON; NaN and infinities are not JSON, so they are never written (ValueError)."""


def write_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    out.write("\n")


def json_line(record: Mapping[str, Any]) -> str:
    """One compact JSON object and its newline."""
    return compact(record) + "\n"


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json_line(record))
