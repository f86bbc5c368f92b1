"""What the verdict policy (docs/verdict-policy.md) asks of rule data that a program can check.

These are warnings, not errors: the rules still load and every command still
runs, but `mlis rules validate` reports them, located, and `--strict` makes
them count like problems. Each names what the policy asks:

- every country has a right-to-work requirement (kind: visa), and every
  requirement ends with `otherwise`, so that no person falls outside every case
  (the engine would then say unknown without saying what was looked for);
- every `unknown` case says what was looked for in the sources (`looked_for`);
- every source has the exact address of its page, not a home page, and no two
  sources share an address (one page, one id, so its date and reliability are
  stated once).
"""

from __future__ import annotations

import dataclasses

from mlis_cli.model.addresses import is_home_page
from mlis_cli.model.verdicts import Verdict
from mlis_cli.model.vocabulary import Kind
from mlis_cli.rulefiles.parsed import Collected, ParsedFile
from mlis_cli.rulefiles.problems import WARNING, Problem
from mlis_cli.rulefiles.schema import CountryFile, SourcesFile


def policy_warnings(collected: Collected) -> list[Problem]:
    """Every policy warning in the files read whole (what is missing from one read in
    part would be no fault of the data)."""
    warnings: list[Problem] = []
    for parsed in collected.countries:
        if parsed.whole:
            warnings += _country(parsed)
    if collected.sources is not None and collected.sources.whole:
        warnings += _sources(collected.sources)
    return warnings


def _warning(parsed: ParsedFile, path: tuple[str | int, ...], message: str, *, key: bool = False) -> Problem:
    return dataclasses.replace(parsed.problem(path, message, key=key), severity=WARNING)


def _country(parsed: ParsedFile) -> list[Problem]:
    country = parsed.model
    assert isinstance(country, CountryFile)
    warnings: list[Problem] = []
    if not any(requirement.kind is Kind.VISA for requirement in country.requirements):
        warnings.append(
            _warning(
                parsed,
                ("requirements",),
                "no right-to-work requirement (kind: visa); the policy asks every country for one, "
                "with a case for those who are not citizens",
                key=True,
            )
        )
    for r_index, requirement in enumerate(country.requirements):
        path: tuple[str | int, ...] = ("requirements", r_index)
        last = requirement.cases[-1]
        if last.otherwise is None:
            warnings.append(
                _warning(
                    parsed,
                    (*path, "cases", len(requirement.cases) - 1),
                    f"requirement '{requirement.id}' has no 'otherwise' case; a profile no case covers "
                    "gets unknown without saying what was looked for",
                )
            )
        for c_index, case in enumerate(requirement.cases):
            if case.verdict is Verdict.UNKNOWN and case.looked_for is None:
                warnings.append(
                    _warning(
                        parsed,
                        (*path, "cases", c_index, "verdict"),
                        "an unknown case says what was looked for in the sources: add 'looked_for'",
                    )
                )
    return warnings


def _sources(parsed: ParsedFile) -> list[Problem]:
    model = parsed.model
    assert isinstance(model, SourcesFile)
    warnings: list[Problem] = []
    first_with: dict[str, str] = {}
    for source_id, source in model.sources.items():
        path = ("sources", source_id)
        if source.url is not None:
            earlier = first_with.setdefault(source.url, source_id)
            if earlier != source_id:
                warnings.append(
                    _warning(
                        parsed,
                        (*path, "url"),
                        f"the same address as source '{earlier}'; cite one id for one page",
                    )
                )
        if source.url is None:
            warnings.append(
                _warning(parsed, (*path, "url"), "no address; give the exact page the facts come from")
            )
        elif is_home_page(source.url):
            warnings.append(
                _warning(
                    parsed,
                    (*path, "url"),
                    f"'{source.url}' is a home page; give the exact page the facts come from",
                )
            )
    return warnings
