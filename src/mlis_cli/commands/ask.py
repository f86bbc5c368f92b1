"""`mlis check --ask`: after the first answer, the open questions that could still change it.

One question at a time, the one that splits the possible results most first
(engine/next_question.py chooses). Each answer is read as a flag or a profile
file is read, refused with the same words and asked again; Enter passes a
question over. After each answer the countries are checked again, and the
asking stops as soon as the answer is complete. Then the answers may be saved
to the saved profile; nothing is written before the person says yes, so Ctrl-C
at any point keeps nothing half-saved. Questions go to stderr, the answer to
stdout, as with `mlis profile init`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.model.facts import fact_of
from mlis_cli.model.iso639 import NAMES
from mlis_cli.model.ruleset import RuleSet

NOT_A_TERMINAL = "--ask asks its questions in a terminal, and {} is not one"
NOT_A_TERMINAL_HINT = "give the facts as flags instead, such as --age 29 or --lang de:B2"
LEVELS = "A level: A1, A2, B1, B2, C1, C2 (CEFR), native, none, or some if you cannot say."


def require_terminal(text_output: bool) -> None:
    """--ask needs a person at a terminal and text output: a usage error (exit 2) otherwise."""
    if not text_output:
        raise UsageError("--ask writes text; leave out --format and --json")
    for name, stream in (("stdin", sys.stdin), ("stderr", sys.stderr)):
        if not _is_terminal(stream):
            raise UsageError(NOT_A_TERMINAL.format(name), hint=NOT_A_TERMINAL_HINT)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def ask_questions(
    ruleset: RuleSet, facts: dict[str, Any], codes: Sequence[str], today: dt.date
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Ask until the answer is complete; the facts with every answer, and the answers alone.

    An answer is stored as a saved profile stores it; a language adds to the languages.
    """
    from mlis_cli.api import parse_profile
    from mlis_cli.engine.evaluation import evaluate_country
    from mlis_cli.engine.next_question import next_question

    facts = dict(facts)
    answers: dict[str, Any] = {}
    passed: set[str] = set()
    while True:
        person = parse_profile(facts, ruleset, today=today)
        choice = next_question(ruleset, person, codes, today, skip=passed)
        if choice is None:
            return facts, answers
        key, value = _ask_one(choice.fact, ruleset, today)
        if value is None:
            passed.add(choice.fact)
            continue
        if key == "languages":
            answers["languages"] = {**answers.get("languages", {}), **value}
            facts["languages"] = {**(facts.get("languages") or {}), **value}
        else:
            answers[key] = facts[key] = value
        person = parse_profile(facts, ruleset, today=today)
        for code in codes:
            result = evaluate_country(ruleset, ruleset.countries[code], person, today)
            say(f"  Now {_headline(result)}")


def _headline(result: Any) -> str:
    from rich.text import Text

    from mlis_cli.render.text import headline

    return Text.from_markup(headline(result, strict=False)).plain


def _ask_one(fact: str, ruleset: RuleSet, today: dt.date) -> tuple[str, Any]:
    """One question, asked again until its answer can be read; (key, None) when passed over."""
    from mlis_cli.person.fact_answers import read_answer
    from mlis_cli.person.questionnaire import questions

    base, _, language = fact.partition(":")
    say("")
    if language:
        name = NAMES.get(language)
        say(f"How well do you speak {name} ({language})?" if name else fact_of(fact).question)
        say(f"  {LEVELS}")
        key, label = "languages", language
    else:
        question = next(q for q in questions(ruleset.degrees) if q.key == base)
        say(question.text)
        for line in question.explanation:
            say(f"  {line}")
        key, label = base, question.label
    while True:
        text = ask(f"{label}: ")
        if text is None:
            say("")
            raise UsageError("input ended before the questions were answered; nothing was saved")
        if not text.strip():
            return key, None
        try:
            return key, read_answer(
                key, f"{language}:{text.strip()}" if language else text, ruleset.degrees, today
            )
        except UsageError as error:
            hint = f" ({error.hint})" if error.hint else ""
            say(f"  Not accepted: {error.message}{hint}. Try again, or press Enter to pass.")


def offer_to_save(answers: dict[str, Any], ruleset: RuleSet, today: dt.date) -> None:
    """Ask whether to save the answers on top of the saved profile; write only on yes."""
    from mlis_cli.person import saved_profile
    from mlis_cli.person.fact_answers import FACT_NAMES

    if not answers:
        return
    names = ", ".join(key for key in FACT_NAMES if key in answers)
    say("")
    while True:
        reply = ask(f"Save your answers ({names}) to your profile? [y/N]: ")
        word = (reply or "").strip().lower()
        if reply is None or word in ("", "n", "no"):
            if reply is None:
                say("")
            say("Nothing saved.")
            return
        if word in ("y", "yes"):
            break
        say("  Please answer yes or no.")
    path = saved_profile.profile_path()
    current = saved_profile.load(path, ruleset.degrees, today)
    facts = dict(current.facts) if current else {}
    if "languages" in answers:
        answers = {**answers, "languages": {**facts.get("languages", {}), **answers["languages"]}}
    facts.update(answers)
    saved_profile.write(path, {key: facts[key] for key in FACT_NAMES if key in facts})
    say(f"Saved to {path}.")


def ask(prompt: str) -> str | None:
    sys.stdout.flush()  # the answer so far, before the question under it
    try:
        # Inside the try: Ctrl-C can land as soon as the prompt shows, before readline starts.
        sys.stderr.write(prompt)
        sys.stderr.flush()
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # the interruption's own message starts on a line of its own
        raise
    return line.rstrip("\r\n") if line else None


def say(text: str) -> None:
    sys.stdout.flush()
    sys.stderr.write(f"{text}\n")
    sys.stderr.flush()
