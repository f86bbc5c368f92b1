"""`mlis rules diff` as data and as text: each class whose answer moved, before and after."""

from __future__ import annotations

from typing import Any

from mlis_cli.engine.rule_diff import MAX_CLASSES, Change, RuleDiff, Side

DIFF_COLUMNS = (
    "country",
    "class",
    "before_verdict",
    "before_worst_case",
    "before_open_questions",
    "before_cases",
    "after_verdict",
    "after_worst_case",
    "after_open_questions",
    "after_cases",
)


def _value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return getattr(value, "value", value)


def class_words(change: Change) -> str:
    """'degree ala, citizenship nz, age 18'; a cohort profile by its label."""
    if change.label is not None:
        return change.label
    parts = []
    for fact, value in change.facts:
        shown = _value(value)
        if isinstance(shown, list):
            shown = "+".join(shown)
        elif isinstance(shown, bool):
            shown = "yes" if shown else "no"
        parts.append(f"{fact} {shown}")
    return ", ".join(parts) or "nothing known"


def _side_dict(side: Side) -> dict[str, Any]:
    return {
        "verdict": side.verdict.value,
        "worst_case": side.worst_case.value,
        "open_questions": list(side.open_questions),
        "cases": list(side.cases),
    }


def change_dict(change: Change) -> dict[str, Any]:
    who: dict[str, Any] = (
        {"profile": change.label}
        if change.label is not None
        else {"class": {fact: _value(value) for fact, value in change.facts}}
    )
    return {
        "country": change.country,
        **who,
        "before": _side_dict(change.before),
        "after": _side_dict(change.after),
    }


def diff_dict(diff: RuleDiff, *, cohort: bool = False) -> dict[str, Any]:
    """cohort: the compared counts are profiles, not classes."""
    unit = "profiles" if cohort else "classes"
    changed: dict[str, int] = {}
    for change in diff.changes:
        changed[change.country] = changed.get(change.country, 0) + 1
    return {
        "changed": diff.changed,
        "compared": [
            {"country": code, unit: count, "changed": changed.get(code, 0)} for code, count in diff.compared
        ],
        "added": list(diff.added),
        "removed": list(diff.removed),
        "too_many": [{"country": t.country, "classes": t.classes} for t in diff.too_many],
        "changes": [change_dict(change) for change in diff.changes],
    }


def diff_row(change: Change) -> dict[str, Any]:
    row: dict[str, Any] = {"country": change.country, "class": class_words(change)}
    for name, side in (("before", change.before), ("after", change.after)):
        row[f"{name}_verdict"] = side.verdict.value
        row[f"{name}_worst_case"] = side.worst_case.value
        row[f"{name}_open_questions"] = list(side.open_questions)
        row[f"{name}_cases"] = list(side.cases)
    return row


def _side_words(side: Side) -> str:
    words = side.verdict.value
    if side.worst_case is not side.verdict:
        words += f" (worst case {side.worst_case.value})"
    if side.open_questions:
        words += f", open: {', '.join(side.open_questions)}"
    return f"{words}; cases {', '.join(side.cases)}"


def diff_lines(diff: RuleDiff, *, cohort: bool = False) -> list[str]:
    unit = "profile" if cohort else "class"
    by_country: dict[str, list[Change]] = {}
    for change in diff.changes:
        by_country.setdefault(change.country, []).append(change)
    lines: list[str] = []
    for code in diff.added:
        lines.append(f"{code}: only in the new rules")
    for code in diff.removed:
        lines.append(f"{code}: only in the old rules")
    for too_many in diff.too_many:
        lines.append(
            f"{too_many.country}: {too_many.classes} classes of facts, more than {MAX_CLASSES}; "
            "not compared (give --profiles to compare a cohort)"
        )
    for code, count in diff.compared:
        changes = by_country.get(code, [])
        if not changes:
            continue
        plural = "es" if unit == "class" and count != 1 else ("s" if count != 1 else "")
        lines.append(f"{code}: {len(changes)} of {count} {unit}{plural} change")
        for change in changes:
            lines.append(f"  {class_words(change)}")
            lines.append(f"    before: {_side_words(change.before)}")
            lines.append(f"    after:  {_side_words(change.after)}")
    if not lines:
        lines.append("No answer changes.")
    return lines
