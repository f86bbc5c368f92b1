"""Checks that need more than one rule file: ids cited, codes used, tests well-formed."""

from __future__ import annotations

from collections.abc import Iterator

from mlis_cli.catalog.see_also import parse_reference
from mlis_cli.errors import UsageError
from mlis_cli.model.iso3166 import NAMES
from mlis_cli.person.profile_input import parse_profile
from mlis_cli.rulefiles.parsed import Collected, ParsedFile
from mlis_cli.rulefiles.problems import Problem
from mlis_cli.rulefiles.schema import (
    CertificatesFile,
    Condition,
    CountryFile,
    DegreeEntry,
    DegreesFile,
    GroupsFile,
    GuidesFile,
    Step,
)

Path = tuple[str | int, ...]


def check_references(collected: Collected) -> list[Problem]:
    sources = _keys(collected.sources, "sources")
    degrees = _keys(collected.degrees, "degrees")
    groups = _keys(collected.groups, "groups")
    problems: list[Problem] = []
    if collected.degrees is not None:
        model = collected.degrees.model
        assert isinstance(model, DegreesFile)
        for code, degree in model.degrees.items():
            problems += _check_degree(collected.degrees, code, degree, sources)
    if collected.certificates is not None and sources is not None:
        problems += _check_certificates(collected.certificates, sources)
    if collected.guides is not None and sources is not None:
        problems += _check_guides(collected.guides, sources)
    see = _SeeTargets(degrees, collected)
    if collected.groups is not None:
        model = collected.groups.model
        assert isinstance(model, GroupsFile)
        for code, group in model.groups.items():
            if code in NAMES:
                problems.append(
                    collected.groups.problem(
                        ("groups", code), f"group code '{code}' is a country code", key=True
                    )
                )
            for index, member in enumerate(group.members):
                if member not in NAMES:
                    problems.append(
                        collected.groups.problem(
                            ("groups", code, "members", index), f"unknown country code '{member}'"
                        )
                    )
            if sources is not None:
                problems += _cited(collected.groups, ("groups", code, "sources"), group.sources, sources)
    seen_names: dict[str, str] = {}
    for parsed in collected.countries:
        problems += _check_country(parsed, sources, degrees, groups, seen_names, see)
    return problems


class _SeeTargets:
    """What a case's `see` may name: the degree codes, certificates if the file exists, the guides."""

    def __init__(self, degrees: set[str] | None, collected: Collected) -> None:
        self.degrees = degrees
        self.certificates_absent = "certificates.yaml" in collected.absent
        self.guides_absent = "guides.yaml" in collected.absent
        guides = collected.guides.model if collected.guides is not None else None
        self.guides = set(guides.guides) if isinstance(guides, GuidesFile) else None

    def problem(self, reference: str) -> str | None:
        target, code = parse_reference(reference)
        if target == "certificates" and self.certificates_absent:
            return f"'{reference}' points to certificates.yaml, which this rules directory does not have"
        if target == "guide" and self.guides_absent:
            return f"'{reference}' points to guides.yaml, which this rules directory does not have"
        if target == "guide" and code is not None and self.guides is not None and code not in self.guides:
            return (
                f"'{reference}' names an unknown guide '{code}'; "
                f"defined in guides.yaml: {', '.join(sorted(self.guides))}"
            )
        if target == "degrees" and code is not None and self.degrees is not None and code not in self.degrees:
            return (
                f"'{reference}' names an unknown degree code '{code}'; "
                f"defined in degrees.yaml: {', '.join(sorted(self.degrees))}"
            )
        return None


def _check_degree(
    parsed: ParsedFile, code: str, degree: DegreeEntry, sources: set[str] | None
) -> list[Problem]:
    base: Path = ("degrees", code)
    problems: list[Problem] = []
    if degree.programs is not None:
        for index, program in enumerate(degree.programs.named):
            if program.country not in NAMES:
                problems.append(
                    parsed.problem(
                        (*base, "programs", "named", index, "country"),
                        f"unknown country code '{program.country}'",
                    )
                )
    if sources is None:
        return problems
    cited: list[tuple[Path, list[str]]] = [((*base, "sources"), degree.sources)]
    if degree.names is not None:
        cited.append(((*base, "names", "sources"), degree.names.sources))
    cited += [((*base, "verify", i, "sources"), step.sources) for i, step in enumerate(degree.verify)]
    if degree.programs is not None:
        programs = degree.programs
        cited += [
            ((*base, "programs", "counts", i, "sources"), f.sources) for i, f in enumerate(programs.counts)
        ]
        cited += [
            ((*base, "programs", "named", i, "sources"), p.sources) for i, p in enumerate(programs.named)
        ]
    for path, ids in cited:
        problems += _cited(parsed, path, ids, sources)
    return problems


def _check_certificates(parsed: ParsedFile, sources: set[str]) -> list[Problem]:
    model = parsed.model
    assert isinstance(model, CertificatesFile)
    cited: list[tuple[Path, list[str]]] = [
        (("summary", i, "sources"), figure.sources) for i, figure in enumerate(model.summary)
    ]
    for key, entry in model.certificates.items():
        base: Path = ("certificates", key)
        cited.append(((*base, "sources"), entry.sources))
        for part, value in (
            ("delivery", entry.delivery),
            ("cost", entry.cost),
            ("financial_aid", entry.financial_aid),
        ):
            if value is not None:
                cited.append(((*base, part, "sources"), value.sources))
    problems: list[Problem] = []
    for path, ids in cited:
        problems += _cited(parsed, path, ids, sources)
    return problems


def _check_guides(parsed: ParsedFile, sources: set[str]) -> list[Problem]:
    model = parsed.model
    assert isinstance(model, GuidesFile)
    problems: list[Problem] = []
    for name, guide in model.guides.items():
        for s, section in enumerate(guide.sections):
            for p, point in enumerate(section.points):
                path: Path = ("guides", name, "sections", s, "points", p, "sources")
                problems += _cited(parsed, path, point.sources, sources)
    return problems


def _keys(parsed: ParsedFile | None, attribute: str) -> set[str] | None:
    """The ids a registry defines, or None when it could not be read (checked elsewhere).

    An id whose entry has problems of its own is still defined: citing it is no second problem.
    """
    if parsed is None:
        return None
    return parsed.keys_of(attribute)


def _cited(parsed: ParsedFile, path: Path, cited: list[str], known: set[str]) -> list[Problem]:
    return [
        parsed.problem((*path, index), f"unknown source id '{source}'; add it to sources.yaml")
        for index, source in enumerate(cited)
        if source not in known
    ]


def _check_steps(
    parsed: ParsedFile,
    steps: list[str | Step],
    path: Path,
    sources: set[str] | None,
    costed: dict[str, Step],
) -> list[Problem]:
    """Fees and times cite known sources; a step costed twice in a country is costed alike,
    since a plan finds a step's fees by its text."""
    problems: list[Problem] = []
    for index, step in enumerate(steps):
        if isinstance(step, str):
            continue
        if sources is not None:
            for f_index, fee in enumerate(step.fees):
                problems += _cited(parsed, (*path, index, "fees", f_index, "sources"), fee.sources, sources)
            if step.takes is not None:
                problems += _cited(parsed, (*path, index, "takes", "sources"), step.takes.sources, sources)
        earlier = costed.setdefault(step.step, step)
        if earlier != step:
            problems.append(
                parsed.problem(
                    (*path, index),
                    "this step is costed differently elsewhere in the file; give it the same fees and takes",
                )
            )
    return problems


def _check_country(
    parsed: ParsedFile,
    sources: set[str] | None,
    degrees: set[str] | None,
    groups: set[str] | None,
    seen_names: dict[str, str],
    see: _SeeTargets,
) -> list[Problem]:
    country = parsed.model
    assert isinstance(country, CountryFile)
    problems: list[Problem] = []
    stem = parsed.display.rsplit("/", 1)[-1].removesuffix(".yaml")
    if country.code != stem:
        problems.append(
            parsed.problem(("code",), f"code '{country.code}' does not match the file name '{stem}.yaml'")
        )
    for path, name in [
        (("code",), country.code),
        (("name",), country.name),
        *((("aliases", i), alias) for i, alias in enumerate(country.aliases)),
    ]:
        key = name.lower()
        if key in seen_names and seen_names[key] != country.code:
            problems.append(parsed.problem(path, f"'{name}' already names country '{seen_names[key]}'"))
        seen_names.setdefault(key, country.code)
    requirement_ids: set[str] = set()
    costed: dict[str, Step] = {}
    for r_index, requirement in enumerate(country.requirements):
        r_path: Path = ("requirements", r_index)
        if requirement.id in requirement_ids:
            problems.append(parsed.problem((*r_path, "id"), f"duplicate requirement id '{requirement.id}'"))
        requirement_ids.add(requirement.id)
        for c_index, case in enumerate(requirement.cases):
            c_path: Path = (*r_path, "cases", c_index)
            if sources is not None:
                problems += _cited(parsed, (*c_path, "sources"), case.sources, sources)
            problems += _check_steps(parsed, case.steps, (*c_path, "steps"), sources, costed)
            for s_index, reference in enumerate(case.see):
                message = see.problem(reference)
                if message is not None:
                    problems.append(parsed.problem((*c_path, "see", s_index), message))
            if case.when is not None:
                problems += _check_condition(parsed, case.when, (*c_path, "when"), degrees, groups)
            elif c_index != len(requirement.cases) - 1:
                problems.append(
                    parsed.problem(
                        (*c_path, "otherwise"),
                        "'otherwise' must be the last case; the cases after it can never match",
                    )
                )
    declared = _requirement_ids(parsed)
    if degrees is not None:
        for t_index, test in enumerate(country.tests):
            t_path: Path = ("tests", t_index)
            try:
                parse_profile(test.profile, degrees, test.today or country.reviewed)
            except UsageError as error:
                problems.append(parsed.problem((*t_path, "profile"), error.message))
            for name in test.expect.requirements:
                if name not in declared:
                    problems.append(
                        parsed.problem(
                            (*t_path, "expect", "requirements", name),
                            f"no requirement has id '{name}'",
                            key=True,
                        )
                    )
    return problems


def _requirement_ids(parsed: ParsedFile) -> set[str]:
    """The requirement ids the file has, those of requirements with problems of their own included."""
    data = parsed.document.data
    requirements = data.get("requirements") if isinstance(data, dict) else None
    if not isinstance(requirements, list):
        return set()
    return {item["id"] for item in requirements if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _check_condition(
    parsed: ParsedFile,
    condition: Condition,
    path: Path,
    degrees: set[str] | None,
    groups: set[str] | None,
) -> Iterator[Problem]:
    if condition.degree is not None and degrees is not None:
        for index, code in enumerate(condition.degree):
            if code not in degrees:
                yield parsed.problem(
                    (*path, "degree", index),
                    f"unknown degree code '{code}'; defined in degrees.yaml: {', '.join(sorted(degrees))}",
                )
    for key in ("citizenship", "only_citizenship"):
        codes = getattr(condition, key)
        if codes is None or groups is None:
            continue
        for index, code in enumerate(codes):
            if code not in NAMES and code not in groups:
                yield parsed.problem(
                    (*path, key, index),
                    f"unknown citizenship '{code}'; expected a country code "
                    f"or a group from groups.yaml ({', '.join(sorted(groups))})",
                )
    for key in ("all", "any"):
        for index, item in enumerate(getattr(condition, key) or []):
            yield from _check_condition(parsed, item, (*path, key, index), degrees, groups)
    if condition.not_ is not None:
        yield from _check_condition(parsed, condition.not_, (*path, "not"), degrees, groups)
