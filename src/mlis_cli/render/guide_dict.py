"""Guides as plain data: what `mlis guide` prints as JSON."""

from __future__ import annotations

from typing import Any

from mlis_cli.model.ruleset import Guide, RuleSet


def guide_row(guide: Guide) -> dict[str, Any]:
    """One guide in the list: its name, title, sector and the sources it cites."""
    return {
        "name": guide.name,
        "title": guide.title,
        "sector": guide.sector,
        "sources": list(guide.cited()),
    }


def guide_detail(ruleset: RuleSet, guide: Guide) -> dict[str, Any]:
    """One guide in full, every point with its sources, every source described."""
    return {
        "name": guide.name,
        "title": guide.title,
        "sector": guide.sector,
        "summary": guide.summary,
        "sections": [
            {
                "heading": section.heading,
                "points": [{"text": point.text, "sources": list(point.sources)} for point in section.points],
            }
            for section in guide.sections
        ],
        "sources": list(guide.cited()),
        "references": [ruleset.sources[source].to_dict() for source in guide.cited()],
    }
