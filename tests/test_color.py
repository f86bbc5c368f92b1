"""Color only on a terminal; NO_COLOR, --no-color and TERM=dumb turn it off, FORCE_COLOR on."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mlis_cli.render.terminal import color_wanted
from tests.conftest import FIXTURES
from tests.rulekit import country, rules_dir

RULES = str(FIXTURES / "scripting")
MLIS = str(Path(sys.executable).parent / "mlis")
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
CHECK = ("check", "--rules-dir", RULES, "--degree", "none", "--country", "xc,xd")


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "flag", "environ", "expected"),
    [
        (True, False, {}, True),
        (False, False, {}, False),
        (True, True, {}, False),
        (True, False, {"NO_COLOR": "1"}, False),
        (True, False, {"NO_COLOR": ""}, True),
        (True, False, {"TERM": "dumb"}, False),
        (True, False, {"TERM": "xterm-256color"}, True),
        (False, False, {"FORCE_COLOR": "1"}, True),
        (False, False, {"FORCE_COLOR": ""}, False),
        (False, False, {"FORCE_COLOR": "1", "TERM": "dumb"}, True),
        (False, False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (True, True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_the_color_decision(tty: bool, flag: bool, environ: dict[str, str], expected: bool) -> None:
    assert color_wanted(Stream(tty), flag, environ) is expected  # type: ignore[arg-type]


def test_text_through_a_pipe_has_no_escape_sequences(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR")
    run = mlis(*CHECK)
    assert (run.exit_code, run.stderr) == (0, "")
    assert "\x1b" not in run.stdout


def test_force_color_colors_a_pipe_and_the_text_reads_the_same_without_it(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = mlis(*CHECK).stdout
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    colored = mlis(*CHECK).stdout
    assert ESCAPE.search(colored)
    assert ESCAPE.sub("", colored) == plain


@pytest.mark.parametrize(("variable", "flag"), [("NO_COLOR", ()), (None, ("--no-color",))])
def test_no_color_and_the_flag_win_over_force_color(mlis, monkeypatch, variable, flag) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR")
    if variable:
        monkeypatch.setenv(variable, "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b" not in mlis(*CHECK, *flag).stdout


FIVE_STANDINGS = country(
    "xs",
    """
    - id: met
      kind: accreditation
      title: Recognised
      cases:
        - otherwise: true
          verdict: conditional
          reason: Join the association.
          sources: [places-youll-go]
    - id: decided
      kind: review
      title: Decided by the employer
      cases:
        - otherwise: true
          verdict: case_by_case
          reason: The employer decides.
          sources: [places-youll-go]
    - id: barred
      kind: nationality
      title: Nationality
      cases:
        - otherwise: true
          verdict: unlikely
          reason: Citizens only, as a rule.
          sources: [places-youll-go]
    - id: silent
      kind: visa
      title: Right to work
      cases:
        - otherwise: true
          verdict: unknown
          reason: No route is named.
          looked_for: working holiday agreements
          sources: [places-youll-go]
    - id: depends
      kind: language
      title: Language
      cases:
        - when: {language: {de: B2}}
          verdict: eligible
          reason: Enough German.
          sources: [places-youll-go]
        - otherwise: true
          verdict: unlikely
          reason: Not enough German.
          sources: [places-youll-go]
    """,
)


def test_marks_are_words_not_only_colors(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    directory = rules_dir(tmp_path, {"xs": FIVE_STANDINGS})
    glance = mlis("check", "--rules-dir", str(directory), "-c", "xs", "--degree", "ala").stdout
    assert re.findall(r"^  ([✓~✗?…]) (\w[\w ]*\w): (.*)$", glance, re.MULTILINE) == [
        ("✓", "Recognised", "conditional"),
        ("~", "Decided by the employer", "decided case by case"),
        ("✗", "Nationality", "unlikely"),
        ("?", "Right to work", "unknown"),
        ("…", "Language", "eligible or unlikely"),
    ]
    assert "No route is named. Looked for: working holiday agreements. [" in " ".join(glance.split())
    text = mlis("check", "--rules-dir", str(directory), "-c", "xs", "--degree", "ala", "--details").stdout
    marks = re.findall(
        r"^  (✓ met|~ decided case by case|✗ not met|\? not known|… open) (\w[\w ]*\w) \(", text, re.MULTILINE
    )
    assert marks == [
        ("✓ met", "Recognised"),
        ("~ decided case by case", "Decided by the employer"),
        ("✗ not met", "Nationality"),
        ("? not known", "Right to work"),
        ("… open", "Language"),
    ]
    assert (
        "No route is named. Looked for: working holiday agreements. It rests on one weak source, from 2012."
        in " ".join(text.split())
    )
    document = json.loads(mlis("check", "--rules-dir", str(directory), "-c", "xs", "--json").stdout)
    assert [r["status"] for r in document["results"][0]["requirements"]] == [
        "met",
        "case_by_case",
        "not_met",
        "not_known",
        "open",
    ]


def on_a_terminal(*args: str, **environ: str) -> str:
    """What mlis writes to stdout when stdout is a terminal (no pager: that is tests/test_pager.py)."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "xterm", "MLIS_PAGER": "", **environ})
    main, child = pty.openpty()
    process = subprocess.Popen([MLIS, *args], stdout=child, stderr=subprocess.PIPE, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal is gone once mlis has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode()


def test_a_terminal_gets_color() -> None:
    assert ESCAPE.search(on_a_terminal(*CHECK))


@pytest.mark.parametrize(
    ("args", "environ"),
    [((), {"NO_COLOR": "1"}), (("--no-color",), {}), ((), {"TERM": "dumb"})],
)
def test_a_terminal_gets_no_color_when_told_not_to(args: tuple[str, ...], environ: dict[str, str]) -> None:
    text = on_a_terminal(*CHECK, *args, **environ)
    assert "\n  ✗ Degree recognised: ineligible\r\n" in text
    assert "\x1b" not in text
