"""Long text through a pager, as git does: only on a terminal, only when taller than it.

The pager is MLIS_PAGER, else PAGER, else `less`; it runs through the shell,
so it may carry options. `less` gets LESS=FRX unless LESS is set: quit if
one screen, keep colors, leave the text on screen. An empty value or `cat`
means no pager, and so does --no-pager. If the pager cannot be started, the
text is written as it is.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

COMMAND_NOT_FOUND = 127


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run, or None for none."""
    for name in ("MLIS_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in ("", "cat") else command
    return "less"


def write_paged(render: Callable[[Console], None], console: Console, stream: TextIO) -> None:
    """Render to the console; if the text is taller than the terminal, show it through the pager."""
    command = pager_command(os.environ)
    if command is None:
        render(console)
        return
    with console.capture() as captured:
        render(console)
    text = captured.get()
    if text.count("\n") < console.height:
        stream.write(text)
        return
    stream.flush()
    environ = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    data = text.encode(stream.encoding or "utf-8", errors="backslashreplace")
    try:
        # Through the shell, as git runs it: the pager may be given with its options.
        done = subprocess.run(command, shell=True, input=data, env=environ, check=False)
    except OSError:
        done = None
    if done is None or done.returncode == COMMAND_NOT_FOUND:
        stream.write(text)
