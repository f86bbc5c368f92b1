"""Characters nobody sees are shown escaped: in text output, in CSV and in messages on stderr.

An ESC in rule text could clear the screen or open a hidden link, a bidirectional
override reorders what follows it, and a Cyrillic letter passes for a Latin one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlis_cli.model.visible import look_alikes_shown, visible
from tests.conftest import RULES

NAME = "Fin\x1b[2J\u202eland\x00\u2066x\x7f\x9b"
SHOWN = "Fin\\x1b[2J\\u202eland\\x00\\u2066x\\x7f\\x9b"


@pytest.fixture
def rules(tmp_path: Path) -> str:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    finland = directory / "countries" / "fi.yaml"
    text = finland.read_text(encoding="utf-8")
    escaped_for_yaml = NAME.encode("unicode_escape").decode("ascii").replace("\\x1b", "\\e")
    finland.write_text(text.replace("name: Finland\n", f'name: "{escaped_for_yaml}"\n', 1), encoding="utf-8")
    return str(directory)


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize(
    "args",
    [
        ("check", "--no-profile", "--degree", "ala", "-c", "fi"),
        ("check", "--no-profile", "--degree", "ala", "-c", "fi,de"),
        ("show", "fi"),
    ],
)
def test_a_name_with_control_characters_prints_them_escaped(
    mlis, monkeypatch, rules: str, args: tuple[str, ...], color: bool
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    if color:
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", "1")
    run = mlis(*args, "--rules-dir", rules)
    assert (run.exit_code, run.stderr) == (0, "")
    assert SHOWN in run.stdout
    for char in "\x1b[2J", "\u202e", "\x00", "\u2066", "\x7f", "\x9b":
        assert char not in run.stdout
    assert ("\x1b[" in run.stdout) is color  # color itself is still written


def test_list_countries_shows_the_escape_not_the_sequence(mlis, rules: str) -> None:  # type: ignore[no-untyped-def]
    run = mlis("list-countries", "--rules-dir", rules)
    assert (run.exit_code, run.stderr) == (0, "")
    assert "Fin\\x1b[2J" in run.stdout and "\x1b" not in run.stdout


def test_a_look_alike_country_code_is_refused_and_shown_escaped(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--degree", "ala", "-c", "f\u0456")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: unknown country 'f\\u0456' "
        "(did you mean fi? 'mlis list-countries' shows every country with rules)\n"
    )


def test_an_escape_in_an_argument_is_shown_escaped(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--degree", "ala", "-c", "f\x1b[2Ji")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: unknown country 'f\\x1b[2Ji' ('mlis list-countries' shows every country with rules)\n"
    )


def test_a_bidi_override_in_a_profile_value_is_shown_escaped(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("profile", "set", "citizenship", "us\u202e")
    assert (run.exit_code, run.stdout) == (2, "")
    assert "\u202e" not in run.stderr and "us\\u202e" in run.stderr


def test_a_json_error_keeps_its_meaning_and_shows_no_hidden_character(mlis) -> None:  # type: ignore[no-untyped-def]
    import json

    run = mlis("check", "--no-profile", "--degree", "ala", "-c", "f\u202ei", "--json")
    assert run.exit_code == 2
    assert "\u202e" not in run.stderr and "\\u202e" in run.stderr
    assert json.loads(run.stderr)["error"]["message"] == "unknown country 'f\u202ei'"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words, é and 日本", "plain words, é and 日本"),
        ("a\tb\nc", "a\tb\nc"),
        ("\x00\x1f\x7f\x80\x9f", "\\x00\\x1f\\x7f\\x80\\x9f"),
        ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        ("zero\u200bwidth\ufeff\u2028\U000e0041", "zero\\u200bwidth\\ufeff\\u2028\\U000e0041"),
        ("no\u00a0break", "no\u00a0break"),
    ],
)
def test_visible_escapes_exactly_the_hidden_characters(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_on_one_line_newline_and_tab_are_escaped_too() -> None:
    assert visible("a\tb\nc", allowed="") == "a\\x09b\\x0ac"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("'f\u0456'", "'f\\u0456'"),
        ("unknown country '\u0440\u0443' for Österreich", "unknown country '\u0440\u0443' for Österreich"),
        ("Fin\u0430nd", "Fin\\u0430nd"),
    ],
)
def test_only_words_that_mix_scripts_have_their_other_letters_escaped(text: str, shown: str) -> None:
    assert look_alikes_shown(text) == shown
