"""A Report as plain data: the JSON contract (schema version in model.report)."""

from __future__ import annotations

from typing import Any

from mlis_cli.model.report import (
    SCHEMA_VERSION,
    CountryResult,
    OpenQuestion,
    Outcome,
    Report,
    RequirementResult,
    Status,
)


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "today": report.today.isoformat(),
        "strict": report.strict,
        "profile": report.profile.to_dict(),
        "results": [result_dict(result) for result in report.results],
    }


def result_dict(result: CountryResult) -> dict[str, Any]:
    return {
        "country": result.code,
        "name": result.name,
        "group": result.group,
        "association": result.association,
        "verdict": result.verdict.value,
        "worst_case": result.worst_case.value,
        "complete": result.complete,
        "requirements": [requirement_dict(r) for r in result.requirements],
        "open_questions": [question_dict(q) for q in result.open_questions],
        "next_steps": list(result.next_steps),
        "see": [link.to_dict() for link in result.see],
        "sources": [source.to_dict() for source in result.sources],
        "reviewed": result.reviewed.isoformat(),
        "stale": result.stale,
    }


def requirement_dict(requirement: RequirementResult) -> dict[str, Any]:
    outcome = requirement.outcome
    return {
        "id": requirement.id,
        "kind": requirement.kind,
        "title": requirement.title,
        "status": requirement.status.value,
        "verdict": requirement.verdict.value,
        "worst_case": requirement.worst_case.value,
        "reason": outcome.reason,
        "steps": list(outcome.steps),
        "see": [link.to_dict() for link in outcome.see],
        "sources": list(outcome.sources),
        "matched_case": outcome.case if requirement.status is not Status.OPEN else None,
        "compared": dict(requirement.compared),
        "missing": list(requirement.missing),
        "outcomes": [outcome_dict(o) for o in requirement.outcomes]
        if requirement.status is Status.OPEN
        else [],
        "cases_tried": [
            {"case": t.case, "condition": t.condition, "result": t.result.value, "missing": list(t.missing)}
            for t in requirement.trials
        ],
    }


def outcome_dict(outcome: Outcome) -> dict[str, Any]:
    return {
        "case": outcome.case,
        "condition": outcome.condition,
        "verdict": outcome.verdict.value,
        "reason": outcome.reason,
        "steps": list(outcome.steps),
        "see": [link.to_dict() for link in outcome.see],
        "sources": list(outcome.sources),
    }


def question_dict(question: OpenQuestion) -> dict[str, Any]:
    return {
        "fact": question.fact,
        "flag": question.flag,
        "question": question.question,
        "settles": list(question.settles),
    }
