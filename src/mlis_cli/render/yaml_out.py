"""YAML output: the same document as JSON, keys in contract order, safe types only."""

from __future__ import annotations

from typing import Any, TextIO

import yaml


def write_yaml(data: Any, out: TextIO) -> None:
    from mlis_cli.render.encoding import stream_is_unicode

    # Where the encoding cannot hold every character, YAML escapes them itself.
    yaml.safe_dump(data, out, sort_keys=False, allow_unicode=stream_is_unicode(out), default_flow_style=False)
