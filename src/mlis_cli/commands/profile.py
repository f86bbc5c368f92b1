"""mlis profile: set up, show, change and remove the profile that `mlis check` uses by default."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, RulesDir, output_options
from mlis_cli.commands.shared import load_rules, today
from mlis_cli.errors import UsageError
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    help=(
        "Save your facts once; 'mlis check' uses them when no flag gives them.\n\n"
        "\b\nExamples:\n  mlis profile init\n  mlis profile set lang de:B2\n"
        "  mlis profile show --format json\n  mlis check --country fi"
    ),
    no_args_is_help=True,
    add_completion=False,
)

UNKNOWN_WORD = "unknown"


@app.command()
def init(
    degree: Annotated[
        str | None,
        typer.Option(
            help="Degree code (see 'mlis degrees').", autocompletion=completers.degrees, metavar="CODE"
        ),
    ] = None,
    citizenship: Annotated[
        list[str],
        typer.Option(
            help="Citizenship (country code or name); repeat or separate with commas.",
            autocompletion=completers.citizenships,
            metavar="CODE",
        ),
    ] = [],  # noqa: B006
    age: Annotated[str | None, typer.Option(help="Age in years.", metavar="YEARS")] = None,
    lang: Annotated[
        list[str],
        typer.Option(
            "--lang",
            help="Language and level, CODE:LEVEL such as de:B2 or german:C1; repeat or separate with commas.",
            autocompletion=completers.languages,
            metavar="CODE:LEVEL",
        ),
    ] = [],  # noqa: B006
    sector: Annotated[
        str | None,
        typer.Option(
            help="public, academic, school, special, corporate or international-school.",
            autocompletion=completers.sectors,
            metavar="SECTOR",
        ),
    ] = None,
    stay: Annotated[
        str | None, typer.Option(help="short or long.", autocompletion=completers.stays, metavar="STAY")
    ] = None,
    graduated: Annotated[str | None, typer.Option(help="Year of graduation.", metavar="YEAR")] = None,
    experience: Annotated[
        str | None, typer.Option(help="Years of professional library work.", metavar="YEARS")
    ] = None,
    phd: Annotated[
        bool | None, typer.Option("--phd/--no-phd", help="Holds a doctorate.", show_default=False)
    ] = None,
    online: Annotated[
        bool | None,
        typer.Option(
            "--online/--no-online", help="The library degree is studied fully online.", show_default=False
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Ask nothing: the flags' facts change the saved profile's."),
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Start from nothing instead of the saved profile's answers.")
    ] = False,
    rules_dir: RulesDir = None,
) -> None:
    """Answer a few questions once; the answers become your saved profile.

    Each answer is checked as you type it and asked again if it cannot be read;
    press Enter to skip a question. Facts given as flags are not asked. Over a
    saved profile, each question shows the saved answer and Enter keeps it
    ('unknown' forgets it); with --no-input the flags change only their facts.
    --replace starts from nothing, and the facts it drops are named.

    \b
    Examples:
      mlis profile init
      mlis profile init --degree ala --citizenship us --age 29 --lang de:B2 --no-input
    """
    # imported here and in each subcommand, not above: `mlis profile ... --help` needs none of them
    from mlis_cli.person import saved_profile
    from mlis_cli.person.fact_answers import FACT_NAMES, read_answer

    ruleset = load_rules(rules_dir)
    when = today()
    typed: dict[str, str | None] = {
        "degree": degree,
        "citizenship": ",".join(citizenship) or None,
        "age": age,
        "languages": ",".join(lang) or None,
        "sector": sector,
        "stay": stay,
        "graduated": graduated,
        "experience": experience,
    }
    given: dict[str, Any] = {
        key: read_answer(key, text, ruleset.degrees, when) for key, text in typed.items() if text is not None
    }
    if phd is not None:
        given["phd"] = phd
    if online is not None:
        given["online"] = online
    path = saved_profile.profile_path()
    saved = None if replace else saved_profile.load(path, ruleset.degrees, when)
    before = saved.facts if saved else {}
    answers = None
    if not no_input:
        from mlis_cli.person import questionnaire

        answers = questionnaire.run(ruleset.degrees, when, given, _ask, _say, saved=before, shown=describe)
    # The questions may take minutes: the lock is held only from reading the profile again to
    # writing it, and what another mlis saved meanwhile stays unless this person changed it.
    with saved_profile.locked(path):
        saved = None if replace else saved_profile.load(path, ruleset.degrees, when)
        current = saved.facts if saved else {}
        facts = {**current, **given} if answers is None else _changed(current, before, answers)
        if replace:
            old = saved_profile.read_facts(path) or {}
            dropped = [key for key in FACT_NAMES if old.get(key) is not None and key not in facts]
            if dropped:
                _say(f"Dropped from the saved profile (--replace): {', '.join(dropped)}.")
        elif no_input and current:
            kept = [key for key in FACT_NAMES if key in current and key not in given]
            if kept:
                _say(f"Kept from the saved profile: {', '.join(kept)}.")
        saved_profile.write(path, {key: facts[key] for key in FACT_NAMES if key in facts})
    _say(f"Saved your profile to {path}.")
    _say("'mlis check --country CODE' now uses it; 'mlis profile show' shows it.")


def _changed(current: dict[str, Any], before: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """The profile as saved now, with the facts the person changed from what they were shown."""
    from mlis_cli.person.fact_answers import FACT_NAMES

    facts = dict(current)
    for key in FACT_NAMES:
        if answers.get(key) != before.get(key):
            if key in answers:
                facts[key] = answers[key]
            else:
                facts.pop(key, None)
    return facts


def _ask(prompt: str) -> str | None:
    """One line of input, read in bounded memory: an answer over MAX_ANSWER characters comes
    back cut to MAX_ANSWER + 1, for the questionnaire to refuse, and the rest of its line is
    skipped (up to MAX_PROFILE characters: more is no answer at all)."""
    from mlis_cli.person.profile_sources import MAX_PROFILE
    from mlis_cli.person.questionnaire import MAX_ANSWER

    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        line = sys.stdin.readline(MAX_ANSWER + 2)
        skipped = 0
        rest = line
        while len(rest) > 0 and not rest.endswith("\n") and len(line) > MAX_ANSWER:
            rest = sys.stdin.readline(1 << 16)
            skipped += len(rest)
            if skipped > MAX_PROFILE:
                raise UsageError(
                    f"an answer over {MAX_PROFILE:,} characters: this input is not answers; nothing was saved"
                )
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # the interruption's own message starts on a line of its own
        raise
    return line.rstrip("\r\n") if line else None


def _say(text: str) -> None:
    sys.stderr.write(f"{text}\n")
    sys.stderr.flush()


@app.command()
@output_options(color=False)
def show(*, output: OutputOptions) -> None:
    """Your saved profile, every fact, 'unknown' where none is saved.

    \b
    Examples:
      mlis profile show
      mlis profile show --format json
    """
    from mlis_cli.person import saved_profile
    from mlis_cli.person.fact_answers import FACT_NAMES
    from mlis_cli.person.profile_input import parse_profile

    ruleset = load_rules(output.rules_dir)
    when = today()
    path = saved_profile.profile_path()
    saved = saved_profile.load(path, ruleset.degrees, when)
    if saved is None:
        raise UsageError(f"no saved profile at {path}", hint="create one with 'mlis profile init'")
    document = parse_profile(saved.facts, ruleset.degrees, when).to_dict()

    def text(out: Console) -> None:
        for key in FACT_NAMES:
            value = saved.facts.get(key)
            words = describe(key, value)
            if key == "degree" and value in ruleset.degrees:
                words += f" ({ruleset.degrees[value].name})"
            out.print(f"{key:<12} {words}", markup=False, highlight=False)

    emit(Output(document, [document], tuple(document), text), output.format, pager=output.pager)


def describe(key: str, value: Any) -> str:
    """A saved value as a person would type it."""
    if value is None:
        return UNKNOWN_WORD
    if key == "languages":
        return ", ".join(f"{code}:{level}" for code, level in value.items())
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@app.command()
def path() -> None:
    """Where the saved profile lives (MLIS_CONFIG_DIR changes it).

    \b
    Example:
      mlis profile path
    """
    from mlis_cli.person import saved_profile

    sys.stdout.write(f"{saved_profile.profile_path()}\n")


@app.command("set")
def set_fact(
    fact: Annotated[
        str,
        typer.Argument(
            help="degree, citizenship, age, lang, sector, stay, graduated, experience, phd or online.",
            autocompletion=completers.facts,
            show_default=False,
            metavar="FACT",
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="The value, as its flag takes it; 'unknown' forgets the fact.",
            autocompletion=completers.fact_values,
            show_default=False,
            metavar="VALUE",
        ),
    ],
    rules_dir: RulesDir = None,
) -> None:
    """Change one fact of the saved profile (creating it if there is none).

    lang adds or changes one language and keeps the others.

    \b
    Examples:
      mlis profile set degree cilip
      mlis profile set citizenship us,ca
      mlis profile set lang de:B2
      mlis profile set age unknown
    """
    from mlis_cli.person import saved_profile
    from mlis_cli.person.fact_answers import fact_key, read_answer

    key = fact_key(fact)
    ruleset = load_rules(rules_dir)
    when = today()
    path = saved_profile.profile_path()
    forget = value.strip().lower() == UNKNOWN_WORD
    new: Any = None if forget else read_answer(key, value, ruleset.degrees, when)
    with saved_profile.locked(path):
        data = dict(saved_profile.read_facts(path) or {})
        if "language" in data:
            data["languages"] = data.pop("language")
        if forget:
            data.pop(key, None)
        else:
            if key == "languages":
                old = saved_profile.validated(
                    path, {"languages": data.get("languages")}, ruleset.degrees, when
                )
                new = {**old.get("languages", {}), **new}
            data[key] = new
        facts = saved_profile.validated(path, data, ruleset.degrees, when)
        saved_profile.write(path, facts)
    _say(f"{key}: {describe(key, facts.get(key))} (saved to {path})")


@app.command()
def clear() -> None:
    """Remove the saved profile; 'mlis check' then uses only the facts you give it.

    \b
    Example:
      mlis profile clear
    """
    from mlis_cli.person import saved_profile

    path = saved_profile.profile_path()
    if saved_profile.remove(path):
        _say(f"Removed your saved profile {path}.")
    else:
        _say(f"No saved profile at {path}; nothing to remove.")
