"""A rich Console that lets a closed pipe reach the entry point, which then ends quietly with exit 0.

rich's own answer is SystemExit(1), which would fail `set -o pipefail` scripts after `| head`.
"""

from __future__ import annotations

from rich.console import Console


class PipeConsole(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
