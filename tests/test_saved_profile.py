"""The saved-profile store: where it lives, atomic writes, and clear messages for a bad file."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from pathlib import Path

import pytest

from mlis_cli.errors import UsageError
from mlis_cli.person import saved_profile

DEGREES = ("ala", "cilip", "none")
TODAY = dt.date(2026, 11, 22)
FACTS = {"degree": "ala", "citizenship": ["us"], "age": 29, "languages": {"de": "B2"}}
FACTS_TEXT = (
    "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
    "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
    "degree: ala\n"
    "citizenship:\n"
    "- us\n"
    "age: 29\n"
    "languages:\n"
    "  de: B2\n"
)
FIX_HINT = (
    "fix it with 'mlis profile set FACT VALUE' or in an editor, start again with "
    "'mlis profile init', or ignore it with --no-profile"
)


def test_mlis_config_dir_decides_where_the_profile_lives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLIS_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert saved_profile.profile_path() == tmp_path / "elsewhere" / "profile.yaml"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CONFIG_HOME is how Linux names the config directory")
def test_without_mlis_config_dir_the_profile_lives_in_the_users_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MLIS_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert saved_profile.profile_path() == tmp_path / "xdg" / "mlis" / "profile.yaml"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CONFIG_HOME is how Linux names the config directory")
def test_an_empty_mlis_config_dir_counts_as_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLIS_CONFIG_DIR", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert saved_profile.config_dir() == tmp_path / "xdg" / "mlis"


def test_a_written_profile_is_a_commented_yaml_file_that_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "profile.yaml"
    saved_profile.write(path, FACTS)
    assert path.read_text(encoding="utf-8") == FACTS_TEXT
    loaded = saved_profile.load(path, DEGREES, TODAY)
    assert loaded is not None
    assert loaded.facts == FACTS


def test_norway_is_written_so_that_yaml_does_not_read_it_as_false(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    saved_profile.write(path, {"citizenship": ["no"]})
    loaded = saved_profile.load(path, DEGREES, TODAY)
    assert loaded is not None
    assert loaded.facts == {"citizenship": ["no"]}


def test_no_file_means_no_saved_profile(tmp_path: Path) -> None:
    assert saved_profile.load(tmp_path / "profile.yaml", DEGREES, TODAY) is None


def test_the_file_is_written_beside_the_profile_then_renamed_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "profile.yaml"
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def recording_replace(source: str, target: Path) -> None:
        renames.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", recording_replace)
    saved_profile.write(path, FACTS)
    [(source, target)] = renames
    assert source.parent == tmp_path
    assert source != path
    assert target == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.yaml"]


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk full", "interrupted"],
)
def test_a_write_that_fails_midway_leaves_the_old_profile_whole_and_no_stray_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = tmp_path / "profile.yaml"
    saved_profile.write(path, FACTS)

    def crash(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises((UsageError, KeyboardInterrupt)) as raised:
        saved_profile.write(path, {"degree": "cilip"})
    if isinstance(failure, OSError):
        assert isinstance(raised.value, UsageError)
        assert raised.value.message == f"cannot write saved profile {path}: No space left on device"
    assert path.read_text(encoding="utf-8") == FACTS_TEXT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.yaml"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "degree: [\n",
            "saved profile {path}:2:1: not valid YAML: expected the node content, but found '<stream end>'",
        ),
        (
            "degree: ala\ndegree: cilip\n",
            "saved profile {path}:2:1: duplicate key 'degree' (first defined at line 1)",
        ),
        ("- ala\n", "saved profile {path}: expected a mapping of facts such as degree: ala"),
        (
            "age: old\n",
            "saved profile {path}: age: expected a whole number, got 'old'",
        ),
    ],
    ids=["broken yaml", "duplicate key", "not a mapping", "bad value"],
)
def test_a_bad_saved_profile_is_a_message_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        saved_profile.load(path, DEGREES, TODAY)
    assert raised.value.message == message.format(path=path)
    assert raised.value.hint == FIX_HINT


def test_a_misspelt_degree_keeps_its_suggestion_beside_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("degree: alx\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        saved_profile.load(path, DEGREES, TODAY)
    assert (
        raised.value.message
        == f"saved profile {path}: unknown degree 'alx': expected one of ala, cilip, none"
    )
    assert raised.value.hint == f"did you mean ala?; {FIX_HINT}"


def test_a_saved_profile_that_is_not_utf8_is_a_message_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"degree: \xff\n")
    with pytest.raises(UsageError) as raised:
        saved_profile.load(path, DEGREES, TODAY)
    assert raised.value.message == f"cannot read saved profile {path}: not UTF-8 text"


def test_a_directory_where_the_file_should_be_is_a_message_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.mkdir()
    with pytest.raises(UsageError) as raised:
        saved_profile.load(path, DEGREES, TODAY)
    assert raised.value.message == f"cannot read saved profile {path}: Is a directory"


def test_an_empty_file_is_a_profile_with_nothing_known(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    loaded = saved_profile.load(path, DEGREES, TODAY)
    assert loaded is not None
    assert loaded.facts == {}


def test_removing_says_whether_there_was_a_profile(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    saved_profile.write(path, FACTS)
    assert saved_profile.remove(path) is True
    assert not path.exists()
    assert saved_profile.remove(path) is False
