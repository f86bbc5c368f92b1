"""The profile facts the rules may test, and the flag that answers each."""

from __future__ import annotations

from typing import NamedTuple


class Fact(NamedTuple):
    name: str
    flag: str
    question: str


FACTS: dict[str, Fact] = {
    fact.name: fact
    for fact in (
        Fact("degree", "--degree CODE", "Which library degree do you hold or study for?"),
        Fact("citizenship", "--citizenship CODE", "Which citizenships do you hold?"),
        Fact("age", "--age YEARS", "How old are you?"),
        Fact("language", "--lang CODE:LEVEL", "How well do you speak the language?"),
        Fact("sector", "--sector SECTOR", "Which kind of library do you want to work in?"),
        Fact("stay", "--stay short|long", "Do you plan a short or a long stay?"),
        Fact("graduated", "--graduated YEAR", "In which year did you graduate?"),
        Fact("experience", "--experience YEARS", "How many years of library work have you done?"),
        Fact("phd", "--phd / --no-phd", "Do you hold a doctorate?"),
        Fact(
            "online", "--online / --no-online", "Did you (or do you) study your library degree fully online?"
        ),
    )
}


def fact_of(name: str) -> Fact:
    """The fact behind a name; 'language:de' is the language fact for German."""
    base, _, language = name.partition(":")
    fact = FACTS[base]
    if language:
        return Fact(name, f"--lang {language}:LEVEL", f"How well do you speak '{language}'?")
    return fact
