"""JSON output: one document, two-space indented, keys in contract order."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, indent=2, ensure_ascii=False))
    out.write("\n")
