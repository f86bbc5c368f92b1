"""The profile flags (--degree, --citizenship, ...), declared once, and the Profile they give."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from mlis_cli.commands import completers
from mlis_cli.model.profile import Profile
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.person.profile_input import parse_profile
from mlis_cli.person.profile_sources import merge, read_profile_file

DegreeOption = Annotated[
    str | None,
    typer.Option(
        help="Degree code: ala, cilip, alia, lianza, lai, other, unaccredited, none.",
        autocompletion=completers.degrees,
    ),
]
CitizenshipOption = Annotated[
    list[str],
    typer.Option(
        help="Citizenship (country code or name); repeatable.", autocompletion=completers.citizenships
    ),
]
AgeOption = Annotated[int | None, typer.Option(help="Age in years.")]
LangOption = Annotated[
    list[str],
    typer.Option(
        "--lang",
        help="Language and level, CODE:LEVEL (A1..C2, native, none); repeatable.",
        autocompletion=completers.languages,
    ),
]
SectorOption = Annotated[
    str | None,
    typer.Option(
        help="public, academic, school, special, corporate or international-school.",
        autocompletion=completers.sectors,
    ),
]
StayOption = Annotated[str | None, typer.Option(help="short or long.", autocompletion=completers.stays)]
GraduatedOption = Annotated[int | None, typer.Option(help="Year of graduation.")]
ExperienceOption = Annotated[float | None, typer.Option(help="Years of professional library work.")]
PhdOption = Annotated[
    bool | None, typer.Option("--phd/--no-phd", help="Holds a doctorate.", show_default=False)
]
OnlineOption = Annotated[
    bool | None,
    typer.Option(
        "--online/--no-online", help="The library degree is studied fully online.", show_default=False
    ),
]
ProfileFileOption = Annotated[
    str | None, typer.Option(help="Profile file (YAML or JSON); '-' reads stdin. Flags override it.")
]
StrictOption = Annotated[bool, typer.Option(help="Report the worst case as the verdict.")]


def person(
    ruleset: RuleSet,
    today: dt.date,
    *,
    profile: str | None,
    degree: str | None,
    citizenship: list[str],
    age: int | None,
    lang: list[str],
    sector: str | None,
    stay: str | None,
    graduated: int | None,
    experience: float | None,
    phd: bool | None,
    online: bool | None,
) -> Profile:
    """The profile from a file (or stdin) and the flags; a flag overrides the file."""
    file_facts = read_profile_file(profile) if profile is not None else {}
    flags = flag_facts(degree, citizenship, age, sector, stay, graduated, experience, phd, online)
    return parse_profile(merge(file_facts, flags, lang), ruleset.degrees, today)


def flag_facts(
    degree: str | None,
    citizenship: list[str],
    age: int | None,
    sector: str | None,
    stay: str | None,
    graduated: int | None,
    experience: float | None,
    phd: bool | None,
    online: bool | None,
) -> dict[str, Any]:
    """The facts the flags give, by name; None where a flag was not given."""
    return {
        "degree": degree,
        "citizenship": list(citizenship) or None,
        "age": age,
        "sector": sector,
        "stay": stay,
        "graduated": graduated,
        "experience": experience,
        "phd": phd,
        "online": online,
    }
