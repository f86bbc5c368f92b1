"""The rules as the engine uses them: validated, cross-checked, with conditions built."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from mlis_cli.model.conditions import Node
from mlis_cli.model.verdicts import Verdict


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str | None
    date: str
    reliability: str
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "date": self.date,
            "reliability": self.reliability,
        }


class SeeAlso(NamedTuple):
    """A command that continues a case's next steps (`mlis degrees none`)."""

    ref: str
    """As the rule file wrote it: degrees:none."""
    command: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "command": self.command, "title": self.title}


class Evidence(NamedTuple):
    """What a case's sources are worth together: how many, the strongest, the newest dated one."""

    sources: int
    strongest: str
    """official, secondary or weak: the most reliable of them."""
    newest: dt.date | None
    """The newest date a source shows; None when none shows a date."""
    undated: int = 0
    """How many of them show no date."""


class Fee(NamedTuple):
    """A fee a source states for a step, in its own currency (never converted)."""

    fee: str
    amount: float
    currency: str
    per: str
    """once, or year: paid every year the step lasts."""
    stated: str
    """The date the source stated it, or nd when it shows none."""
    note: str | None
    sources: tuple[str, ...]


class Duration(NamedTuple):
    """How long a step takes, in a source's own words."""

    time: str
    stated: str
    note: str | None
    sources: tuple[str, ...]


class StepDetail(NamedTuple):
    """What the sources say a next step costs and how long it takes."""

    step: str
    fees: tuple[Fee, ...]
    takes: Duration | None


class Case(NamedTuple):
    condition: Node | None
    """None for the `otherwise` case."""
    description: str | None
    """The condition in words; None for the `otherwise` case."""
    facts: tuple[str, ...]
    """The profile facts the condition reads."""
    verdict: Verdict
    reason: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    see: tuple[SeeAlso, ...] = ()
    looked_for: str | None = None
    """For an unknown verdict: what was looked for in the sources and not found."""
    evidence: Evidence | None = None
    summary: str | None = None
    """The reason in one short sentence, for the one-screen answer."""
    details: tuple[StepDetail, ...] = ()
    """The fees and time of those of its steps the sources cost or time."""


class Requirement(NamedTuple):
    id: str
    kind: str
    title: str
    cases: tuple[Case, ...]
    facts: tuple[str, ...]
    """Every fact any of its cases reads, in order of first mention."""


class Expected(NamedTuple):
    """What a rule test expects; None where it does not say."""

    verdict: Verdict
    worst_case: Verdict | None
    complete: bool | None
    requirements: tuple[tuple[str, Verdict], ...]
    open_questions: tuple[str, ...] | None


class RuleTest(NamedTuple):
    name: str
    profile: dict[str, Any]
    today: dt.date
    expect: Expected


class Country(NamedTuple):
    code: str
    name: str
    aliases: tuple[str, ...]
    group: str
    association: str
    reviewed: dt.date
    requirements: tuple[Requirement, ...]
    tests: tuple[RuleTest, ...] = ()
    file: str = ""


class Statement(NamedTuple):
    text: str
    sources: tuple[str, ...]


class Figure(NamedTuple):
    """A number a source gives, what it counts, and when it was stated (a date or nd)."""

    figure: int
    counts: str
    stated: str
    note: str | None
    sources: tuple[str, ...]


class DegreeNames(NamedTuple):
    examples: tuple[str, ...]
    note: str
    sources: tuple[str, ...]


class Program(NamedTuple):
    institution: str
    country: str
    note: str | None
    sources: tuple[str, ...]


class Programs(NamedTuple):
    note: str | None
    counts: tuple[Figure, ...]
    named: tuple[Program, ...]


class Degree(NamedTuple):
    code: str
    name: str
    description: str
    sources: tuple[str, ...]
    names: DegreeNames | None = None
    verify: tuple[Statement, ...] = ()
    programs: Programs | None = None

    def cited(self) -> tuple[str, ...]:
        """Every source id the entry cites, in order of first mention."""
        ids: dict[str, None] = dict.fromkeys(self.sources)
        if self.names is not None:
            ids.update(dict.fromkeys(self.names.sources))
        for step in self.verify:
            ids.update(dict.fromkeys(step.sources))
        if self.programs is not None:
            for figure in self.programs.counts:
                ids.update(dict.fromkeys(figure.sources))
            for program in self.programs.named:
                ids.update(dict.fromkeys(program.sources))
        return tuple(ids)


class Delivery(NamedTuple):
    mode: str
    """online (fully online), hybrid or in-person."""
    note: str | None
    sources: tuple[str, ...]


class Cost(NamedTuple):
    amount: float
    currency: str
    per: str
    """course or certificate."""
    courses: int | None
    stated: str
    """The date the source stated the cost, or nd when it shows none."""
    note: str | None
    sources: tuple[str, ...]

    @property
    def certificate_total(self) -> float | None:
        """What the whole certificate costs, when the sources allow saying."""
        if self.per == "certificate":
            return self.amount
        return self.amount * self.courses if self.courses is not None else None


class FinancialAid(NamedTuple):
    note: str
    sources: tuple[str, ...]


class Certificate(NamedTuple):
    id: str
    provider: str
    certificate: str
    topics: tuple[str, ...]
    delivery: Delivery | None
    """None: the sources do not say how it is taught."""
    cost: Cost | None
    financial_aid: FinancialAid | None
    note: str | None
    sources: tuple[str, ...]

    def cited(self) -> tuple[str, ...]:
        ids: dict[str, None] = dict.fromkeys(self.sources)
        for part in (self.delivery, self.cost, self.financial_aid):
            if part is not None:
                ids.update(dict.fromkeys(part.sources))
        return tuple(ids)


class Certificates(NamedTuple):
    """rules/certificates.yaml as the commands use it; empty when the file is absent."""

    summary: tuple[Figure, ...] = ()
    entries: tuple[Certificate, ...] = ()


class GuideSection(NamedTuple):
    heading: str
    points: tuple[Statement, ...]


class Guide(NamedTuple):
    """Guidance that applies in any country (rules/guides.yaml), each point with its sources."""

    name: str
    title: str
    sector: str | None
    summary: str
    sections: tuple[GuideSection, ...]

    def cited(self) -> tuple[str, ...]:
        """Every source id its points cite, once each, in order."""
        ids = (source for section in self.sections for point in section.points for source in point.sources)
        return tuple(dict.fromkeys(ids))


class CitizenGroup(NamedTuple):
    code: str
    name: str
    members: frozenset[str]
    sources: tuple[str, ...]


class RuleSet(NamedTuple):
    countries: dict[str, Country]
    degrees: dict[str, Degree]
    groups: dict[str, CitizenGroup]
    sources: dict[str, Source]
    certificates: Certificates = Certificates()
    guides: tuple[Guide, ...] = ()
