"""Certificates as plain data: what `mlis certificates` prints as JSON."""

from __future__ import annotations

from typing import Any

from mlis_cli.catalog.certificate_filter import Selection
from mlis_cli.model.ruleset import Certificate, Cost, RuleSet
from mlis_cli.render.degree_dict import figure_dict


def certificates_document(ruleset: RuleSet, selection: Selection) -> dict[str, Any]:
    chosen = selection.filters
    summary = ruleset.certificates.summary
    cited: dict[str, None] = {}
    for figure in summary:
        cited.update(dict.fromkeys(figure.sources))
    for certificate in selection.shown:
        cited.update(dict.fromkeys(certificate.cited()))
    return {
        "filters": {"topic": chosen.topic, "online": chosen.online, "max_cost": number(chosen.max_cost)},
        "summary": [figure_dict(figure) for figure in summary],
        "certificates": [certificate_dict(c) for c in selection.shown],
        "left_out": [
            {"id": item.certificate.id, "reasons": [reason.value for reason in item.reasons]}
            for item in selection.left_out
        ],
        "sources": [ruleset.sources[source].to_dict() for source in cited],
    }


def certificate_dict(certificate: Certificate) -> dict[str, Any]:
    delivery, aid = certificate.delivery, certificate.financial_aid
    return {
        "id": certificate.id,
        "provider": certificate.provider,
        "certificate": certificate.certificate,
        "topics": list(certificate.topics),
        "delivery": {"mode": delivery.mode, "note": delivery.note, "sources": list(delivery.sources)}
        if delivery
        else None,
        "cost": cost_dict(certificate.cost) if certificate.cost else None,
        "financial_aid": {"note": aid.note, "sources": list(aid.sources)} if aid else None,
        "note": certificate.note,
        "sources": list(certificate.sources),
    }


def cost_dict(cost: Cost) -> dict[str, Any]:
    return {
        "amount": number(cost.amount),
        "currency": cost.currency,
        "per": cost.per,
        "courses": cost.courses,
        "certificate_total": number(cost.certificate_total),
        "stated": cost.stated,
        "note": cost.note,
        "sources": list(cost.sources),
    }


def number(value: float | None) -> int | float | None:
    """1200.0 -> 1200: whole amounts as whole numbers."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value
