"""The README's section for people who maintain the rules: its examples print what it shows."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_readme_scripting import BIN, examples, pattern


def maintainers_section(readme: str) -> str:
    start = readme.index("\n## For people who maintain the rules\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


EXAMPLES = examples(maintainers_section((REPO / "README.md").read_text(encoding="utf-8")))


def test_the_section_shows_every_maintainer_command() -> None:
    commands = " ".join(command for command, _ in EXAMPLES)
    for needle in ("rules coverage", "--fail-under", "sources --audit", "--format bibtex"):
        assert needle in commands


@pytest.mark.skipif(shutil.which("jq") is None, reason="the README's examples use jq")
def test_every_maintainer_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "MLIS_TODAY": "2026-12-01"}
    env.pop("MLIS_RULES_DIR", None)
    for command, expected in EXAMPLES:
        run = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert (run.returncode, run.stderr) == (0, ""), command
        assert pattern(expected).fullmatch(run.stdout), f"{command}\n--- printed:\n{run.stdout}"


def test_the_diff_example_is_the_tested_output() -> None:
    """The README's rules diff example is the start of the output tests/test_rules_diff.py checks."""
    section = maintainers_section((REPO / "README.md").read_text(encoding="utf-8"))
    shown = section.split("$ mlis rules diff ./rules ./rules-new\n", 1)[1].split("\n...\n", 1)[0]
    tested = (REPO / "tests" / "fixtures" / "rules-diff-nz.txt").read_text(encoding="utf-8")
    assert tested.startswith(shown + "\n")
