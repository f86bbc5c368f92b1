"""Shared fixtures: a CLI runner that keeps stdout and stderr apart, a fixed evaluation date."""

from __future__ import annotations

import secrets
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from mlis_cli.__main__ import main
from mlis_cli.rulefiles import cache as rules_cache
from tests import fuzzing

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    # The suite was started in the background (`command &`), which ignores Ctrl-C, and every
    # process the tests start would inherit that; the tests of Ctrl-C need it as a terminal has it.
    signal.signal(signal.SIGINT, signal.default_int_handler)

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


@pytest.fixture(scope="session")
def rules_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One rules cache for the whole run, never the user's own."""
    return tmp_path_factory.mktemp("rules-cache")


@pytest.fixture(scope="session")
def rules_cache_secret() -> bytes:
    """The key the rules cache is signed with: one for the run, as one user has one."""
    return secrets.token_bytes(32)


@pytest.fixture(autouse=True)
def fixed_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rules_cache_dir: Path, rules_cache_secret: bytes
) -> Iterator[None]:
    # Never the real user's saved profile: each test has an empty config directory of its own.
    monkeypatch.setenv("MLIS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MLIS_CACHE_DIR", str(rules_cache_dir))
    # The cache's key would live in that config directory, new for each test, so the shared
    # cache would never be used in-process; tests of the key itself use rules_cache.secret.
    monkeypatch.setattr(rules_cache, "secret", lambda: rules_cache_secret)
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
