"""mlis plan: for one country, every path to a better verdict, best first, with its steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli import api
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
    person,
)
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console

HELP = """What would change the verdict for one country: every path, best first, with its steps.

\b
Examples:
  mlis plan --country de --degree ala --citizenship us --lang de:A2
  mlis plan --country be --degree ala --citizenship us --sector public --lang fr:C1
  mlis plan --country nz --degree ala --citizenship us --age 28 --format json

A path changes only facts a person can act on (language, sector, stay, degree,
experience, doctorate), one or two at a time, with values the rules mention.
Age, citizenship and graduation year are never suggested; where they matter,
they are listed apart as conditions that matter.
"""


@output_options()
def plan(
    country: Annotated[
        str, typer.Option("--country", "-c", help="Country code or name (one).", metavar="CODE")
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
    strict: StrictOption = False,
    *,
    output: OutputOptions,
) -> None:
    ruleset = load_rules(output.rules_dir)
    when = today()
    facts = person(
        ruleset,
        when,
        profile=profile,
        degree=degree,
        citizenship=citizenship,
        age=age,
        lang=lang,
        sector=sector,
        stay=stay,
        graduated=graduated,
        experience=experience,
        phd=phd,
        online=online,
    )
    if "," in country:
        raise UsageError(
            f"plan takes one country, got '{country}'",
            hint="run one plan per country, or 'mlis check --what-if' for several",
        )
    report = api.evaluate(ruleset, facts, [country], today=when, strict=strict, what_if=True)
    from mlis_cli.render.report_dict import plan_dict

    document = plan_dict(report, ruleset.sources)

    def text(out: Console) -> None:
        from mlis_cli.render.text import render_plan

        render_plan(report.results[0], ruleset.sources, out)

    paths = document["results"][0]["paths"] if document.get("results") else document.get("paths", [])
    rows = [{"rank": rank, **path} for rank, path in enumerate(paths, start=1)]
    emit(Output(document, rows, PLAN_COLUMNS, text), output.format, no_color=output.no_color)


PLAN_COLUMNS = ("rank", "verdict", "worst_case", "sentence", "next_steps")
"""The CSV columns of mlis plan: one row per path, best first."""


plan.__doc__ = HELP
