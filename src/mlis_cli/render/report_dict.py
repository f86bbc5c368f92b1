"""A Report as plain data: the JSON contract (schema version in model.report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mlis_cli.model.report import (
    SCHEMA_VERSION,
    ConditionThatMatters,
    CountryResult,
    OpenQuestion,
    Outcome,
    Report,
    RequirementChange,
    RequirementResult,
    Status,
    WhatIfPath,
)
from mlis_cli.model.ruleset import Source
from mlis_cli.model.verdicts import Verdict
from mlis_cli.model.vocabulary import Level
from mlis_cli.render.evidence import evidence_dict


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "today": report.today.isoformat(),
        "strict": report.strict,
        "profile": report.profile.to_dict(),
        "results": [result_dict(result, report.today) for result in report.results],
    }


def result_dict(result: CountryResult, today: dt.date) -> dict[str, Any]:
    return {
        "country": result.code,
        "name": result.name,
        "group": result.group,
        "association": result.association,
        "verdict": result.verdict.value,
        "worst_case": result.worst_case.value,
        "complete": result.complete,
        "requirements": [requirement_dict(r, today) for r in result.requirements],
        "open_questions": [question_dict(q) for q in result.open_questions],
        "assumed": [{"fact": fact, "value": "none"} for fact in result.assumed],
        "next_steps": list(result.next_steps),
        "see": [link.to_dict() for link in result.see],
        "paths": [path_dict(p) for p in result.what_if.paths] if result.what_if else None,
        "conditions_that_matter": [condition_dict(c) for c in result.what_if.conditions]
        if result.what_if
        else None,
        "sources": [source.to_dict() for source in result.sources],
        "reviewed": result.reviewed.isoformat(),
        "stale": result.stale,
    }


def requirement_dict(requirement: RequirementResult, today: dt.date) -> dict[str, Any]:
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
        "looked_for": outcome.looked_for,
        "sources": list(outcome.sources),
        "evidence": evidence_dict(outcome.evidence, today),
        "matched_case": outcome.case if requirement.status is not Status.OPEN else None,
        "compared": dict(requirement.compared),
        "missing": list(requirement.missing),
        "outcomes": [outcome_dict(o, today) for o in requirement.outcomes]
        if requirement.status is Status.OPEN
        else [],
        "cases_tried": [
            {"case": t.case, "condition": t.condition, "result": t.result.value, "missing": list(t.missing)}
            for t in requirement.trials
        ],
    }


def outcome_dict(outcome: Outcome, today: dt.date) -> dict[str, Any]:
    return {
        "case": outcome.case,
        "condition": outcome.condition,
        "verdict": outcome.verdict.value,
        "reason": outcome.reason,
        "steps": list(outcome.steps),
        "see": [link.to_dict() for link in outcome.see],
        "looked_for": outcome.looked_for,
        "sources": list(outcome.sources),
        "evidence": evidence_dict(outcome.evidence, today),
    }


def question_dict(question: OpenQuestion) -> dict[str, Any]:
    return {
        "fact": question.fact,
        "flag": question.flag,
        "question": question.question,
        "settles": list(question.settles),
    }


def ends_dict(verdict: Verdict, worst_case: Verdict) -> dict[str, str]:
    return {"verdict": verdict.value, "worst_case": worst_case.value}


def path_dict(path: WhatIfPath) -> dict[str, Any]:
    return {
        "changes": {fact: change_value(value) for fact, value in path.changes},
        "verdict": path.verdict.value,
        "worst_case": path.worst_case.value,
        "improves_from": ends_dict(path.was_verdict, path.was_worst_case),
        "requirements": [requirement_change_dict(c) for c in path.requirements],
        "next_steps": list(path.next_steps),
        "sources": list(path.sources),
        "sentence": path.sentence,
    }


def condition_dict(condition: ConditionThatMatters) -> dict[str, Any]:
    return {
        "fact": condition.fact,
        "values": [change_value(value) for value in condition.values],
        "effect": condition.effect.value,
        "verdict": condition.verdict.value,
        "worst_case": condition.worst_case.value,
        "instead_of": ends_dict(condition.was_verdict, condition.was_worst_case),
        "requirements": [requirement_change_dict(c) for c in condition.requirements],
        "sources": list(condition.sources),
        "sentence": condition.sentence,
    }


def requirement_change_dict(change: RequirementChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "title": change.title,
        "from": ends_dict(change.was_verdict, change.was_worst_case),
        "to": ends_dict(change.verdict, change.worst_case),
        "reason": change.reason,
    }


def change_value(value: Any) -> Any:
    """A changed fact's value as JSON shows it: 'B2' for a level, 5 for 5.0 years."""
    if isinstance(value, Level):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def plan_dict(report: Report, sources: Mapping[str, Source]) -> dict[str, Any]:
    """`mlis plan --format json`: one country's paths, best first, and the sources they cite."""
    (result,) = report.results
    assert result.what_if is not None
    cited: dict[str, None] = {}
    for path in result.what_if.paths:
        cited.update(dict.fromkeys(path.sources))
    for condition in result.what_if.conditions:
        cited.update(dict.fromkeys(condition.sources))
    return {
        "schema": SCHEMA_VERSION,
        "today": report.today.isoformat(),
        "strict": report.strict,
        "profile": report.profile.to_dict(),
        "country": result.code,
        "name": result.name,
        "verdict": result.verdict.value,
        "worst_case": result.worst_case.value,
        "complete": result.complete,
        "paths": [path_dict(p) for p in result.what_if.paths],
        "conditions_that_matter": [condition_dict(c) for c in result.what_if.conditions],
        "sources": [sources[source_id].to_dict() for source_id in cited],
        "reviewed": result.reviewed.isoformat(),
        "stale": result.stale,
    }
