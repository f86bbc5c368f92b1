"""mlis check: evaluate a profile against the rules of one or more countries."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import FailOn, OutputOptions, output_options
from mlis_cli.commands.profile_options import (
    AgeOption,
    CitizenshipOption,
    DegreeOption,
    ExperienceOption,
    GraduatedOption,
    LangOption,
    OnlineOption,
    PhdOption,
    SectorOption,
    StayOption,
    StrictOption,
    flag_facts,
)
from mlis_cli.commands.shared import exit_if_threshold_met, load_rules, today
from mlis_cli.render.formats import SCRIPT_FORMATS, Format, emit

if TYPE_CHECKING:
    from mlis_cli.render.document import Document

HELP = """Can I work as a librarian there? A verdict, its reasons, next steps and sources.

\b
Examples:
  mlis check --degree ala --country fi
  mlis check --degree ala --country fi,de --citizenship us --age 28 --lang de:B2
  mlis check --degree cilip --all --brief
  mlis check --degree ala --country de --citizenship us --what-if
  mlis check --profile me.yaml --country uk --format json
  mlis check --profile - --all --format csv < me.json
  mlis check --degree ala --country fi --fail-on unlikely
  mlis check --degree ala --country fi --format html > finland.html
  mlis check --degree ala --country nz --ask
"""


@output_options(report=True)
def check(
    country: Annotated[
        list[str],
        typer.Option(
            "--country",
            "-c",
            help="Country code or name; repeat or separate with commas.",
            autocompletion=completers.countries,
            metavar="CODE",
        ),
    ] = [],  # noqa: B006
    every: Annotated[bool, typer.Option("--all", help="Every country with rules.")] = False,
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
    profile: Annotated[
        str | None,
        typer.Option(
            help="Profile file (YAML or JSON); '-' reads stdin. Overrides the saved profile.",
            metavar="FILE|-",
        ),
    ] = None,
    no_profile: Annotated[
        bool, typer.Option("--no-profile", help="Ignore the saved profile ('mlis profile').")
    ] = False,
    strict: StrictOption = False,
    details: Annotated[
        bool, typer.Option("--details", help="Every case still possible and every source in full.")
    ] = False,
    explain: Annotated[
        bool, typer.Option(help="Show every case tried and why it matched or not (implies --details).")
    ] = False,
    brief: Annotated[bool, typer.Option(help="The comparison table only, best first.")] = False,
    what_if: Annotated[
        bool,
        typer.Option("--what-if", help="Also show what would change each verdict (JSON always has it)."),
    ] = False,
    fail_on: FailOn = None,
    ask: Annotated[
        bool,
        typer.Option(
            "--ask",
            help="After the answer, ask the open questions that could change it, one at a time, "
            "then offer to save the answers to your profile (needs a terminal).",
        ),
    ] = False,
    *,
    output: OutputOptions,
) -> None:
    # imported here, not above: `mlis check --help` needs none of them
    from mlis_cli.api import countries, evaluate, parse_profile
    from mlis_cli.person import saved_profile
    from mlis_cli.person.profile_sources import layered, read_profile_file
    from mlis_cli.render.report_output import report_output

    if ask:
        from mlis_cli.commands.ask import require_terminal

        require_terminal(output.format is Format.TEXT)
    ruleset = load_rules(output.rules_dir)
    when = today()
    saved = None if no_profile else saved_profile.load(saved_profile.profile_path(), ruleset.degrees, when)
    file_facts = read_profile_file(profile) if profile is not None else {}
    flags = flag_facts(degree, citizenship, age, sector, stay, graduated, experience, phd, online)
    facts, from_saved = layered(saved.facts if saved else {}, file_facts, flags, lang)
    person = parse_profile(facts, ruleset, today=when)
    codes = countries(country, ruleset, every=every)
    fmt = output.format
    report = evaluate(
        ruleset, person, codes, today=when, strict=strict, what_if=what_if or fmt in SCRIPT_FORMATS
    )
    note = saved_profile.note(saved.path, from_saved) if saved and from_saved else None
    if note and fmt is not Format.TEXT:
        sys.stderr.write(f"mlis: {note}\n")

    def handout() -> Document:
        from mlis_cli.render.report_document import check_document

        return check_document(report, ruleset.sources, when, explain=explain, brief=brief)

    emit(
        report_output(report, explain=explain, brief=brief, details=details, note=note)._replace(
            report=handout
        ),
        fmt,
        no_color=output.no_color,
        pager=output.pager and not ask,
    )
    if ask:
        from mlis_cli.commands.ask import ask_questions, offer_to_save

        facts, answers = ask_questions(ruleset, facts, codes, when)
        if answers:
            report = evaluate(
                ruleset, parse_profile(facts, ruleset, today=when), codes, today=when, strict=strict
            )
            sys.stdout.write("\n")
            emit(
                report_output(report, explain=explain, brief=brief, details=details),
                fmt,
                no_color=output.no_color,
            )
            offer_to_save(answers, ruleset, when)
    exit_if_threshold_met((result.verdict for result in report.results), fail_on)


check.__doc__ = HELP
