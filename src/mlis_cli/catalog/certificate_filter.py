"""Choosing certificates by topic, delivery and cost, and saying what was left out and why.

A filter that needs a fact the sources do not give (how a certificate is
taught, what it costs) cannot pass that certificate, but it does not hide it
either: every certificate left out is returned with its reasons.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from mlis_cli.errors import UsageError
from mlis_cli.model.ruleset import Certificate
from mlis_cli.person.profile_input import nearest

CURRENCY = "USD"
"""The currency --max-cost is read in."""


class Reason(StrEnum):
    """Why a certificate was left out, in the order the filters apply."""

    TOPIC = "topic_not_matched"
    DELIVERY_UNKNOWN = "delivery_unknown"
    NOT_ONLINE = "not_fully_online"
    COST_UNKNOWN = "cost_unknown"
    OTHER_CURRENCY = "cost_not_in_usd"
    OVER_MAX_COST = "over_max_cost"


@dataclass(frozen=True, slots=True)
class Filters:
    topic: str | None = None
    """Matched, case-insensitively, as part of any of a certificate's topics."""
    online: bool = False
    max_cost: float | None = None
    """The most the whole certificate may cost, in US dollars."""

    @property
    def active(self) -> bool:
        return self.topic is not None or self.online or self.max_cost is not None


@dataclass(frozen=True, slots=True)
class LeftOut:
    certificate: Certificate
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    filters: Filters
    shown: tuple[Certificate, ...]
    left_out: tuple[LeftOut, ...]

    def count(self, reason: Reason) -> int:
        return sum(reason in item.reasons for item in self.left_out)


def topics(certificates: Iterable[Certificate]) -> list[str]:
    """Every topic, lowercased, in order of first mention."""
    return list(dict.fromkeys(topic.lower() for c in certificates for topic in c.topics))


def filters(
    certificates: Iterable[Certificate], topic: str | None, online: bool, max_cost: float | None
) -> Filters:
    """Filters from what a person typed; UsageError for a value no certificate could match."""
    known = topics(certificates)
    if topic is not None:
        topic = " ".join(topic.split()).lower()
        if not topic:
            raise UsageError("--topic: expected a word such as data or archives, got nothing")
        if not any(topic in name for name in known):
            close = nearest(topic, known)
            hint = f"did you mean {', '.join(close)}?" if close else f"topics: {', '.join(known)}"
            raise UsageError(f"--topic: no certificate has a topic matching '{topic}'", hint=hint)
    if max_cost is not None and not (math.isfinite(max_cost) and max_cost >= 0):
        raise UsageError(f"--max-cost: expected an amount of 0 or more {CURRENCY}, got {max_cost:g}")
    return Filters(topic, online, max_cost)


def select(certificates: Iterable[Certificate], chosen: Filters) -> Selection:
    shown: list[Certificate] = []
    left_out: list[LeftOut] = []
    for certificate in certificates:
        reasons = _reasons(certificate, chosen)
        if reasons:
            left_out.append(LeftOut(certificate, reasons))
        else:
            shown.append(certificate)
    return Selection(chosen, tuple(shown), tuple(left_out))


def _reasons(certificate: Certificate, chosen: Filters) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    if chosen.topic is not None and not any(chosen.topic in t.lower() for t in certificate.topics):
        reasons.append(Reason.TOPIC)
    if chosen.online:
        if certificate.delivery is None:
            reasons.append(Reason.DELIVERY_UNKNOWN)
        elif certificate.delivery.mode != "online":
            reasons.append(Reason.NOT_ONLINE)
    if chosen.max_cost is not None:
        cost = certificate.cost
        total = cost.certificate_total if cost is not None else None
        if cost is None or total is None:
            reasons.append(Reason.COST_UNKNOWN)
        elif cost.currency != CURRENCY:
            reasons.append(Reason.OTHER_CURRENCY)
        elif total > chosen.max_cost:
            reasons.append(Reason.OVER_MAX_COST)
    return tuple(reasons)
