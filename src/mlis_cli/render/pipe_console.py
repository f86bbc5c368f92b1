"""The rich Console every text command prints through.

- A closed pipe reaches the entry point, which then ends quietly with exit 0
  (rich's own answer is SystemExit(1), which would fail `set -o pipefail`
  scripts after `| head`).
- Whatever it prints, rule text and input included, shows hidden characters
  escaped (model/visible.py): an ESC in a country name can neither clear the
  screen nor open a link, a bidirectional override cannot reorder a line. The
  escape sequences rich writes for color are not text, so they stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from mlis_cli.model.visible import visible


class PipeConsole(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or segment.text.isprintable():
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)
