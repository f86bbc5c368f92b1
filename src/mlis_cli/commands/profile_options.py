"""The profile flags (--degree, --citizenship, ...), declared once, and the Profile they give."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mlis_cli.commands import completers

DegreeOption = Annotated[
    str | None,
    typer.Option(
        help="Degree code: ala, cilip, alia, lianza, lai, other, unaccredited, none.",
        autocompletion=completers.degrees,
        metavar="CODE",
    ),
]
CitizenshipOption = Annotated[
    list[str],
    typer.Option(
        help="Citizenship (country code or name); repeatable.",
        autocompletion=completers.citizenships,
        metavar="CODE",
    ),
]
AgeOption = Annotated[int | None, typer.Option(help="Age in years.", metavar="YEARS")]
LangOption = Annotated[
    list[str],
    typer.Option(
        "--lang",
        help="Language and level, CODE:LEVEL such as de:B2 or german:C1; repeat or separate with commas.",
        autocompletion=completers.languages,
        metavar="CODE:LEVEL",
    ),
]
SectorOption = Annotated[
    str | None,
    typer.Option(
        help="public, academic, school, special, corporate or international-school.",
        autocompletion=completers.sectors,
        metavar="SECTOR",
    ),
]
StayOption = Annotated[
    str | None, typer.Option(help="short or long.", autocompletion=completers.stays, metavar="STAY")
]
GraduatedOption = Annotated[int | None, typer.Option(help="Year of graduation.", metavar="YEAR")]
ExperienceOption = Annotated[
    float | None, typer.Option(help="Years of professional library work.", metavar="YEARS")
]
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
    str | None,
    typer.Option(help="Profile file (YAML or JSON); '-' reads stdin. Flags override it.", metavar="FILE|-"),
]
StrictOption = Annotated[bool, typer.Option(help="Report the worst case as the verdict.")]


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
