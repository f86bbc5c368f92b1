"""A Report in every format: the JSON document, one JSONL object and one CSV row per country."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlis_cli.model.report import CountryResult, Report
from mlis_cli.render.formats import Output
from mlis_cli.render.report_dict import report_dict, result_dict

if TYPE_CHECKING:
    from rich.console import Console

CSV_COLUMNS = (
    "country",
    "name",
    "verdict",
    "worst_case",
    "complete",
    "open_questions",
    "next_steps",
    "reviewed",
    "stale",
)
"""The CSV contract of mlis check: one row per country; open_questions are fact names."""


def report_output(
    report: Report,
    *,
    explain: bool = False,
    brief: bool = False,
    details: bool = False,
    note: str | None = None,
) -> Output:
    """note: a line people should read first (which facts came from the saved profile)."""

    def text(console: Console) -> None:
        from mlis_cli.render.text import render_report, render_saved_facts

        if note:
            render_saved_facts(note, console)
        if details or explain:
            render_report(report, console, explain=explain, brief=brief)
        else:
            from mlis_cli.render.answer_text import render_answers

            render_answers(report, console, brief=brief)

    # Each format makes only its own: the document, the records and the rows are made when written.
    return Output(
        document=lambda: report_dict(report),
        records=(result_dict(result, report.today) for result in report.results),
        columns=CSV_COLUMNS,
        text=text,
        rows=(csv_row(result) for result in report.results),
    )


def csv_row(result: CountryResult) -> dict[str, Any]:
    return {
        "country": result.code,
        "name": result.name,
        "verdict": result.verdict.value,
        "worst_case": result.worst_case.value,
        "complete": result.complete,
        "open_questions": [question.fact for question in result.open_questions],
        "next_steps": list(result.next_steps),
        "reviewed": result.reviewed.isoformat(),
        "stale": result.stale,
    }
