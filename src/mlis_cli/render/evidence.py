"""How far to trust an answer, in words: when it rests only on weak sources, or on old ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mlis_cli.model.report import Outcome
from mlis_cli.model.ruleset import Evidence

OLD_AFTER_YEARS = 5
"""A source older than this is named with its year: advice may have changed since."""


def is_old(evidence: Evidence, today: dt.date) -> bool:
    """Whether every source is dated and the newest is more than five years old.

    An undated page may be current, so an answer that cites one is never called old.
    """
    if evidence.newest is None or evidence.undated:
        return False
    try:
        limit = today.replace(year=today.year - OLD_AFTER_YEARS)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - OLD_AFTER_YEARS, day=28)
    return evidence.newest < limit


def evidence_words(evidence: Evidence | None, today: dt.date) -> str | None:
    """A sentence when the answer rests only on weak sources or on old ones; None otherwise.

    'It rests on one weak source, from 2012.' 'Its newest source is from 2013.'
    """
    if evidence is None:
        return None
    old = is_old(evidence, today)
    year = evidence.newest.year if evidence.newest is not None else None
    if evidence.strongest == "weak":
        if evidence.sources == 1:
            return f"It rests on one weak source, from {year}." if old else "It rests on one weak source."
        if old:
            return f"It rests only on weak sources; the newest is from {year}."
        return "It rests only on weak sources."
    if not old:
        return None
    if evidence.sources == 1:
        return f"It rests on a source from {year}."
    return f"Its newest source is from {year}."


def evidence_dict(evidence: Evidence | None, today: dt.date) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {
        "sources": evidence.sources,
        "strongest": evidence.strongest,
        "newest": evidence.newest.isoformat() if evidence.newest else None,
        "old": is_old(evidence, today),
        "words": evidence_words(evidence, today),
    }


def reason_words(outcome: Outcome, today: dt.date) -> str:
    """The reason; for an unknown verdict, what was looked for; and how far to trust it."""
    words = with_looked_for(outcome.reason, outcome)
    trust = evidence_words(outcome.evidence, today)
    if trust:
        words += f" {trust}"
    return words


def with_looked_for(words: str, outcome: Outcome) -> str:
    """The words, then, for an unknown verdict, what was looked for in the sources."""
    if not outcome.looked_for:
        return words
    return f"{words} Looked for: {outcome.looked_for.rstrip('.')}."
