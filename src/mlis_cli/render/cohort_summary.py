"""`mlis batch --summary`: one table per country, as text, a JSON document or CSV rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlis_cli.engine.cohort_summary import CohortSummary, CountrySummary
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import SCALE
from mlis_cli.render.layout import block

if TYPE_CHECKING:
    from rich.console import Console

CSV_COLUMNS = (
    "country",
    "name",
    "profiles",
    "complete",
    *(verdict.value for verdict in SCALE),
    *(f"worst_{verdict.value}" for verdict in SCALE),
    "open_questions",
    "barriers",
)
"""One row per country: its counts by verdict, by worst case, then the lists as 'fact (count)'."""


def summary_dict(summary: CohortSummary, ruleset: RuleSet) -> dict[str, Any]:
    return {
        "profiles": summary.lines,
        "bad_lines": summary.bad_lines,
        "countries": [country_dict(country, ruleset) for country in summary.countries],
    }


def country_dict(country: CountrySummary, ruleset: RuleSet) -> dict[str, Any]:
    return {
        "country": country.country,
        "name": ruleset.countries[country.country].name,
        "profiles": country.profiles,
        "complete": country.complete,
        "verdicts": {verdict.value: count for verdict, count in country.verdicts},
        "worst_cases": {verdict.value: count for verdict, count in country.worst_cases},
        "open_questions": [{"fact": fact, "profiles": count} for fact, count in country.open_questions],
        "barriers": [
            {"requirement": ident, "title": _title(ruleset, country.country, ident), "profiles": count}
            for ident, count in country.barriers
        ],
    }


def csv_rows(summary: CohortSummary, ruleset: RuleSet) -> list[dict[str, Any]]:
    rows = []
    for country in summary.countries:
        row: dict[str, Any] = {
            "country": country.country,
            "name": ruleset.countries[country.country].name,
            "profiles": country.profiles,
            "complete": country.complete,
        }
        row.update((verdict.value, count) for verdict, count in country.verdicts)
        row.update((f"worst_{verdict.value}", count) for verdict, count in country.worst_cases)
        row["open_questions"] = [f"{fact} ({count})" for fact, count in country.open_questions]
        row["barriers"] = [f"{ident} ({count})" for ident, count in country.barriers]
        rows.append(row)
    return rows


def _title(ruleset: RuleSet, code: str, ident: str) -> str:
    return next(r.title for r in ruleset.countries[code].requirements if r.id == ident)


def _profiles(count: int) -> str:
    return f"{count} profile{'s' if count != 1 else ''}"


def render_summary(summary: CohortSummary, ruleset: RuleSet, console: Console) -> None:
    from rich.markup import escape

    bad = summary.bad_lines
    head = f"{_profiles(summary.lines)} read"
    if bad:
        head += f"; {bad} line{'s' if bad != 1 else ''} could not be checked"
    block(console, f"{head}.")
    for country in summary.countries:
        console.print()
        name = ruleset.countries[country.country].name
        block(
            console,
            f"[bold]{escape(name)} ({country.country})[/]: {_profiles(country.profiles)}, "
            f"{country.complete} with a complete answer",
        )
        console.print()
        width = max(len(verdict.value) for verdict in SCALE)
        block(console, f"[dim]{'':<{width}}  {'verdict':>10}  {'worst case':>10}[/]", 2)
        for (verdict, count), (_, worst) in zip(country.verdicts, country.worst_cases, strict=True):
            block(console, f"{verdict.value:<{width}}  {count:>10}  {worst:>10}", 2)
        console.print()
        questions = ", ".join(f"{fact} ({count})" for fact, count in country.open_questions)
        block(console, f"Most common open questions: {escape(questions or 'none')}", 2)
        barriers = ", ".join(
            f"{_title(ruleset, country.country, ident)} ({count})" for ident, count in country.barriers
        )
        block(console, f"Most often in the way: {escape(barriers or 'nothing')}", 2)
