"""Lint, format and types run with the suite, so the one test command checks everything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True)


def test_ruff_finds_no_lint_problems() -> None:
    result = run("ruff", "check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_the_code_unchanged() -> None:
    result = run("ruff", "format", "--check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes_on_src() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_keep_the_layers_declared_in_pyproject() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_the_package_root_holds_at_most_eight_modules_and_no_rules_package() -> None:
    package = REPO / "src" / "mlis_cli"
    modules = sorted(path.name for path in package.glob("*.py"))
    assert len(modules) <= 8, modules
    assert not (package / "rules").exists()  # the data folder at the repo root has that name
