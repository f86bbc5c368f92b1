"""`mlis rules schema` describes the country files: every shipped one passes it, broken ones fail it.

Editors read YAML as YAML 1.2 does, where 2026-12-01 is a string and `no` is text; the
files are loaded the same way here (PyYAML would make a date and a false of them).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

jsonschema = pytest.importorskip("jsonschema", reason="the jsonschema package is in the test extra")

COUNTRIES = sorted((REPO / "rules" / "countries").glob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's schema validator reads it: dates stay strings."""


EditorLoader.yaml_implicit_resolvers = {
    first: [
        resolver
        for resolver in resolvers
        if resolver[0] not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 booleans, as mlis reads them: only true and false, so Norway's `no` is text.
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def schema_problems(mlis, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    run = mlis("rules", "schema")
    assert run.exit_code == 0
    validator = jsonschema.Draft202012Validator(json.loads(run.stdout))
    data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    return [
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)
    ]


def test_there_are_shipped_country_files() -> None:
    assert len(COUNTRIES) >= 12


@pytest.mark.parametrize("path", COUNTRIES, ids=lambda path: path.stem)
def test_every_shipped_country_file_passes_the_schema(mlis, path: Path) -> None:  # type: ignore[no-untyped-def]
    assert schema_problems(mlis, path) == []


def copy_with(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    """A copy of the shipped rules with one change to fi.yaml: the rules and the changed file."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    path = rules / "countries" / "fi.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return rules, path


def test_one_value_where_a_list_may_stand_passes_the_schema_as_the_loader_reads_it(
    mlis, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rules, path = copy_with(
        tmp_path, "- when: {degree: [unaccredited]}", "- when: {degree: unaccredited, stay: short}"
    )
    assert schema_problems(mlis, path) == []
    run = mlis("rules", "validate", str(rules))
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", f"{rules}: no problems\n")


@pytest.mark.parametrize(
    ("old", "new", "schema_says"),
    [
        ("\nname: ", "\nnmae: ", "Additional properties are not allowed ('nmae' was unexpected)"),
        ("- when: {degree: [unaccredited]}", "- when: {degree: [unaccredited], stay: brief}", "is not valid"),
    ],
)
def test_a_broken_copy_fails_the_schema_where_rules_validate_fails(  # type: ignore[no-untyped-def]
    mlis, tmp_path: Path, old: str, new: str, schema_says: str
) -> None:
    rules, path = copy_with(tmp_path, old, new)
    assert any(schema_says in problem for problem in schema_problems(mlis, path)), schema_problems(mlis, path)
    run = mlis("rules", "validate", str(rules))
    assert run.exit_code == 1
    assert "countries/fi.yaml:" in run.stdout
