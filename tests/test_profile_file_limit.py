"""A profile file or stdin is read up to a limit: /dev/zero is refused, not read until memory runs out."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mlis_cli.person.profile_sources import MAX_PROFILE


def test_an_endless_profile_file_is_refused(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--profile", "/dev/zero", "-c", "fi")
    message = "mlis: error: profile /dev/zero is longer than 1048576 characters (1 Mi)\n"
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)


def test_a_profile_on_stdin_past_the_limit_is_refused(mlis, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    text = "degree: ala\n" + "#" * MAX_PROFILE + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    run = mlis("check", "--profile", "-", "-c", "fi", "--brief")
    message = "mlis: error: profile stdin is longer than 1048576 characters (1 Mi)\n"
    assert (run.exit_code, run.stderr) == (2, message)


def test_a_profile_just_within_the_limit_is_read(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    head = "degree: ala\n"
    profile = tmp_path / "me.yaml"
    profile.write_text(head + "#" * (MAX_PROFILE - len(head) - 1) + "\n")
    assert len(profile.read_text()) == MAX_PROFILE
    run = mlis("check", "--profile", str(profile), "-c", "fi", "--format", "csv")
    assert (run.exit_code, run.stderr) == (0, "")


def test_a_saved_profile_over_the_limit_is_refused_without_reading_it_all(mlis) -> None:  # type: ignore[no-untyped-def]
    import os
    from pathlib import Path

    saved = Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"
    saved.parent.mkdir(parents=True)
    saved.write_text("degree: ala\n" + "#" * (1 << 21) + "\n", encoding="utf-8")
    run = mlis("check", "-c", "fi")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith(
        f"mlis: error: saved profile {saved} is longer than 1048576 characters (1 Mi) ("
    )
