"""The rules cache: used while the files are unchanged, never when stale, never trusted when corrupt."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from mlis_cli.rulefiles import cache as rules_cache
from mlis_cli.rulefiles.problems import RulesInvalid
from tests.conftest import RULES


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    return directory


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MLIS_CACHE_DIR", str(directory))
    return directory


def count_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time the rules are read from their files rather than the cache."""
    calls: list[Path] = []
    real = rules_cache._load_and_check

    def counting(directory: Path, shown: str):  # type: ignore[no-untyped-def]
        calls.append(directory)
        return real(directory, shown)

    monkeypatch.setattr(rules_cache, "_load_and_check", counting)
    return calls


def test_unchanged_rules_come_from_the_cache(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    first = rules_cache.load(rules, "rules")
    second = rules_cache.load(rules, "rules")
    assert (len(loads), second) == (1, first)
    assert [p.name.startswith("rules-") for p in cache.iterdir()] == [True]


def test_a_changed_rule_file_invalidates_the_cache(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    before = rules_cache.load(rules, "rules")
    finland = rules / "countries" / "fi.yaml"
    finland.write_text(finland.read_text(encoding="utf-8").replace("name: Finland", "name: Suomi-Finland"))
    after = rules_cache.load(rules, "rules")
    assert (len(loads), before.countries["fi"].name, after.countries["fi"].name) == (
        2,
        "Finland",
        "Suomi-Finland",
    )


def test_a_new_file_in_the_directory_invalidates_the_cache(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules_cache.load(rules, "rules")
    (rules / "countries" / "notes.txt").write_text("not a rule file\n")
    with pytest.raises(RulesInvalid) as raised:
        rules_cache.load(rules, "rules")
    assert str(raised.value.problems[0]).startswith("rules/countries/notes.txt:1:1: not a rule file")


def test_invalid_rules_are_never_cached(rules: Path, cache: Path) -> None:
    (rules / "degrees.yaml").write_text("degrees: [\n")
    for _ in range(2):
        with pytest.raises(RulesInvalid):
            rules_cache.load(rules, "rules")
    assert not cache.exists()


def test_a_corrupt_cache_is_ignored_and_rebuilt(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    expected = rules_cache.load(rules, "rules")
    (path,) = cache.iterdir()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + b"garbage")
    assert rules_cache.load(rules, "rules") == expected
    assert len(loads) == 2
    assert rules_cache.read(path, rules_cache.content_key(rules, "rules")) == expected


class Payload:
    """Not a rule class: a cache holding it must not be unpickled into it."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (shutil.rmtree, ("/nonexistent-mlis-test",))


def test_a_cache_holding_anything_but_rule_classes_is_refused(rules: Path, cache: Path) -> None:
    rules_cache.load(rules, "rules")
    (path,) = cache.iterdir()
    key = rules_cache.content_key(rules, "rules")
    path.write_bytes(b"mlis-rules-cache\n" + key.encode() + b"\n" + pickle.dumps(Payload()))
    assert rules_cache.read(path, key) is None


def test_a_cache_for_another_key_is_not_used(rules: Path, cache: Path) -> None:
    rules_cache.load(rules, "rules")
    (path,) = cache.iterdir()
    assert rules_cache.read(path, "0" * 64) is None


def test_the_cache_can_be_turned_off(rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLIS_CACHE_DIR", "off")
    loads = count_loads(monkeypatch)
    rules_cache.load(rules, "rules")
    rules_cache.load(rules, "rules")
    assert len(loads) == 2


def test_an_unwritable_cache_directory_only_costs_speed(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("MLIS_CACHE_DIR", str(blocker / "cache"))
    assert "fi" in rules_cache.load(rules, "rules").countries
