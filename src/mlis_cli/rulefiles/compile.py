"""Building the engine's RuleSet from rule files that passed every check."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from mlis_cli.catalog.see_also import command_for, parse_reference
from mlis_cli.engine.conditions import logic
from mlis_cli.engine.conditions.base import Context
from mlis_cli.model import ruleset as rs
from mlis_cli.rulefiles.parsed import Collected
from mlis_cli.rulefiles.schema import Case as CaseModel
from mlis_cli.rulefiles.schema import (
    CertificateEntry,
    CertificatesFile,
    CountryFile,
    DegreeEntry,
    DegreesFile,
    Figure,
    GroupsFile,
    GuideEntry,
    GuidesFile,
    SourcesFile,
)
from mlis_cli.rulefiles.schema import Requirement as RequirementModel
from mlis_cli.rulefiles.schema import Step as StepModel


def compile_ruleset(collected: Collected) -> rs.RuleSet:
    assert collected.sources and collected.degrees and collected.groups
    sources_file = collected.sources.model
    degrees_file = collected.degrees.model
    groups_file = collected.groups.model
    assert isinstance(sources_file, SourcesFile)
    assert isinstance(degrees_file, DegreesFile)
    assert isinstance(groups_file, GroupsFile)
    groups = {
        code: rs.CitizenGroup(code, group.name, frozenset(group.members), tuple(group.sources))
        for code, group in groups_file.groups.items()
    }
    context = Context({code: group.members for code, group in groups.items()})
    degrees = {code: _degree(code, degree) for code, degree in degrees_file.degrees.items()}
    guides: tuple[rs.Guide, ...] = ()
    if collected.guides is not None:
        guides_file = collected.guides.model
        assert isinstance(guides_file, GuidesFile)
        guides = tuple(_guide(name, entry) for name, entry in guides_file.guides.items())
    lookup = _Lookup(_see_titles(degrees, guides), sources_file)
    countries = {}
    for parsed in sorted(collected.countries, key=lambda p: p.display):
        country = parsed.model
        assert isinstance(country, CountryFile)
        countries[country.code] = _country(country, context, parsed.display, lookup)
    certificates = rs.Certificates()
    if collected.certificates is not None:
        certificates_file = collected.certificates.model
        assert isinstance(certificates_file, CertificatesFile)
        certificates = rs.Certificates(
            summary=tuple(_figure(figure) for figure in certificates_file.summary),
            entries=tuple(_certificate(key, entry) for key, entry in certificates_file.certificates.items()),
        )
    return rs.RuleSet(
        countries=dict(sorted(countries.items())),
        degrees=degrees,
        certificates=certificates,
        guides=guides,
        groups=groups,
        sources={
            code: rs.Source(
                code,
                source.title,
                source.publisher,
                source.url,
                str(source.date),
                source.reliability.value,
                source.note,
            )
            for code, source in sources_file.sources.items()
        },
    )


def _see_titles(degrees: dict[str, rs.Degree], guides: tuple[rs.Guide, ...]) -> dict[str, str]:
    """What each reference a case may make is about, in a few words."""
    titles = {
        "degrees": "The degree codes and how to check each",
        "certificates": "Certificates to add after the MLIS",
        "guide": "Guides that apply in any country",
    }
    titles.update((f"degrees:{code}", degree.name) for code, degree in degrees.items())
    titles.update((f"guide:{guide.name}", guide.title) for guide in guides)
    return titles


def _see(reference: str, titles: dict[str, str]) -> rs.SeeAlso:
    return rs.SeeAlso(reference, command_for(*parse_reference(reference)), titles[reference])


def _figure(figure: Figure) -> rs.Figure:
    return rs.Figure(figure.figure, figure.counts, str(figure.stated), figure.note, tuple(figure.sources))


def _guide(name: str, entry: GuideEntry) -> rs.Guide:
    return rs.Guide(
        name,
        entry.title,
        entry.sector.value if entry.sector is not None else None,
        entry.summary,
        tuple(
            rs.GuideSection(
                section.heading,
                tuple(rs.Statement(point.text, tuple(point.sources)) for point in section.points),
            )
            for section in entry.sections
        ),
    )


def _degree(code: str, degree: DegreeEntry) -> rs.Degree:
    names = degree.names
    programs = degree.programs
    return rs.Degree(
        code,
        degree.name,
        degree.description,
        tuple(degree.sources),
        names=rs.DegreeNames(tuple(names.examples), names.note, tuple(names.sources)) if names else None,
        verify=tuple(rs.Statement(step.step, tuple(step.sources)) for step in degree.verify),
        programs=rs.Programs(
            programs.note,
            tuple(_figure(figure) for figure in programs.counts),
            tuple(rs.Program(p.institution, p.country, p.note, tuple(p.sources)) for p in programs.named),
        )
        if programs
        else None,
    )


def _certificate(key: str, entry: CertificateEntry) -> rs.Certificate:
    delivery, cost, aid = entry.delivery, entry.cost, entry.financial_aid
    return rs.Certificate(
        id=key,
        provider=entry.provider,
        certificate=entry.certificate,
        topics=tuple(entry.topics),
        delivery=None
        if delivery is None
        else rs.Delivery(delivery.mode.value, delivery.note, tuple(delivery.sources)),
        cost=None
        if cost is None
        else rs.Cost(
            cost.amount,
            cost.currency,
            cost.per.value,
            cost.courses,
            str(cost.stated),
            cost.note,
            tuple(cost.sources),
        ),
        financial_aid=None if aid is None else rs.FinancialAid(aid.note, tuple(aid.sources)),
        note=entry.note,
        sources=tuple(entry.sources),
    )


class _Lookup(NamedTuple):
    """What compiling a case needs from the other files."""

    titles: dict[str, str]
    """What each see-also reference is about."""
    sources: SourcesFile


RELIABILITY_ORDER = ("official", "secondary", "weak")


def _evidence(ids: list[str], sources: SourcesFile) -> rs.Evidence:
    cited = [sources.sources[source_id] for source_id in ids]
    dates = [source.date for source in cited if isinstance(source.date, dt.date)]
    strongest = min((source.reliability.value for source in cited), key=RELIABILITY_ORDER.index)
    return rs.Evidence(len(cited), strongest, max(dates, default=None), len(cited) - len(dates))


def _country(country: CountryFile, context: Context, display: str, lookup: _Lookup) -> rs.Country:
    return rs.Country(
        code=country.code,
        name=country.name,
        aliases=tuple(country.aliases),
        group=country.group.value,
        association=country.association,
        reviewed=country.reviewed,
        requirements=tuple(
            _requirement(requirement, context, lookup) for requirement in country.requirements
        ),
        tests=tuple(
            rs.RuleTest(
                test.name,
                dict(test.profile),
                test.today or country.reviewed,
                rs.Expected(
                    test.expect.verdict,
                    test.expect.worst_case,
                    test.expect.complete,
                    tuple(test.expect.requirements.items()),
                    tuple(test.expect.open_questions) if test.expect.open_questions is not None else None,
                ),
            )
            for test in country.tests
        ),
        file=display,
    )


def _requirement(requirement: RequirementModel, context: Context, lookup: _Lookup) -> rs.Requirement:
    cases = tuple(_case(case, context, lookup) for case in requirement.cases)
    facts: dict[str, None] = {}
    for case in cases:
        facts.update(dict.fromkeys(case.facts))
    return rs.Requirement(
        id=requirement.id,
        kind=requirement.kind.value,
        title=requirement.title,
        cases=cases,
        facts=tuple(facts),
    )


def _case(case: CaseModel, context: Context, lookup: _Lookup) -> rs.Case:
    condition = logic.build(case.when, context) if case.when is not None else None
    return rs.Case(
        condition=condition,
        description=logic.describe(condition) if condition is not None else None,
        facts=logic.facts(condition) if condition is not None else (),
        verdict=case.verdict,
        reason=case.reason,
        steps=tuple(step if isinstance(step, str) else step.step for step in case.steps),
        sources=tuple(case.sources),
        see=tuple(_see(reference, lookup.titles) for reference in case.see),
        looked_for=case.looked_for,
        evidence=_evidence(case.sources, lookup.sources),
        summary=case.summary,
        details=tuple(_step_detail(step) for step in case.steps if isinstance(step, StepModel)),
    )


def _step_detail(step: StepModel) -> rs.StepDetail:
    takes = step.takes
    return rs.StepDetail(
        step=step.step,
        fees=tuple(
            rs.Fee(
                fee.fee,
                fee.amount,
                fee.currency,
                fee.per.value,
                str(fee.stated),
                fee.note,
                tuple(fee.sources),
            )
            for fee in step.fees
        ),
        takes=rs.Duration(takes.time, str(takes.stated), takes.note, tuple(takes.sources))
        if takes is not None
        else None,
    )
