"""A command that reads stdin from a terminal says so in one line, then waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_profile_terminal import GIVE_UP_AFTER_SECONDS, Terminal

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

TWO = str(FIXTURES / "two-countries")
SCRIPTING = str(FIXTURES / "scripting")


def run_in_terminal(tmp_path: Path, args: list[str], notice: str, typed: str) -> str:
    """Start mlis on a terminal, wait for the notice, type the input, end it with Ctrl-D."""
    environment = {
        **os.environ,
        "MLIS_CONFIG_DIR": str(tmp_path / "config"),
        "NO_COLOR": "1",
        "TERM": "xterm",
    }
    environment["MLIS_CACHE_DIR"] = str(tmp_path / "cache")
    controller, child_side = pty.openpty()
    program = subprocess.Popen(
        [sys.executable, "-m", "mlis_cli", *args],
        stdin=child_side,
        stdout=child_side,
        stderr=child_side,
        env=environment,
    )
    os.close(child_side)
    terminal = Terminal(controller)
    try:
        terminal.read_until(notice.rstrip("\n"))
        terminal.type(typed)
        os.write(controller, b"\x04")  # Ctrl-D at the start of a line: end of input
        terminal.read_to_end()
        code = program.wait(timeout=GIVE_UP_AFTER_SECONDS)
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
        os.close(controller)
    assert code == 0, terminal.transcript
    return terminal.transcript.replace("\r\n", "\n")


def test_check_with_profile_dash_says_it_reads_the_terminal(tmp_path: Path) -> None:
    notice = "mlis: reading a profile (YAML or JSON) from the terminal; end with Ctrl-D\n"
    shown = run_in_terminal(
        tmp_path, ["check", "--rules-dir", TWO, "-c", "xa", "--profile", "-", "--json"], notice, "degree: ala"
    )
    assert shown.startswith(notice), shown
    assert '"degree": "ala"' in shown


def test_batch_from_a_terminal_says_it_reads_the_terminal(tmp_path: Path) -> None:
    notice = "mlis: reading profiles, one JSON object per line, from the terminal; end with Ctrl-D\n"
    shown = run_in_terminal(tmp_path, ["batch", "--rules-dir", SCRIPTING, "-c", "xc"], notice, '{"id": 1}')
    assert shown.startswith(notice), shown
    assert '"id":1,"line":1,"country":"xc"' in shown


def test_nothing_is_said_when_stdin_is_not_a_terminal(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"degree: ala\n"), encoding="utf-8"))
    run = mlis("check", "--rules-dir", TWO, "-c", "xa", "--profile", "-", "--json")
    assert (run.exit_code, run.stderr) == (0, "")
