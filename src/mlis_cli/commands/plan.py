"""mlis plan: for one country, every path to a better verdict, best first, with its steps."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli import api
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
from mlis_cli.person import saved_profile
from mlis_cli.person.profile_input import parse_profile
from mlis_cli.person.profile_sources import layered, read_profile_file
from mlis_cli.render.formats import Format, Output, emit

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
    from mlis_cli.render.report_dict import plan_dict

    document = plan_dict(report, ruleset.sources)
    note = saved_profile.note(saved.path, from_saved) if saved and from_saved else None
    if note and output.format is not Format.TEXT:
        sys.stderr.write(f"mlis: {note}\n")

    def text(out: Console) -> None:
        from mlis_cli.render.text import render_plan, render_saved_facts

        if note:
            render_saved_facts(note, out)
        render_plan(report.results[0], ruleset.sources, out)

    paths = document["results"][0]["paths"] if document.get("results") else document.get("paths", [])
    rows = [{"rank": rank, **path} for rank, path in enumerate(paths, start=1)]
    emit(
        Output(document, rows, PLAN_COLUMNS, text),
        output.format,
        no_color=output.no_color,
        pager=output.pager,
    )


PLAN_COLUMNS = ("rank", "verdict", "worst_case", "sentence", "next_steps")
"""The CSV columns of mlis plan: one row per path, best first."""


plan.__doc__ = HELP
