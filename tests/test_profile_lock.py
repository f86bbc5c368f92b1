"""Two `mlis profile set` at once lose nothing: each holds the profile's lock from read to write."""

from __future__ import annotations

import io
import os
import random
import sys
import threading
from pathlib import Path

import pytest
import yaml

from mlis_cli.errors import UsageError
from mlis_cli.person import saved_profile
from tests import fuzzing

ROUNDS = 20
SEED = 17


def test_concurrent_profile_set_of_different_facts_keeps_every_fact(tmp_path: Path) -> None:
    environment = {**os.environ, "MLIS_CACHE_DIR": str(tmp_path / "cache")}
    rng = random.Random(SEED)
    lost = [fuzzing.concurrent_profile_sets(rng, tmp_path / "config", environment) for _ in range(ROUNDS)]
    assert [facts for facts in lost if facts] == []


def test_a_lock_held_too_long_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with saved_profile.locked(path):
            holding.set()
            release.wait(10)

    # flock locks belong to an open file description, so a second open in one process contends too.
    holder = threading.Thread(target=hold)
    holder.start()
    try:
        holding.wait(10)
        with pytest.raises(UsageError) as refused, saved_profile.locked(path, wait=0.1):
            pass
    finally:
        release.set()
        holder.join()
    assert (refused.value.message, refused.value.hint) == (
        f"saved profile {path} is being changed by another mlis (locked for over 0.1 s)",
        f"try again; if no other mlis runs, remove {path}.lock",
    )
    with saved_profile.locked(path, wait=0.1):  # released: free again
        pass


class AnotherWriterMeanwhile(io.StringIO):
    """Standard input whose first answer arrives after another mlis saved a fact."""

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text)
        self.path = path
        self.first = True

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if self.first:
            self.first = False
            saved_profile.write(self.path, {"degree": "ala", "sector": "academic"})
        return super().readline(size)


def test_init_keeps_a_fact_saved_while_the_questions_were_asked(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"
    saved_profile.write(path, {"degree": "ala"})
    monkeypatch.setattr(sys, "stdin", AnotherWriterMeanwhile("cilip\n" + "\n" * 9, path))
    run = mlis("profile", "init")
    assert run.exit_code == 0, run.stderr
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"degree": "cilip", "sector": "academic"}


def held(path: Path) -> bool:
    """Whether someone holds the profile's lock (a second open contends, even in one process)."""
    try:
        with saved_profile.locked(path, wait=0):
            return False
    except UsageError:
        return True


def test_profile_set_reads_and_writes_under_the_lock(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, bool]] = []
    read, write = saved_profile.read_facts, saved_profile.write

    def reading(path: Path):  # type: ignore[no-untyped-def]
        seen.append(("read", held(path)))
        return read(path)

    def writing(path: Path, facts: dict[str, object]) -> None:
        seen.append(("write", held(path)))
        write(path, facts)

    monkeypatch.setattr(saved_profile, "read_facts", reading)
    monkeypatch.setattr(saved_profile, "write", writing)
    run = mlis("profile", "set", "age", "30")
    assert run.exit_code == 0, run.stderr
    assert seen == [("read", True), ("write", True)]
