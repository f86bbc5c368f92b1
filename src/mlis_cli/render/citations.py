"""The sources as citations for reference managers: BibTeX, RIS and CSL-JSON.

Each entry is a web page: its title, its publisher (as a corporate author, since
the rules name no person apart from the publisher), its address, its own date
and its reliability as a note. An undated page (nd) gets no date.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from mlis_cli.model.ruleset import Source

_BIBTEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"} | {"\\": "\\textbackslash{}"}


def _date(source: Source) -> dt.date | None:
    return None if source.date == "nd" else dt.date.fromisoformat(source.date)


def _note(source: Source) -> str:
    return f"Reliability: {source.reliability}"


def bibtex_text(value: str) -> str:
    """Text as a BibTeX field value: the characters TeX treats specially, escaped."""
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in value)


def bibtex(sources: Iterable[Source]) -> str:
    entries = []
    for source in sources:
        fields = [
            ("title", bibtex_text(source.title)),
            ("author", "{" + bibtex_text(source.publisher) + "}"),
            ("publisher", bibtex_text(source.publisher)),
        ]
        if source.url:
            fields.append(("url", source.url.replace("{", "%7B").replace("}", "%7D")))
        date = _date(source)
        if date is not None:
            fields += [("date", date.isoformat()), ("year", str(date.year))]
        fields.append(("note", bibtex_text(_note(source))))
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
        entries.append(f"@misc{{{source.id},\n{body}}}\n")
    return "\n".join(entries)


def ris(sources: Iterable[Source]) -> str:
    records = []
    for source in sources:
        lines = [("TY", "ELEC"), ("ID", source.id), ("TI", source.title), ("PB", source.publisher)]
        if source.url:
            lines.append(("UR", source.url))
        date = _date(source)
        if date is not None:
            lines += [("PY", str(date.year)), ("DA", date.strftime("%Y/%m/%d"))]
        lines += [("N1", _note(source)), ("ER", "")]
        records.append("".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines))
    return "\n".join(records)


def csl_item(source: Source) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": source.id,
        "type": "webpage",
        "title": source.title,
        "author": [{"literal": source.publisher}],
        "publisher": source.publisher,
    }
    if source.url:
        item["URL"] = source.url
    date = _date(source)
    if date is not None:
        item["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
    item["note"] = _note(source)
    return item


def csl_json(sources: Iterable[Source]) -> str:
    return json.dumps([csl_item(source) for source in sources], indent=2, ensure_ascii=False) + "\n"
