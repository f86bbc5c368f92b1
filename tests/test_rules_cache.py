"""The rules cache: used while the files are unchanged, never when stale, never trusted when corrupt."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import random
import secrets
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mlis_cli.model.ruleset import RuleSet
from mlis_cli.rulefiles import cache as rules_cache
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.problems import RulesInvalid
from tests import fuzzing
from tests.conftest import RULES

REAL_SECRET = rules_cache.secret


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    return directory


@pytest.fixture
def real_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key as mlis keeps it, in the test's config directory (conftest shares one otherwise)."""
    monkeypatch.setattr(rules_cache, "secret", REAL_SECRET)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MLIS_CACHE_DIR", str(directory))
    return directory


def signing_key() -> bytes:
    key = rules_cache.secret()
    assert key is not None
    return key


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
    assert list(cache.iterdir()) == []


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
    assert rules_cache.read(path, rules_cache.content_key(rules), "rules", signing_key()) == expected


class Payload:
    """Not a rule class: a cache holding it must not be unpickled into it."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (shutil.rmtree, ("/nonexistent-mlis-test",))


def test_a_cache_holding_anything_but_rule_classes_is_refused(rules: Path, cache: Path) -> None:
    rules_cache.load(rules, "rules")
    (path,) = cache.iterdir()
    key = rules_cache.content_key(rules)
    content = key.encode() + b"\n" + pickle.dumps(("rules", Payload()))
    signature = hmac.new(signing_key(), content, hashlib.sha256).hexdigest().encode()
    path.write_bytes(b"mlis-rules-cache 4\n" + signature + b"\n" + content)
    assert rules_cache.read(path, key, "rules", signing_key()) is None


def test_a_cache_for_another_key_is_not_used(rules: Path, cache: Path) -> None:
    rules_cache.load(rules, "rules")
    (path,) = cache.iterdir()
    assert rules_cache.read(path, "0" * 64, "rules", signing_key()) is None


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


# --- The cache can only make mlis faster, never different (hostile rules directories) ---


def run_mlis(*args: str, cwd: Path | None = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """mlis in a process of its own, so that a hang fails the test instead of stopping the run."""
    return subprocess.run(
        [sys.executable, "-m", "mlis_cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=os.environ.copy(),
        check=False,
    )


def check(rules: Path) -> subprocess.CompletedProcess[str]:
    return run_mlis("check", "--rules-dir", str(rules), "--degree", "ala", "-c", "fi")


def test_a_pipe_named_like_a_rule_file_is_refused_not_waited_for(rules: Path, cache: Path) -> None:
    os.mkfifo(rules / "countries" / "zz.yaml")
    result = check(rules)
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr.startswith(
        f"mlis: error: rule data is invalid: {rules}/countries/zz.yaml:0:0: not a regular file"
    )


def test_a_link_to_an_endless_device_is_refused_not_read(rules: Path, cache: Path) -> None:
    (rules / "countries" / "zz.yaml").symlink_to("/dev/zero")
    result = check(rules)
    assert (result.returncode, result.stdout) == (3, "")
    assert "countries/zz.yaml:1:1: symbolic link points outside the rules directory" in result.stderr


def test_a_huge_sparse_file_is_measured_not_read(rules: Path, cache: Path) -> None:
    with (rules / "countries" / "zz.yaml").open("wb") as huge:
        huge.truncate(1_500_000_000)
    result = check(rules)
    assert (result.returncode, result.stdout) == (3, "")
    assert "countries/zz.yaml:1:1: file is 1,500,000,000 bytes" in result.stderr


def test_a_directory_of_devices_as_the_rules_directory_is_refused(cache: Path) -> None:
    result = run_mlis("check", "--rules-dir", "/dev", "--degree", "ala", "-c", "fi")
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr.startswith("mlis: error: rule data is invalid: /dev/")


def test_a_new_directory_named_like_a_rule_file_misses_the_cache(rules: Path, cache: Path) -> None:
    assert check(rules).returncode == 0
    (rules / "countries" / "zz.yaml").mkdir()
    result = check(rules)
    assert (result.returncode, result.stdout) == (3, "")
    assert f"{rules}/countries/zz.yaml:0:0: is a directory; expected a YAML file" in result.stderr


def test_a_rule_file_swapped_for_a_link_out_of_the_directory_misses_the_cache(
    rules: Path, cache: Path, tmp_path: Path
) -> None:
    assert check(rules).returncode == 0
    finland = rules / "countries" / "fi.yaml"
    outside = tmp_path / "fi.yaml"
    shutil.copy2(finland, outside)
    finland.unlink()
    finland.symlink_to(outside)
    result = check(rules)
    assert (result.returncode, result.stdout) == (3, "")
    assert "countries/fi.yaml:1:1: symbolic link points outside the rules directory" in result.stderr


def test_rules_modified_within_the_last_moments_are_not_cached(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    monkeypatch.setattr(rules_cache, "SETTLED_NS", 600 * 10**9)  # however slow this machine is
    finland = rules / "countries" / "fi.yaml"
    finland.write_bytes(finland.read_bytes())
    rules_cache.load(rules, "rules")
    rules_cache.load(rules, "rules")
    assert len(loads) == 2
    # every file settled (the copy keeps the times of the shipped files, which may be recent)
    earlier = finland.stat().st_mtime_ns - rules_cache.SETTLED_NS - 1
    for path in rules.rglob("*"):
        os.utime(path, ns=(earlier, earlier))
    rules_cache.load(rules, "rules")
    rules_cache.load(rules, "rules")
    assert len(loads) == 3


def test_a_relative_rules_directory_hits_the_same_entry_from_any_working_directory(
    rules: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    monkeypatch.chdir(tmp_path)
    first = rules_cache.load(Path("rules"), "rules")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    second = rules_cache.load(Path("../rules"), "../rules")
    assert len(loads) == 1
    assert len(list(cache.glob("rules-*.pickle"))) == 1
    # messages name the country files as this run names the directory
    assert (first.countries["fi"].file, second.countries["fi"].file) == (
        "rules/countries/fi.yaml",
        "../rules/countries/fi.yaml",
    )
    assert second == loader.load(Path("../rules"), "../rules")


# --- The cache is trusted only when this user wrote it ---


def plant(path: Path, key: str, ruleset: RuleSet, signing_key: bytes) -> None:
    """A cache file as someone without this user's key would write it."""
    content = key.encode() + b"\n" + pickle.dumps(("rules", ruleset))
    signature = hmac.new(signing_key, content, hashlib.sha256).hexdigest().encode()
    path.write_bytes(b"mlis-rules-cache 4\n" + signature + b"\n" + content)


def planted_finland(rules: Path) -> RuleSet:
    ruleset = loader.load(rules, "rules")
    finland = ruleset.countries["fi"]._replace(name="Finland [link=http://evil/]planted[/link]")
    return ruleset._replace(countries={**ruleset.countries, "fi": finland})


def test_a_planted_rule_set_is_not_served(rules: Path, cache: Path, mlis) -> None:  # type: ignore[no-untyped-def]
    arguments = ("check", "--rules-dir", str(rules), "--degree", "none", "-c", "fi", "--format", "json")
    truth = mlis(*arguments)
    (path,) = cache.glob("rules-*.pickle")
    plant(path, rules_cache.content_key(rules), planted_finland(rules), secrets.token_bytes(32))
    answer = mlis(*arguments)
    assert (answer.exit_code, answer.stdout) == (truth.exit_code, truth.stdout)
    assert json.loads(answer.stdout)["results"][0]["name"] == "Finland"
    # and the cache was rebuilt from the files, with this user's key
    assert rules_cache.read(path, rules_cache.content_key(rules), "rules", signing_key()) is not None


def test_a_cache_tampered_after_signing_is_not_served(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = count_loads(monkeypatch)
    truth = rules_cache.load(rules, "rules")
    (path,) = cache.glob("rules-*.pickle")
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Finland", b"Fanland"))
    assert rules_cache.load(rules, "rules") == truth
    assert len(loads) == 2


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_cache_directory_others_can_write_is_not_used(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    cache.mkdir()
    cache.chmod(mode)
    loads = count_loads(monkeypatch)
    rules_cache.load(rules, "rules")
    rules_cache.load(rules, "rules")
    assert (len(loads), list(cache.iterdir())) == (2, [])


def test_a_key_others_can_read_is_not_used(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, real_secret: None
) -> None:
    assert rules_cache.secret() is not None
    key = Path(os.environ["MLIS_CONFIG_DIR"]) / rules_cache.SECRET_FILE
    key.chmod(0o644)
    loads = count_loads(monkeypatch)
    rules_cache.load(rules, "rules")
    rules_cache.load(rules, "rules")
    assert (len(loads), list(cache.iterdir())) == (2, [])


def test_the_key_is_created_once_readable_by_the_user_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, real_secret: None
) -> None:
    config = tmp_path / "fresh-config"
    monkeypatch.setenv("MLIS_CONFIG_DIR", str(config))
    first = rules_cache.secret()
    assert first is not None and len(first) == 32
    assert rules_cache.secret() == first
    assert stat.S_IMODE((config / rules_cache.SECRET_FILE).stat().st_mode) == 0o600
    assert [child.name for child in config.iterdir()] == [rules_cache.SECRET_FILE]


@pytest.mark.parametrize("planted", ["pipe", "/dev/zero", "/dev/urandom", "huge"])
def test_something_planted_at_the_cache_path_is_ignored_promptly(
    rules: Path, cache: Path, planted: str
) -> None:
    cache.mkdir(mode=0o700)
    path = rules_cache.cache_file(rules, cache)
    if planted == "pipe":
        os.mkfifo(path)
    elif planted == "huge":
        with path.open("wb") as huge:
            huge.truncate(rules_cache.MAX_CACHE_BYTES + 1)
    else:
        path.symlink_to(planted)
    for _ in range(2):
        result = check(rules)
        assert (result.returncode, result.stderr) == (0, "")
        assert "Finland" in result.stdout


def test_old_cache_files_are_pruned(tmp_path: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    paths = [
        rules_cache.cache_file(tmp_path / f"rules{number}", cache) for number in range(rules_cache.KEEP + 3)
    ]
    for age, path in enumerate(reversed(paths)):
        path.write_bytes(b"an old cache")
        os.utime(path, ns=(1_700_000_000_000_000_000 - age, 1_700_000_000_000_000_000 - age))
    rules_cache.write(paths[-1], "key", "rules", loader.load(RULES, "rules"), signing_key())
    assert sorted(cache.iterdir()) == sorted(paths[-rules_cache.KEEP :])


# --- Seeded hostile rules directories, with the cache on ---


@pytest.mark.parametrize("seed", range(fuzzing.count("mutations") // 50))
def test_hostile_rules_directories_are_refused_promptly_with_the_cache_on(
    seed: int, tmp_path: Path, cache: Path
) -> None:
    rng = random.Random(seed)
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    outside = tmp_path / "outside"
    outside.mkdir()
    assert check(rules).returncode == 0  # a cache entry for the clean directory
    done = fuzzing.hostile_directory(rng, rules, outside)
    first, second = check(rules), check(rules)
    assert (first.returncode, first.stdout) == (3, ""), done
    assert first.stderr.startswith("mlis: error: rule data is invalid: "), done
    assert (second.returncode, second.stderr) == (3, first.stderr), done
