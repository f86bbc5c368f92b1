"""`mlis rules coverage` as data and as text: cases no test reaches, sources nothing cites, kinds."""

from __future__ import annotations

from typing import Any

from mlis_cli.model.coverage import Coverage

COVERED = "yes"
SILENT = "-"


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    elsewhere = set(coverage.cited_elsewhere)
    return {
        "cases": coverage.cases,
        "reached": coverage.reached,
        "percent": round(coverage.percent, 1),
        "countries": [
            {
                "code": country.code,
                "name": country.name,
                "cases": country.cases,
                "reached": country.reached,
                "missed": [case._asdict() for case in country.missed],
                "kinds": {kind: list(ids) for kind, ids in country.kinds.items()},
                "uncited_sources": list(country.uncited),
            }
            for country in coverage.countries
        ],
        "uncited_sources": [
            {"id": source, "cited_elsewhere": source in elsewhere} for source in coverage.uncited
        ],
    }


def coverage_lines(coverage: Coverage) -> list[str]:
    lines = [
        f"Cases reached by a test: {coverage.reached} of {coverage.cases} ({coverage.percent:.1f}%)",
        "",
        f"Requirement kinds each country covers ({SILENT}: the file is silent)",
    ]
    kinds = list(coverage.countries[0].kinds) if coverage.countries else []
    width = max((len(country.code) for country in coverage.countries), default=2)
    lines.append(" " * (width + 2) + "  ".join(kinds))
    for country in coverage.countries:
        marks = ((COVERED if country.kinds[kind] else SILENT).ljust(len(kind)) for kind in kinds)
        lines.append(f"{country.code.ljust(width)}  {'  '.join(marks)}".rstrip())
    lines += ["", "Cases no test reaches"]
    missed = [
        f"  {country.code} {case.requirement} case {case.case} ({case.description})"
        for country in coverage.countries
        for case in country.missed
    ]
    lines += missed or ["  none"]
    lines += ["", "A country's own sources none of its cases cites"]
    own = [f"  {country.code} {source}" for country in coverage.countries for source in country.uncited]
    lines += own or ["  none"]
    lines += ["", "Sources no case cites"]
    elsewhere = set(coverage.cited_elsewhere)
    lines += [
        f"  {source}" + (" (a degree, group, certificate or guide cites it)" if source in elsewhere else "")
        for source in coverage.uncited
    ] or ["  none"]
    return lines
