"""The README's Scripting examples run as written and print what the README says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def scripting_section(readme: str) -> str:
    start = readme.index("\n## Scripting\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def examples(section: str) -> list[tuple[str, list[str]]]:
    """(command, expected stdout lines) for every `$ ` line of the ```console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"^```console\n(.*?)^```$", section, re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


def pattern(expected: list[str]) -> re.Pattern[str]:
    """Expected lines as a regular expression; a line '...' stands for any lines."""
    parts = [r"(?:.*\n)*" if line == "..." else re.escape(line) + r"\n" for line in expected]
    return re.compile("".join(parts))


EXAMPLES = examples(scripting_section((REPO / "README.md").read_text(encoding="utf-8")))


def test_the_scripting_section_has_examples_for_every_part_of_the_contract() -> None:
    commands = " ".join(command for command, _ in EXAMPLES)
    for needle in ("--format json", "--format csv", "--format jsonl", "--profile -", "--fail-on", "batch"):
        assert needle in commands
    assert len(EXAMPLES) >= 10


@pytest.mark.skipif(shutil.which("jq") is None, reason="the README's examples use jq")
def test_every_scripting_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for command, expected in EXAMPLES:
        run = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert (run.returncode, run.stderr) == (0, ""), command
        assert pattern(expected).fullmatch(run.stdout), f"{command}\n--- printed:\n{run.stdout}"
