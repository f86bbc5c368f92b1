"""YAML output: the same document as JSON, keys in contract order, safe types only."""

from __future__ import annotations

from typing import Any, TextIO

import yaml


def write_yaml(data: Any, out: TextIO) -> None:
    yaml.safe_dump(data, out, sort_keys=False, allow_unicode=True, default_flow_style=False)
