"""`mlis sources --audit`: sources that cannot be checked or found again, and outcomes that rest
only on weak sources or only on old ones (render/evidence.py decides what is old)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mlis_cli.catalog.source_use import CaseRef
from mlis_cli.model.addresses import is_home_page
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.render.evidence import OLD_AFTER_YEARS, is_old

AUDIT_COLUMNS = ("finding", "source", "case", "verdict", "detail")


def audit(ruleset: RuleSet, today: dt.date) -> dict[str, Any]:
    sources = list(ruleset.sources.values())
    weak: list[dict[str, Any]] = []
    old: list[dict[str, Any]] = []
    for country in ruleset.countries.values():
        for requirement in country.requirements:
            for index, case in enumerate(requirement.cases):
                if case.evidence is None:
                    continue
                entry = {
                    "case": str(CaseRef(country.code, requirement.id, index + 1)),
                    "verdict": case.verdict.value,
                    "sources": list(dict.fromkeys(case.sources)),
                    "newest": case.evidence.newest.isoformat() if case.evidence.newest else None,
                }
                if case.evidence.strongest == "weak":
                    weak.append(entry)
                if is_old(case.evidence, today):
                    old.append(entry)
    return {
        "today": today.isoformat(),
        "undated": [s.id for s in sources if s.date == "nd"],
        "no_address": [s.id for s in sources if s.url is None],
        "home_page": [{"id": s.id, "url": s.url} for s in sources if s.url and is_home_page(s.url)],
        "weak_only": weak,
        "old": old,
    }


def audit_rows(found: dict[str, Any]) -> list[dict[str, Any]]:
    """One row a finding, for JSONL and CSV."""
    rows: list[dict[str, Any]] = [
        {"finding": "undated", "source": s, "case": None, "verdict": None, "detail": None}
        for s in found["undated"]
    ]
    rows += [
        {"finding": "no_address", "source": s, "case": None, "verdict": None, "detail": None}
        for s in found["no_address"]
    ]
    rows += [
        {"finding": "home_page", "source": s["id"], "case": None, "verdict": None, "detail": s["url"]}
        for s in found["home_page"]
    ]
    for finding in ("weak_only", "old"):
        rows += [
            {
                "finding": finding,
                "source": "; ".join(entry["sources"]),
                "case": entry["case"],
                "verdict": entry["verdict"],
                "detail": entry["newest"],
            }
            for entry in found[finding]
        ]
    return rows


def audit_lines(found: dict[str, Any]) -> list[str]:
    lines: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if lines:
            lines.append("")
        lines.append(f"{title} ({len(items)})")
        lines.extend(f"  {item}" for item in items or ["none"])

    section("Undated sources", found["undated"])
    section("Sources without an address", found["no_address"])
    section("Sources whose address is a home page", [f"{s['id']} {s['url']}" for s in found["home_page"]])
    section(
        "Outcomes resting only on weak sources",
        [f"{e['case']} ({e['verdict']}): {', '.join(e['sources'])}" for e in found["weak_only"]],
    )
    section(
        f"Outcomes whose sources are all dated, the newest over {OLD_AFTER_YEARS} years old",
        [f"{e['case']} ({e['verdict']}): newest {e['newest']}" for e in found["old"]],
    )
    return lines
