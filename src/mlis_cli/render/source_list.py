"""`mlis sources`: every source with its age and the cases that rest on it, as data and as text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mlis_cli.catalog.source_use import CaseRef
from mlis_cli.model.ruleset import Source

SOURCE_COLUMNS = ("id", "title", "publisher", "url", "date", "reliability", "age", "cases")


def source_date(source: Source) -> dt.date | None:
    """The page's own date; None for nd."""
    return None if source.date == "nd" else dt.date.fromisoformat(source.date)


def age_in_years(date: dt.date | None, today: dt.date) -> int | None:
    """Whole years from the source's date to the evaluation date; None when undated."""
    if date is None:
        return None
    return today.year - date.year - ((today.month, today.day) < (date.month, date.day))


def source_record(source: Source, cases: tuple[CaseRef, ...], today: dt.date) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": source.date,
        "reliability": source.reliability,
        "age": age_in_years(source_date(source), today),
        "cases": [str(case) for case in cases],
    }


def source_lines(record: dict[str, Any]) -> list[str]:
    age = record["age"]
    dated = "undated" if age is None else f"{record['date']}, {age} year{'s' if age != 1 else ''} old"
    cases = ", ".join(record["cases"]) or "none"
    return [
        f"{record['id']} ({record['reliability']}, {dated})",
        f"  {record['title']}",
        f"  {record['publisher']}",
        f"  {record['url'] or 'no address'}",
        f"  Cases: {cases}",
    ]
