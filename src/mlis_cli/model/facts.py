"""The profile facts the rules may test, and the flag that answers each."""

from __future__ import annotations

from typing import NamedTuple

from mlis_cli.model.iso639 import NAMES


class Fact(NamedTuple):
    name: str
    flag: str
    question: str
    topic: str
    """What an answer depends on, in words: 'how long you stay'."""


FACTS: dict[str, Fact] = {
    fact.name: fact
    for fact in (
        Fact("degree", "--degree CODE", "Which library degree do you hold or study for?", "your degree"),
        Fact("citizenship", "--citizenship CODE", "Which citizenships do you hold?", "your citizenship"),
        Fact("age", "--age YEARS", "How old are you?", "your age"),
        Fact("language", "--lang CODE:LEVEL", "How well do you speak the language?", "your languages"),
        Fact(
            "sector",
            "--sector SECTOR",
            "Which kind of library do you want to work in?",
            "the kind of library",
        ),
        Fact("stay", "--stay short|long", "Do you plan a short or a long stay?", "how long you stay"),
        Fact("graduated", "--graduated YEAR", "In which year did you graduate?", "when you graduated"),
        Fact(
            "experience",
            "--experience YEARS",
            "How many years of library work have you done?",
            "your years of library work",
        ),
        Fact("phd", "--phd / --no-phd", "Do you hold a doctorate?", "whether you hold a doctorate"),
        Fact(
            "online",
            "--online / --no-online",
            "Did you (or do you) study your library degree fully online?",
            "whether you studied online",
        ),
    )
}


def fact_of(name: str) -> Fact:
    """The fact behind a name; 'language:de' is the language fact for German."""
    base, _, language = name.partition(":")
    fact = FACTS[base]
    if language:
        spoken = NAMES.get(language, f"'{language}'")
        return Fact(
            name, f"--lang {language}:LEVEL", f"How well do you speak '{language}'?", f"your {spoken}"
        )
    return fact
