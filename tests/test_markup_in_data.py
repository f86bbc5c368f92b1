"""Rule text is never rich markup: a name like "Fin[/]land" prints as written, in every table and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import RULES

NAME = "Fin[/]land [bold]x[link=https://evil.example/]y"


@pytest.fixture
def rules(tmp_path: Path) -> str:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    finland = directory / "countries" / "fi.yaml"
    text = finland.read_text(encoding="utf-8")
    finland.write_text(text.replace("name: Finland\n", f'name: "{NAME}"\n', 1), encoding="utf-8")
    return str(directory)


@pytest.mark.parametrize(
    "args",
    [
        ("list-countries",),
        ("check", "--no-profile", "--degree", "ala", "-c", "fi,de"),
        ("check", "--no-profile", "--degree", "ala", "-c", "fi"),
        ("show", "fi"),
    ],
)
def test_a_name_that_looks_like_markup_prints_as_written(
    mlis, monkeypatch, rules: str, args: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    run = mlis(*args, "--rules-dir", rules)
    assert (run.exit_code, run.stderr) == (0, "")
    assert NAME in run.stdout
