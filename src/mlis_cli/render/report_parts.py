"""What every report to hand over shares: when it was made, whose rules, and its sources in full."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from mlis_cli.model.ruleset import Source
from mlis_cli.render.document import Block, Item, Items, Line, Paragraph, link

ADVICE = (
    "This report sums up public sources, each cited with its address and date; it is advice, "
    "not a decision. The authorities and employers named decide."
)


def made_and_reviewed(made: dt.date, reviewed: Sequence[dt.date]) -> list[Block]:
    dates = sorted(set(reviewed))
    if len(dates) == 1:
        when = f"The rules were reviewed on {dates[0].isoformat()}."
    else:
        when = (
            f"The rules were reviewed between {dates[0].isoformat()} and {dates[-1].isoformat()} "
            "(each country's date is given with it)."
        )
    return [Paragraph((f"Report made on {made.isoformat()} by mlis. {when}",)), Paragraph((ADVICE,))]


def source_blocks(cited: Iterable[str], sources: Mapping[str, Source]) -> list[Block]:
    found = [sources[source_id] for source_id in cited if source_id in sources]
    if not found:
        return []
    return [
        Paragraph(("Sources:",)),
        Items(tuple(Item(source_line(source)) for source in found), kind="sources"),
    ]


def source_line(source: Source) -> Line:
    """'“Title”, Publisher, https://..., 2022-09-29, official [id]': the address as a link."""
    address = link(source.url) if source.url else "no address recorded"
    date = source.date if source.date != "nd" else "no date"
    return (
        f"\u201c{source.title}\u201d, {source.publisher}, ",
        address,
        f", {date}, {source.reliability} [{source.id}]",
    )
