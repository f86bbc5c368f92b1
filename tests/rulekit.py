"""Building small rule directories in tests, from YAML text."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from mlis_cli.model.ruleset import RuleSet
from mlis_cli.rulefiles import loader
from tests.conftest import RULES


def rules_dir(tmp_path: Path, countries: dict[str, str]) -> Path:
    """A rules directory with the shipped registries and the given country files."""
    directory = tmp_path / "rules"
    (directory / "countries").mkdir(parents=True)
    for name in ("sources.yaml", "degrees.yaml", "groups.yaml"):
        shutil.copy(RULES / name, directory / name)
    for code, text in countries.items():
        (directory / "countries" / f"{code}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


def ruleset(tmp_path: Path, countries: dict[str, str]) -> RuleSet:
    return loader.load(rules_dir(tmp_path, countries), "rules")


def country(code: str, requirements: str, *, reviewed: str = "2026-11-22") -> str:
    """A country file around requirements given as YAML (indented by two spaces)."""
    return (
        f"code: {code}\nname: Testland {code}\ngroup: more-hoops\n"
        f"association: Test association\nreviewed: {reviewed}\nrequirements:\n"
        + textwrap.indent(textwrap.dedent(requirements), "  ")
    )
