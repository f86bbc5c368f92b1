"""mlis check --ask: the open questions that could change the answer, best splitter first.

The choice of question is the engine's (tested directly); the asking is tested
in a real pseudo-terminal, screen by screen, as a person answers.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mlis_cli.api import load_rules, parse_profile
from mlis_cli.engine.next_question import Choice, next_question
from mlis_cli.model.vocabulary import Level
from tests.conftest import FIXTURES

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

from tests.test_profile_terminal import GIVE_UP_AFTER_SECONDS, Terminal  # noqa: E402

RULES = str(FIXTURES / "ask-rules")
TODAY = dt.date(2026, 11, 22)


def choose(facts: dict[str, object], skip: tuple[str, ...] = ()) -> Choice | None:
    rules = load_rules(RULES)
    return next_question(rules, parse_profile(facts, rules, today=TODAY), ["nz"], TODAY, skip=skip)


def test_the_question_whose_answers_give_the_most_results_comes_first() -> None:
    # citizenship: a citizen, a US citizen (working holiday) or another gives three results;
    # English only two
    assert choose({"degree": "ala"}) == Choice("citizenship", 3, (("nz",), ("us",), ("~",)))
    assert choose({"degree": "ala"}, skip=("citizenship",)) == Choice(
        "language:en", 2, (Level.NONE, Level.B2)
    )


def test_only_questions_that_can_still_change_the_answer_are_asked() -> None:
    # a US citizen: age decides between the working holiday and the skilled visa
    assert choose({"degree": "ala", "citizenship": ["us"]}) == Choice("age", 2, (18, 17))
    # a citizen: the right to work is settled, age no longer matters
    assert choose({"degree": "ala", "citizenship": ["nz"]}) == Choice(
        "language:en", 2, (Level.NONE, Level.B2)
    )
    # complete: nothing left to ask, though nothing was said about age
    assert choose({"degree": "ala", "citizenship": ["nz"], "languages": {"en": "B2"}}) is None


def test_when_no_single_answer_changes_it_the_first_open_question_is_asked() -> None:
    # age alone changes nothing while citizenship is unknown; together they do
    assert choose({"degree": "ala", "languages": {"en": "B2"}}, skip=("citizenship",)) == Choice(
        "age", 1, (18, 17)
    )
    assert choose({"degree": "ala", "languages": {"en": "B2"}}, skip=("citizenship", "age")) is None


class Session:
    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.config = tmp_path / "config"
        environment = {
            **os.environ,
            "MLIS_CONFIG_DIR": str(self.config),
            "MLIS_CACHE_DIR": "off",
            "MLIS_TODAY": "2026-11-22",
            "NO_COLOR": "1",
            "TERM": "xterm",
            "COLUMNS": "80",
        }
        self.controller, child_side = pty.openpty()
        self.program = subprocess.Popen(
            [sys.executable, "-m", "mlis_cli", "check", "--rules-dir", RULES, "-c", "nz", *args, "--ask"],
            stdin=child_side,
            stdout=child_side,
            stderr=child_side,
            env=environment,
        )
        os.close(child_side)
        self.terminal = Terminal(self.controller)

    def answer(self, *exchanges: tuple[str, str]) -> None:
        for prompt, answer in exchanges:
            self.terminal.read_until(prompt)
            self.terminal.type(answer)

    def finish(self) -> tuple[int, str]:
        try:
            self.terminal.read_to_end()
            code = self.program.wait(timeout=GIVE_UP_AFTER_SECONDS)
        finally:
            if self.program.poll() is None:
                self.program.kill()
                self.program.wait()
            os.close(self.controller)
        return code, self.terminal.transcript.replace("\r\n", "\n")


FIRST_ANSWER = """\
New Zealand (nz): could be eligible or unlikely, depending on your citizenship,
your age and your English

  … Right to work: eligible or decided case by case
      Citizens need no visa. A skilled work visa, case by case. [1]
      [1] mlis test suite, weak, 2026-11-22
  … English at work: eligible or unlikely
      B2 English is enough. Libraries ask for B2 English. [1]
  Answer with: --citizenship CODE --age YEARS --lang en:LEVEL
Rules reviewed 2026-11-22; every case and every source in full: --details.
"""


def test_a_person_answers_until_the_answer_is_complete_then_saves(tmp_path: Path) -> None:
    session = Session(tmp_path, "--degree", "ala")
    session.answer(
        ("citizenship: ", "Atlantis"),
        ("citizenship: ", "us"),
        ("age: ", "29"),
        ("en: ", "fluent"),
        ("en: ", "C1"),
        ("[y/N]: ", "y"),
    )
    code, screen = session.finish()
    assert code == 0
    path = session.config / "profile.yaml"
    assert screen == FIRST_ANSWER + (
        "\n"
        "Which citizenships do you hold?\n"
        "  Country codes or names, separated by commas: us, ca or United Kingdom.\n"
        "citizenship: Atlantis\n"
        "  Not accepted: unknown citizenship 'Atlantis': expected a country code such as us, gb, fi "
        "(did you mean albania?). Try again, or press Enter to pass.\n"
        "citizenship: us\n"
        "  Now New Zealand (nz): could be conditional or unlikely, depending on your age and your English\n"
        "\n"
        "How old are you?\n"
        "  In whole years; some rules depend on age.\n"
        "age: 29\n"
        "  Now New Zealand (nz): could be conditional or unlikely, depending on your English\n"
        "\n"
        "How well do you speak English (en)?\n"
        "  A level: A1, A2, B1, B2, C1, C2 (CEFR), native, none, or some if you cannot say.\n"
        "en: fluent\n"
        "  Not accepted: language level 'fluent' for 'en': expected one of none, A1, A2, B1, B2, C1, "
        "C2, native, some. Try again, or press Enter to pass.\n"
        "en: C1\n"
        "  Now New Zealand (nz): conditional\n"
        "\n"
        "New Zealand (nz): conditional\n"
        "  Why: Right to work is met on conditions.\n"
        "\n"
        "  ✓ Right to work: conditional\n"
        "      A working holiday visa up to 30. [1]\n"
        "      [1] mlis test suite, weak, 2026-11-22\n"
        "  ✓ English at work: eligible\n"
        "      B2 English is enough. [1]\n"
        "Rules reviewed 2026-11-22; every case and every source in full: --details.\n"
        "\n"
        "Save your answers (citizenship, age, languages) to your profile? [y/N]: y\n"
        f"Saved to {path}.\n"
    )
    assert path.read_text(encoding="utf-8") == (
        "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
        "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
        "citizenship:\n- us\n"
        "age: 29\n"
        "languages:\n  en: C1\n"
    )


def test_a_question_passed_over_is_not_asked_again(tmp_path: Path) -> None:
    # a citizen: only English can change the answer; passing it over ends the asking, and
    # with no answer there is nothing to save
    session = Session(tmp_path, "--degree", "ala", "--citizenship", "nz")
    session.answer(("en: ", ""))
    code, screen = session.finish()
    assert code == 0
    assert screen.endswith(
        "Rules reviewed 2026-11-22; every case and every source in full: --details.\n"
        "\n"
        "How well do you speak English (en)?\n"
        "  A level: A1, A2, B1, B2, C1, C2 (CEFR), native, none, or some if you cannot say.\n"
        "en: \n"
    )
    assert not (session.config / "profile.yaml").exists()


SAVED = (
    "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
    "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
    "degree: ala\n"
    "graduated: 2019\n"
)


def test_saving_adds_the_answers_to_the_saved_profile_and_no_saves_nothing(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "profile.yaml").write_text(SAVED, encoding="utf-8")
    declined = Session(tmp_path, "--citizenship", "us", "--age", "29")
    declined.answer(("en: ", "B2"), ("[y/N]: ", "no"))
    code, screen = declined.finish()
    assert code == 0
    assert screen.endswith("Save your answers (languages) to your profile? [y/N]: no\nNothing saved.\n")
    assert (tmp_path / "config" / "profile.yaml").read_text(encoding="utf-8") == SAVED
    accepted = Session(tmp_path, "--citizenship", "us", "--age", "29")
    accepted.answer(("en: ", "B2"), ("[y/N]: ", "yes"))
    code, screen = accepted.finish()
    assert code == 0
    assert (tmp_path / "config" / "profile.yaml").read_text(encoding="utf-8") == SAVED.replace(
        "graduated: 2019\n", "languages:\n  en: B2\ngraduated: 2019\n"
    )


def test_ctrl_c_while_asking_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "profile.yaml").write_text(SAVED, encoding="utf-8")
    session = Session(tmp_path)
    session.answer(("citizenship: ", "us"))
    session.terminal.read_until("age: ")
    session.program.send_signal(signal.SIGINT)
    code, screen = session.finish()
    assert code == 130
    assert screen.endswith("age: \nmlis: interrupted\n")
    assert (tmp_path / "config" / "profile.yaml").read_text(encoding="utf-8") == SAVED


def test_ask_without_a_terminal_is_a_usage_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", RULES, "-c", "nz", "--degree", "ala", "--ask")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: --ask asks its questions in a terminal, and stdin is not one "
        "(give the facts as flags instead, such as --age 29 or --lang de:B2)\n"
    )
    as_json = mlis("check", "--rules-dir", RULES, "-c", "nz", "--ask", "--json")
    assert (as_json.exit_code, as_json.stdout) == (2, "")
    assert as_json.stderr == (
        '{"error": {"code": "usage", "message": "--ask writes text; leave out --format and --json", '
        '"hint": null}}\n'
    )
