"""The package: version, module entry point, help for every command, rules inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import typer

from mlis_cli import __version__
from mlis_cli.cli import app
from tests.conftest import REPO


def test_version_prints_the_package_version(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("--version")
    assert (run.exit_code, run.stdout, run.stderr) == (0, f"mlis {__version__}\n", "")


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlis_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"mlis {__version__}\n", "")


def all_commands() -> list[tuple[str, ...]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
        for name, sub in getattr(command, "commands", {}).items():
            found.append((*path, name))
            walk(sub, (*path, name))

    walk(root, ())
    return found


@pytest.mark.parametrize("path", all_commands(), ids=" ".join)
def test_every_command_has_help_that_leads_with_examples(mlis, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*path, "--help")
    assert (run.exit_code, run.stderr) == (0, "")
    before_options = run.stdout.split("Options:")[0]
    assert "Example" in before_options, path


def test_rules_schema_is_the_json_schema_of_a_country_file(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "schema")
    schema = json.loads(run.stdout)
    assert (run.exit_code, schema["title"], schema["additionalProperties"]) == (0, "CountryFile", False)
    assert schema["required"] == ["code", "name", "group", "association", "reviewed", "requirements"]
    assert schema["$defs"]["Case"]["properties"]["verdict"] == {"$ref": "#/$defs/Verdict"}
    assert schema["$defs"]["Verdict"]["enum"] == [
        "eligible",
        "conditional",
        "case_by_case",
        "unknown",
        "unlikely",
        "ineligible",
    ]
    assert set(schema["$defs"]["Condition"]["properties"]) == {
        "degree",
        "citizenship",
        "only_citizenship",
        "age",
        "language",
        "sector",
        "stay",
        "graduated",
        "experience",
        "phd",
        "online",
        "all",
        "any",
        "not",
    }


def test_the_wheel_carries_the_rules_so_an_installed_mlis_finds_them(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("mlis-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"mlis_cli/rules/{p.relative_to(REPO / 'rules').as_posix()}" for p in (REPO / "rules").rglob("*.yaml")
    }
    assert shipped <= names
    assert "mlis_cli/rules/countries/fi.yaml" in names
    # the licence pyproject names travels with the wheel
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names), sorted(names)[-8:]


def test_the_licence_file_is_the_mit_licence_pyproject_names() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert project["license"] == "MIT"
    assert licence.splitlines()[:3] == ["MIT License", "", "Copyright (c) 2026 the mlis developers"]
