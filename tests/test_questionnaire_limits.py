"""An answer to the guided set-up has a length limit: refused, and the question asked again."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import yaml

from mlis_cli.person.questionnaire import MAX_ANSWER

REFUSED = f"  Not accepted: an answer over {MAX_ANSWER} characters. Try again, or press Enter to skip.\n"


def answering(monkeypatch, text: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_an_over_long_answer_is_refused_and_asked_again(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answering(monkeypatch, "a" * (MAX_ANSWER + 1) + "\nala\n" + "\n" * 9)
    run = mlis("profile", "init")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.count(REFUSED) == 1
    assert "degree: " + REFUSED + "degree: " in run.stderr
    saved = Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"
    assert yaml.safe_load(saved.read_text(encoding="utf-8")) == {"degree": "ala"}


def test_an_answer_of_the_limit_is_read_as_an_answer(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answering(monkeypatch, "a" * MAX_ANSWER + "\nala\n" + "\n" * 9)
    run = mlis("profile", "init")
    assert run.exit_code == 0, run.stderr
    assert REFUSED not in run.stderr
    assert "  Not accepted: unknown degree 'aaaa" in run.stderr


def test_a_line_that_never_ends_ends_the_set_up_and_saves_nothing(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answering(monkeypatch, "ala\n" + "x" * (3 << 20))
    run = mlis("profile", "init")
    assert run.exit_code == 2
    assert run.stderr.endswith(
        "mlis: error: an answer over 1,048,576 characters: this input is not answers; nothing was saved\n"
    )
    assert not (Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml").exists()
