"""Completion in real bash, zsh and fish, driven through a pseudo-terminal with mlis's
generated script loaded: what the shell inserts at Tab, and what it lists.

Each shell is started once for this module (see tests/shell_pty.py) and skipped,
with the reason, when it is not installed. Expected values come from the shipped
rules, so that new countries or degrees do not make the tests wrong.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlis_cli.commands.completers import rule_languages
from mlis_cli.model.vocabulary import Level
from mlis_cli.rulefiles import loader
from tests.conftest import RULES
from tests.shell_pty import Shell

SHELLS = ["bash", "zsh", "fish"]
RULESET = loader.load(RULES, "rules")
COUNTRIES = sorted(RULESET.countries)
DEGREES = list(RULESET.degrees)
LEVELS = [*(level.value for level in Level), "some"]


@pytest.fixture(scope="module", params=SHELLS)
def shell(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shell]:
    name = request.param
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed (.ci/run installs zsh and fish with apt-get)")
    if not (Path(os.sys.executable).parent / "mlis").exists():
        pytest.skip("the mlis command is not installed beside this Python")
    started = Shell(name, tmp_path_factory.mktemp(f"{name}-home"))
    yield started
    started.close()


def completed(typed: str, choices: list[str], *, space: bool = True) -> str:
    """The line a shell shows after Tab: the word completed as far as all matches agree,
    and a space after it when only one matches."""
    before, _, word = typed.rpartition(" ")
    done, comma, last = word.rpartition(",")
    matches = [choice for choice in choices if choice.startswith(last)]
    assert matches, f"nothing in the rules starts with {last!r}"
    common = os.path.commonprefix(matches)  # noqa: RUF071 - characters, not paths
    end = " " if len(matches) == 1 and space else ""
    return f"{before} {done}{comma}{common}{end}"


INSERTED = [
    ("mlis check --country f", lambda: completed("mlis check --country f", COUNTRIES)),
    ("mlis check -c f", lambda: completed("mlis check -c f", COUNTRIES)),
    ("mlis check --country fi,g", lambda: completed("mlis check --country fi,g", COUNTRIES)),
    ("mlis check --degree cil", lambda: "mlis check --degree cilip "),
    # a language code ends in a colon, with no space: the level is still to come
    ("mlis check --lang de", lambda: "mlis check --lang de:"),
    ("mlis check --lang de:s", lambda: "mlis check --lang de:some "),
    ("mlis check --lang de:n", lambda: "mlis check --lang de:n"),
    ("mlis check --sector i", lambda: "mlis check --sector international-school "),
    ("mlis show f", lambda: completed("mlis show f", COUNTRIES)),
    ("mlis degrees cil", lambda: "mlis degrees cilip "),
    ("mlis plan --country f", lambda: completed("mlis plan --country f", COUNTRIES)),
    ("mlis batch -c f", lambda: completed("mlis batch -c f", COUNTRIES)),
    # a topic of two words is one value: the shell escapes the space
    ("mlis certificates --topic arch", lambda: "mlis certificates --topic archival\\ studies "),
]


@pytest.mark.parametrize(("typed", "expected"), INSERTED, ids=[typed for typed, _ in INSERTED])
def test_tab_inserts_the_completed_value(shell: Shell, typed: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert "de" in rule_languages(RULESET) and not [
        code for code in rule_languages(RULESET) if code.startswith("de") and code != "de"
    ]
    line, _listed = shell.tab(typed)
    assert line == expected()


def listed(shell: Shell, typed: str) -> list[str]:
    """What the shell lists for an ambiguous word: bash at the second Tab, zsh at the
    first, fish in its pager (read with `complete -C`)."""
    if shell.name == "fish":
        return shell.candidates(typed)
    _line, shown = shell.tab(typed, tabs=2 if shell.name == "bash" else 1)
    values = []
    for row in shown.splitlines():
        value, described, _ = row.partition(" -- ")
        values += [value.strip()] if described else row.split()
    return values


def test_after_a_language_code_and_its_colon_the_levels_are_listed(shell: Shell) -> None:
    # bash lists and completes only what follows the colon, where it splits words
    prefix = "" if shell.name == "bash" else "de:"
    assert listed(shell, "mlis check --lang de:") == sorted(f"{prefix}{level}" for level in LEVELS)


def test_show_lists_every_country_code(shell: Shell) -> None:
    assert listed(shell, "mlis show ") == COUNTRIES


def test_degrees_lists_every_degree_code(shell: Shell) -> None:
    assert listed(shell, "mlis degrees ") == sorted(DEGREES)


def test_a_second_country_after_a_comma_lists_the_others(shell: Shell) -> None:
    assert listed(shell, "mlis check --country fi,") == [f"fi,{code}" for code in COUNTRIES if code != "fi"]


def test_the_sectors_are_listed(shell: Shell) -> None:
    assert listed(shell, "mlis check --sector ") == sorted(
        ["public", "academic", "school", "special", "corporate", "international-school"]
    )
