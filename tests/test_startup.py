"""Start-up pays only for what it shows: which modules a command line imports, in a fresh process.

Times are measured by benchmarks/startup.py; these tests check what is
imported, which does not depend on how busy the machine is.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest
import typer

from mlis_cli import cli

PROBE = """
import json, sys
from mlis_cli.__main__ import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:  # completion answers and exits
    code = done.code
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""

RULES_AND_HEAVY = ("mlis_cli.rulefiles", "mlis_cli.engine", "mlis_cli.commands", "pydantic", "rich", "yaml")


def imported(*args: str, env: dict[str, str] | None = None) -> tuple[str, set[str]]:
    """The output of `mlis ARGS` run in a new interpreter, and every module it imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stderr.rpartition("\nMODULES ")[2])
    return result.stdout, set(modules)


def of(modules: set[str], *packages: str) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in packages or name.startswith(packages))


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_version_and_help_import_no_command_rules_pydantic_or_rich(args: list[str]) -> None:
    output, modules = imported(*args)
    assert output.startswith("mlis 0.") if args == ["--version"] else "Commands" in output
    assert of(modules, *RULES_AND_HEAVY) == []


def test_completing_a_command_name_imports_no_command() -> None:
    tab = {"_MLIS_COMPLETE": "complete_bash", "COMP_WORDS": "mlis ch", "COMP_CWORD": "1"}
    output, modules = imported(env=tab)
    assert output.split() == ["check"]
    # The shells' completion protocol is not a command: it is what answers the Tab.
    protocol = {"mlis_cli.commands", "mlis_cli.commands.completion_shells"}
    loaded = of(modules, "mlis_cli.commands", "mlis_cli.rulefiles", "mlis_cli.engine", "rich", "yaml")
    assert [name for name in loaded if name not in protocol] == []


def command_lines() -> list[tuple[str, ...]]:
    """Every command, every group and every subcommand of a group, as typed after `mlis`."""
    lines: list[tuple[str, ...]] = [(name,) for name in cli.COMMANDS]
    for group, (module, attribute) in cli.GROUPS.items():
        lines.append((group,))
        for info in getattr(importlib.import_module(module), attribute).registered_commands:
            lines.append((group, info.name or typer.main.get_command_name(info.callback.__name__)))
    return lines


@pytest.mark.parametrize("line", command_lines(), ids=" ".join)
def test_a_commands_help_imports_that_command_and_no_rules(line: tuple[str, ...]) -> None:
    output, modules = imported(*line, "--help")
    assert output.startswith(f"Usage: mlis {' '.join(line)} [OPTIONS]")
    own, _attribute = {**cli.COMMANDS, **cli.GROUPS}[line[0]]
    assert own in modules
    others = {module for module, _attribute in (*cli.COMMANDS.values(), *cli.GROUPS.values())} - {own}
    assert others & modules == set()
    # no rule file is read: neither the loader, nor its YAML reader, nor the rules cache
    reading = ("mlis_cli.rulefiles.loader", "mlis_cli.rulefiles.cache", "mlis_cli.yaml_strict", "yaml")
    assert of(modules, *reading) == []
    # nor what answering would need: the public API, the engine, the report model, rich
    answering = ("mlis_cli.api", "mlis_cli.engine", "mlis_cli.model.report", "mlis_cli.rulefiles", "rich")
    assert of(modules, *answering) == []
    # nor the rule-set model, the person's facts or the catalogue the command body reads
    reading_facts = ("mlis_cli.model.ruleset", "mlis_cli.person", "mlis_cli.catalog")
    assert of(modules, *reading_facts) == []


def test_a_check_from_the_rules_cache_does_not_import_the_loader(tmp_path: pytest.TempPathFactory) -> None:
    env = {"MLIS_CACHE_DIR": str(tmp_path), "MLIS_TODAY": "2026-11-22"}
    imported("check", "--degree", "ala", "-c", "fi", "--format", "json", env=env)  # fills the cache
    output, modules = imported("check", "--degree", "ala", "-c", "fi", "--format", "json", env=env)
    assert json.loads(output)["results"][0]["country"] == "fi"
    assert "mlis_cli.rulefiles.cache" in modules
    assert of(modules, "mlis_cli.rulefiles.loader", "mlis_cli.rulefiles.schema", "mlis_cli.yaml_strict") == []


def test_the_short_help_shown_without_importing_is_each_commands_own() -> None:
    own = {}
    for name, (module, attribute) in cli.COMMANDS.items():
        own[name] = cli.first_sentence(getattr(importlib.import_module(module), attribute).__doc__)
    for name, (module, attribute) in cli.GROUPS.items():
        own[name] = cli.first_sentence(getattr(importlib.import_module(module), attribute).info.help)
    assert own == cli.SHORT_HELP


COLLECTIONS = """
import atexit, gc, json, sys
runs = []
gc.callbacks.append(lambda phase, info: runs.append(info["generation"]) if phase == "stop" else None)
atexit.register(lambda: sys.stderr.write("\\nGC " + json.dumps([runs, gc.get_freeze_count()]) + "\\n"))
sys.argv = ["mlis", *sys.argv[1:]]
from mlis_cli.__main__ import run
runs.clear()  # those while Python started and read the entry point, before run() sets the threshold
run()
"""


@pytest.mark.parametrize(
    "args",
    [("-c", "fi", "--format", "json"), ("-c", "fi"), ("--all",)],
    ids=["json", "text", "all"],
)
def test_a_check_runs_no_collection_and_leaves_what_it_made_to_the_exit(
    args: tuple[str, ...], tmp_path: pytest.TempPathFactory
) -> None:
    """Start-up keeps nearly every object it makes: the cyclic collector would sweep them for
    nothing, during the command and again as Python shuts down."""
    env = {**os.environ, "MLIS_CACHE_DIR": str(tmp_path), "MLIS_TODAY": "2026-11-22"}
    command = [sys.executable, "-c", COLLECTIONS, "check", "--degree", "ala", *args]
    subprocess.run(command, capture_output=True, env=env, check=True)  # fills the rules cache
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "Finland" in result.stdout
    runs, frozen = json.loads(result.stderr.rpartition("\nGC ")[2])
    assert runs == []
    assert frozen > 30_000  # Typer, pydantic and the rules, left for the process's end


def test_a_tab_press_also_leaves_what_it_made_to_the_exit() -> None:
    """Typer's completion ends the process from inside the command; the objects are frozen all the same."""
    tab = {"_MLIS_COMPLETE": "complete_bash", "COMP_WORDS": "mlis ch", "COMP_CWORD": "1"}
    result = subprocess.run(
        [sys.executable, "-c", COLLECTIONS],
        capture_output=True,
        text=True,
        env={**os.environ, **tab},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "check\n"
    runs, frozen = json.loads(result.stderr.rpartition("\nGC ")[2])
    assert runs == []
    assert frozen > 10_000
