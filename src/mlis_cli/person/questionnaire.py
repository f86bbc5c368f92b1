"""The guided set-up of `mlis profile init`: one question per fact, each answer checked as typed.

An answer is read by `fact_answers.read_answer`, the same path as a profile file
or a flag; a refused answer (one over MAX_ANSWER characters too) is explained and
the question asked again. An empty
answer skips the question: that fact stays unknown, which `mlis check` handles
by listing it among the open questions.

The questionnaire does no I/O of its own: it is given `ask` (None at end of input)
and `say`, so a terminal, a pipe and a test drive it alike.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.model.ruleset import Degree
from mlis_cli.person.fact_answers import read_answer

Ask = Callable[[str], str | None]
Say = Callable[[str], None]

INTRO = (
    "A few questions about you; mlis saves the answers and 'mlis check' uses them.\n"
    "Press Enter to skip a question: that fact stays unknown, and 'mlis check' says what it would settle."
)
WIDTH = 78
MAX_ANSWER = 1000
"""The longest answer read, in characters: a long list of citizenships fits many times over."""


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    text: str
    explanation: tuple[str, ...]


def questions(degrees: Mapping[str, Degree]) -> list[Question]:
    degree_lines: list[str] = []
    for code, degree in degrees.items():
        degree_lines.append(f"{code:<13} {degree.name}")
        degree_lines.extend(
            textwrap.wrap(degree.description, WIDTH - 2, initial_indent=" " * 14, subsequent_indent=" " * 14)
        )
    return [
        Question("degree", "degree", "Which library degree do you hold or study for?", tuple(degree_lines)),
        Question(
            "citizenship",
            "citizenship",
            "Which citizenships do you hold?",
            ("Country codes or names, separated by commas: us, ca or United Kingdom.",),
        ),
        Question("age", "age", "How old are you?", ("In whole years; some rules depend on age.",)),
        Question(
            "languages",
            "languages",
            "Which languages do you speak, and how well?",
            (
                "CODE:LEVEL items separated by commas, e.g. de:B2, fi:A1.",
                "Codes are two or three letters (ISO 639): de German, fi Finnish, sv Swedish, da Danish.",
                "Levels (CEFR): A1, A2 basic; B1, B2 independent; C1, C2 proficient;",
                "also native, or none for a language you do not speak.",
            ),
        ),
        Question(
            "sector",
            "sector",
            "Which kind of library do you want to work in?",
            ("One of public, academic, school, special, corporate or international-school.",),
        ),
        Question(
            "stay",
            "stay",
            "Do you plan a short or a long stay?",
            ("short: work for a limited period; long: a lasting post or settling there.",),
        ),
        Question(
            "graduated",
            "graduated",
            "In which year did you graduate (or will you)?",
            ("The year of your library degree, e.g. 2019.",),
        ),
        Question(
            "experience",
            "experience",
            "How many years of library work have you done?",
            ("A number of years; 1.5 is fine.",),
        ),
        Question("phd", "phd", "Do you hold a doctorate?", ("yes or no.",)),
        Question(
            "online",
            "online",
            "Did you (or do you) study your library degree fully online?",
            ("yes or no; some working-holiday schemes do not count online study.",),
        ),
    ]


def run(
    degrees: Mapping[str, Degree],
    today: dt.date,
    given: Mapping[str, Any],
    ask: Ask,
    say: Say,
    saved: Mapping[str, Any] | None = None,
    shown: Callable[[str, Any], str] = lambda _key, value: str(value),
) -> dict[str, Any]:
    """The facts: those given beforehand, then an answer for each question not yet answered.

    saved: the answers of a saved profile; each is offered, and an empty answer keeps it.
    """
    facts = dict(given)
    saved = saved or {}
    say(INTRO)
    if saved:
        say(SAVED_INTRO)
    for question in questions(degrees):
        if question.key in given:
            continue
        say("")
        say(question.text)
        for line in question.explanation:
            say(f"  {line}")
        current = saved.get(question.key)
        value = _answer(
            question, degrees, today, ask, say, None if current is None else shown(question.key, current)
        )
        if value is _FORGET:
            continue
        if value is not None:
            facts[question.key] = value
        elif current is not None:
            facts[question.key] = current
    return facts


SAVED_INTRO = "Your saved answers are shown in brackets: Enter keeps one, 'unknown' forgets it."
FORGET_WORD = "unknown"
_FORGET = object()


def _answer(
    question: Question, degrees: Mapping[str, Degree], today: dt.date, ask: Ask, say: Say, current: str | None
) -> Any:
    while True:
        answer = ask(f"{question.label}: " if current is None else f"{question.label} [{current}]: ")
        if answer is None:
            say("")
            raise UsageError(
                "input ended before every question was answered; nothing was saved",
                hint="to set up without questions, give the facts as flags with --no-input, "
                "e.g. 'mlis profile init --degree ala --no-input'",
            )
        if len(answer) > MAX_ANSWER:
            say(f"  Not accepted: an answer over {MAX_ANSWER} characters. Try again, or press Enter to skip.")
            continue
        if not answer.strip():
            return None
        if current is not None and answer.strip().lower() == FORGET_WORD:
            return _FORGET
        try:
            return read_answer(question.key, answer, degrees, today)
        except UsageError as error:
            hint = f" ({error.hint})" if error.hint else ""
            say(f"  Not accepted: {error.message}{hint}. Try again, or press Enter to skip.")
