"""Shell completion: the entry point a shell calls at Tab, with values from the rule data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlis_cli.__main__ import main
from mlis_cli.commands.shared import load_rules
from mlis_cli.model.iso3166 import NAMES
from mlis_cli.rulefiles import loader
from tests.conftest import RULES

LANGUAGE_REQUIREMENT = """\
  - id: language
    kind: language
    title: A working language
    cases:
      - when: {any: [{language: {fi: B1}}, {not: {language: {sv: B1}}}]}
        verdict: eligible
        reason: Fixture for completion tests.
        sources: [places-youll-go]
      - otherwise: true
        verdict: unlikely
        reason: Fixture for completion tests.
        sources: [places-youll-go]
tests:
"""


def bash_completion(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *words: str
) -> tuple[int, list[str], str]:
    """What bash gets at Tab after `words` (the last is the word being completed), in-process."""
    monkeypatch.setenv("_MLIS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", " ".join(words))
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    with pytest.raises(SystemExit) as exit:
        main([])
    captured = capsys.readouterr()
    # An empty answer is one empty line.
    return int(exit.value.code or 0), [line for line in captured.out.splitlines() if line], captured.err


def test_the_completion_entry_point_offers_fi_for_country_f() -> None:
    environment = {
        **os.environ,
        "_MLIS_COMPLETE": "complete_bash",
        "COMP_WORDS": "mlis check --country f",
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mlis_cli"], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    offered = result.stdout.splitlines()
    assert "fi" in offered
    assert offered == sorted(code for code in load_rules(None).countries if code.startswith("f"))
    assert result.stderr == ""


def test_a_country_after_a_comma_completes_the_last_item_and_skips_those_given(monkeypatch, capsys) -> None:
    code, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--country", "fi,f")
    assert code == 0
    assert "fi,fi" not in offered
    assert offered == [
        f"fi,{c}" for c in sorted(load_rules(None).countries) if c.startswith("f") and c != "fi"
    ]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--citizenship", "us,u")
    assert offered == [f"us,{c}" for c in sorted(NAMES) if c.startswith("u") and c != "us"]
    assert "us,ua" in offered


def test_degree_codes_come_from_the_rules(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--degree", "")
    assert offered == list(load_rules(None).degrees)
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--degree", "al")
    assert offered == ["ala", "alia"]


def test_sectors_and_stays_complete(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--sector", "")
    assert offered == ["public", "academic", "school", "special", "corporate", "international-school"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--stay", "s")
    assert offered == ["short"]


def test_citizenships_complete_from_every_country_code(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--citizenship", "c")
    assert offered == sorted(code for code in NAMES if code.startswith("c"))
    assert "ca" in offered


@pytest.fixture
def rules_with_languages(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    finland = directory / "countries" / "fi.yaml"
    text = finland.read_text(encoding="utf-8")
    finland.write_text(text.replace("tests:\n", LANGUAGE_REQUIREMENT, 1), encoding="utf-8")
    return directory


def test_language_codes_are_the_ones_the_rules_ask_about(
    monkeypatch, capsys, rules_with_languages: Path
) -> None:
    _, offered, err = bash_completion(
        monkeypatch, capsys, "mlis", "check", "--rules-dir", str(rules_with_languages), "--lang", ""
    )
    shipped = {
        fact.partition(":")[2]
        for country in loader.load(RULES, "rules").countries.values()
        for requirement in country.requirements
        for fact in requirement.facts
        if fact.startswith("language:")
    }
    assert (offered, err) == ([f"{code}:" for code in sorted(shipped | {"fi", "sv"})], "")


def test_a_language_code_with_its_colon_completes_the_levels(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--lang", "de:")
    assert offered == [
        "de:none",
        "de:A1",
        "de:A2",
        "de:B1",
        "de:B2",
        "de:C1",
        "de:C2",
        "de:native",
        "de:some",
    ]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--lang", "de:B")
    assert offered == ["de:B1", "de:B2"]


def test_completion_reads_the_rules_dir_from_the_environment(
    monkeypatch, capsys, rules_with_languages: Path
) -> None:
    monkeypatch.setenv("MLIS_RULES_DIR", str(rules_with_languages))
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "check", "--lang", "s")
    assert offered == ["sv:"]


@pytest.mark.parametrize("option", ["--country", "--degree", "--lang"])
def test_unreadable_rules_offer_nothing_and_print_no_error(
    monkeypatch, capsys, tmp_path: Path, option: str
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(RULES, broken)
    (broken / "degrees.yaml").write_text("degrees: [\n", encoding="utf-8")
    code, offered, err = bash_completion(
        monkeypatch, capsys, "mlis", "check", "--rules-dir", str(broken), option, ""
    )
    assert (code, offered, err) == (0, [], "")
    code, offered, err = bash_completion(
        monkeypatch, capsys, "mlis", "check", "--rules-dir", str(tmp_path / "missing"), option, ""
    )
    assert (code, offered, err) == (0, [], "")


def test_profile_set_completes_fact_names_then_values_for_that_fact(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "set", "")
    assert offered == [
        "degree",
        "citizenship",
        "age",
        "lang",
        "sector",
        "stay",
        "graduated",
        "experience",
        "phd",
        "online",
    ]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "set", "degree", "c")
    assert offered == ["cilip"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "set", "sector", "p")
    assert offered == ["public"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "set", "phd", "")
    assert offered == ["yes", "no"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "set", "age", "")
    assert offered == []


def test_profile_init_options_complete_like_check(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "profile", "init", "--degree", "un")
    assert offered == ["unaccredited"]


def test_commands_complete(monkeypatch, capsys) -> None:
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "pro")
    assert offered == ["profile"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_for_each_shell_calls_back_into_mlis(monkeypatch, capsys, shell: str) -> None:
    monkeypatch.setenv("_MLIS_COMPLETE", f"source_{shell}")
    with pytest.raises(SystemExit) as exit:
        main([])
    assert exit.value.code == 0
    script = capsys.readouterr().out
    assert f"_MLIS_COMPLETE=complete_{shell}" in script


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_with_the_script_loaded_completes_fi_for_country_f() -> None:
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "mlis").exists():
        pytest.skip("the mlis command is not installed beside this Python")
    script = (
        'eval "$(_MLIS_COMPLETE=source_bash mlis)"\n'
        "COMP_WORDS=(mlis check --country f); COMP_CWORD=3\n"
        'COMP_LINE="mlis check --country f"; COMP_POINT=${#COMP_LINE}\n'
        "_mlis_completion mlis f --country\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fi" in result.stdout.splitlines()


def bash_line_completion(monkeypatch, capsys, line: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What mlis answers the bash script with, for a command line as bash hands it over."""
    monkeypatch.setenv("_MLIS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))
    monkeypatch.setenv("COMP_WORDBREAKS", " \t\n\"'><=;|&(:")  # bash's default
    with pytest.raises(SystemExit):
        main([])
    return capsys.readouterr().out.splitlines()


def test_bash_gets_back_only_what_follows_its_last_word_break(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    # bash replaces only the text after the colon, so "de:" must not be given back again
    assert bash_line_completion(monkeypatch, capsys, "mlis check --lang de:B") == ["B1", "B2"]
    assert bash_line_completion(monkeypatch, capsys, "mlis check --lang fi:C1,de:n") == ["none", "native"]
    assert bash_line_completion(monkeypatch, capsys, "mlis check --country=f") == sorted(
        code for code in load_rules(None).countries if code.startswith("f")
    )


def test_a_topic_of_two_words_comes_back_with_its_space_escaped(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    assert bash_line_completion(monkeypatch, capsys, "mlis certificates --topic data\\ s") == [
        "data\\ science"
    ]
    assert bash_line_completion(monkeypatch, capsys, "mlis certificates --topic rare") == ["rare\\ books"]
