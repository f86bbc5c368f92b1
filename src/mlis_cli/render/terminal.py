"""Whether to color, decided once for every command, and a rich Console that obeys it.

In order: --no-color or NO_COLOR turns color off; else FORCE_COLOR turns it on;
else color only on a terminal whose TERM is not dumb. An environment variable
counts when it is set and not empty. Without color nothing but text is written:
no escape sequences at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def is_dumb(environ: Mapping[str, str]) -> bool:
    return environ.get("TERM", "").lower() == "dumb"


def color_wanted(stream: TextIO, no_color: bool, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if no_color or env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return not is_dumb(env) and is_terminal(stream)


def make_console(stream: TextIO, no_color: bool) -> Console:
    from mlis_cli.render.pipe_console import PipeConsole

    color = color_wanted(stream, no_color)
    # rich would drop color on a dumb terminal even when FORCE_COLOR asks for it.
    system: Literal["auto", "standard"] | None = None
    if color:
        system = "standard" if is_dumb(os.environ) else "auto"
    return PipeConsole(
        file=stream,
        color_system=system,
        force_terminal=True if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
