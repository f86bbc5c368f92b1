"""mlis plan: for one country, every path to a better verdict, best first, with its steps."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.profile_options import (
    AgeOption,
    CitizenshipOption,
    DegreeOption,
    ExperienceOption,
    GraduatedOption,
    LangOption,
    OnlineOption,
    PhdOption,
    ProfileFileOption,
    SectorOption,
    StayOption,
    StrictOption,
    flag_facts,
)
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Format, Output, emit

if TYPE_CHECKING:
    from rich.console import Console

    from mlis_cli.engine.step_costs import PlanCosts
    from mlis_cli.model.ruleset import Source
    from mlis_cli.render.document import Document

HELP = """What would change the verdict for one country: every path, best first, with its steps.

\b
Examples:
  mlis plan --country de --degree ala --citizenship us --lang de:A2
  mlis plan --country be --degree ala --citizenship us --sector public --lang fr:C1
  mlis plan --country nz --degree ala --citizenship us --age 28 --format json
  mlis plan --country de --degree ala --citizenship us --format markdown > plan.md

A path changes only facts a person can act on (language, sector, stay, degree,
experience, doctorate), one or two at a time, with values the rules mention.
Age, citizenship and graduation year are never suggested; where they matter,
they are listed apart as conditions that matter.

The next steps come first, each with the fees the sources give (in their own
currency, with the date stated) and how long it takes where known, then the
known fees in all per currency and the steps no source gives a cost for.
"""


@output_options(report=True)
def plan(
    country: Annotated[
        str,
        typer.Option(
            "--country",
            "-c",
            help="Country code or name (one).",
            metavar="CODE",
            autocompletion=completers.countries,
        ),
    ],
    degree: DegreeOption = None,
    citizenship: CitizenshipOption = [],  # noqa: B006
    age: AgeOption = None,
    lang: LangOption = [],  # noqa: B006
    sector: SectorOption = None,
    stay: StayOption = None,
    graduated: GraduatedOption = None,
    experience: ExperienceOption = None,
    phd: PhdOption = None,
    online: OnlineOption = None,
    profile: ProfileFileOption = None,
    no_profile: Annotated[
        bool, typer.Option("--no-profile", help="Ignore the saved profile ('mlis profile').")
    ] = False,
    strict: StrictOption = False,
    *,
    output: OutputOptions,
) -> None:
    # imported here, not above: `mlis plan --help` needs none of them
    from mlis_cli import api
    from mlis_cli.person import saved_profile
    from mlis_cli.person.profile_input import parse_profile
    from mlis_cli.person.profile_sources import layered, read_profile_file

    ruleset = load_rules(output.rules_dir)
    when = today()
    # the same layers as check: saved profile < profile file < flags
    saved = None if no_profile else saved_profile.load(saved_profile.profile_path(), ruleset.degrees, when)
    file_facts = read_profile_file(profile) if profile is not None else {}
    flags = flag_facts(degree, citizenship, age, sector, stay, graduated, experience, phd, online)
    layers, from_saved = layered(saved.facts if saved else {}, file_facts, flags, lang)
    facts = parse_profile(layers, ruleset.degrees, when)
    if "," in country:
        raise UsageError(
            f"plan takes one country, got '{country}'",
            hint="run one plan per country, or 'mlis check --what-if' for several",
        )
    report = api.evaluate(ruleset, facts, [country], today=when, strict=strict, what_if=True)
    from mlis_cli.engine.step_costs import plan_costs
    from mlis_cli.render.report_dict import plan_dict

    document = plan_dict(report, ruleset.sources)
    result = report.results[0]
    assert result.what_if is not None
    costs = plan_costs(
        ruleset.countries[result.code], result.next_steps, (path.next_steps for path in result.what_if.paths)
    )
    document = with_costs(document, costs, ruleset.sources)
    note = saved_profile.note(saved.path, from_saved) if saved and from_saved else None
    if note and output.format is not Format.TEXT:
        sys.stderr.write(f"mlis: {note}\n")

    def text(out: Console) -> None:
        from mlis_cli.render.text import render_plan, render_saved_facts

        if note:
            render_saved_facts(note, out)
        render_plan(result, ruleset.sources, out, costs)

    paths = document["results"][0]["paths"] if document.get("results") else document.get("paths", [])
    rows = [{"rank": rank, **path} for rank, path in enumerate(paths, start=1)]

    def handout() -> Document:
        from mlis_cli.render.report_document import plan_document

        return plan_document(report, ruleset.sources, when)

    emit(
        Output(document, rows, PLAN_COLUMNS, text, report=handout),
        output.format,
        no_color=output.no_color,
        pager=output.pager,
    )


def with_costs(document: dict[str, Any], costs: PlanCosts, sources: Mapping[str, Source]) -> dict[str, Any]:
    """The plan's JSON with its next steps costed (after `complete`), each path's steps costed,
    and the sources the fees and times cite among the plan's sources."""
    from mlis_cli.render.step_costs import costs_dict

    costed: dict[str, Any] = {}
    for key, value in document.items():
        costed[key] = value
        if key == "complete":
            costed["costs"] = costs_dict(costs.now)
    for path, path_costs in zip(costed["paths"], costs.paths, strict=True):
        path["costs"] = costs_dict(path_costs)
    listed = {source["id"] for source in costed["sources"]}
    for step_costs in (costs.now, *costs.paths):
        for step in step_costs.steps:
            ids = [source for fee in step.fees for source in fee.sources]
            ids += list(step.takes.sources) if step.takes is not None else []
            for source_id in ids:
                if source_id not in listed:
                    listed.add(source_id)
                    costed["sources"].append(sources[source_id].to_dict())
    return costed


PLAN_COLUMNS = ("rank", "verdict", "worst_case", "sentence", "next_steps")
"""The CSV columns of mlis plan: one row per path, best first."""


plan.__doc__ = HELP
