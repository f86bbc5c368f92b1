"""Shared fixtures: a CLI runner that keeps stdout and stderr apart, a fixed evaluation date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from mlis_cli.__main__ import main
from tests import fuzzing

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# MLIS_FUZZ=deep runs the property tests with many more examples (see tests/fuzzing.py).
for _level in fuzzing.LEVELS:
    settings.register_profile(
        _level,
        max_examples=fuzzing.LEVELS[_level]["profiles"],
        deadline=None,
        # the autouse environment fixture is the same for every example
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
settings.load_profile(fuzzing.fuzz_level())


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def fixed_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MLIS_TODAY", "2026-11-22")
    monkeypatch.delenv("MLIS_RULES_DIR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    yield


@pytest.fixture
def mlis(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `mlis ARGS` in-process through the real entry point."""

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
