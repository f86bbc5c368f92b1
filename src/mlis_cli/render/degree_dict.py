"""Degree codes as plain data: what `mlis degrees` prints as JSON."""

from __future__ import annotations

from typing import Any

from mlis_cli.model.ruleset import Degree, Figure, RuleSet, Statement


def degree_row(degree: Degree) -> dict[str, Any]:
    """One code in the list: what it means and how to check it."""
    return {
        "code": degree.code,
        "name": degree.name,
        "description": degree.description,
        "verify": [statement_dict(step) for step in degree.verify],
        "sources": list(degree.sources),
    }


def degree_detail(ruleset: RuleSet, degree: Degree) -> dict[str, Any]:
    """One code in full, with every source it cites described."""
    names = degree.names
    programs = degree.programs
    return {
        "code": degree.code,
        "name": degree.name,
        "description": degree.description,
        "names": {"examples": list(names.examples), "note": names.note, "sources": list(names.sources)}
        if names
        else None,
        "verify": [statement_dict(step) for step in degree.verify],
        "programs": {
            "note": programs.note,
            "counts": [figure_dict(figure) for figure in programs.counts],
            "named": [
                {
                    "institution": program.institution,
                    "country": program.country,
                    "note": program.note,
                    "sources": list(program.sources),
                }
                for program in programs.named
            ],
        }
        if programs
        else None,
        "sources": list(degree.sources),
        "references": [ruleset.sources[source].to_dict() for source in degree.cited()],
    }


def statement_dict(statement: Statement) -> dict[str, Any]:
    return {"step": statement.text, "sources": list(statement.sources)}


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {
        "figure": figure.figure,
        "counts": figure.counts,
        "stated": figure.stated,
        "note": figure.note,
        "sources": list(figure.sources),
    }
