"""Long text goes through the pager on a terminal, as git does; never in a pipe, never with --no-pager."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import termios
from pathlib import Path

import pytest

MLIS = str(Path(sys.executable).parent / "mlis")
LONG = ("check", "--no-profile", "--degree", "ala", "--all", "--citizenship", "us")
SHORT = ("list-countries",)


def on_terminal(
    args: tuple[str, ...], env: dict[str, str], rows: int = 24, cols: int = 80
) -> tuple[int, str]:
    """Run mlis with a terminal of rows x cols as its stdin, stdout and stderr; what it showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal gets the size, then mlis runs on it
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execve(MLIS, [MLIS, *args], env)
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLUMNS", "LINES", "PAGER", "MLIS_PAGER")
    }
    return {**environ, "PAGER": f"cat > {tmp_path / 'paged.txt'}", "NO_COLOR": "1"}


def test_text_taller_than_the_terminal_goes_through_the_pager(env: dict[str, str], tmp_path: Path) -> None:
    code, shown = on_terminal(LONG, env)
    paged = (tmp_path / "paged.txt").read_text(encoding="utf-8")
    assert (code, shown) == (0, "")
    assert paged.startswith("country ")
    assert paged.count("\n") > 24


def test_mlis_pager_comes_before_pager(env: dict[str, str], tmp_path: Path) -> None:
    env["MLIS_PAGER"] = f"cat > {tmp_path / 'mlis-paged.txt'}"
    code, shown = on_terminal(LONG, env)
    assert (code, shown) == (0, "")
    assert (tmp_path / "mlis-paged.txt").read_text(encoding="utf-8").startswith("country ")
    assert not (tmp_path / "paged.txt").exists()


def test_no_pager_writes_to_the_terminal(env: dict[str, str], tmp_path: Path) -> None:
    code, shown = on_terminal((*LONG, "--no-pager"), env)
    assert code == 0
    assert shown.startswith("country ")
    assert not (tmp_path / "paged.txt").exists()


def test_text_that_fits_on_the_screen_is_not_paged(env: dict[str, str], tmp_path: Path) -> None:
    code, shown = on_terminal(SHORT, env, rows=100)
    assert code == 0
    assert shown.startswith("code ")
    assert not (tmp_path / "paged.txt").exists()


def test_a_pager_that_cannot_be_found_leaves_the_text_on_the_terminal(
    env: dict[str, str], tmp_path: Path
) -> None:
    env["PAGER"] = "no-such-pager-anywhere"
    code, shown = on_terminal(LONG, env)
    assert code == 0
    assert "country " in shown
    assert shown.rstrip().endswith("Every case and every source in full: --details.")


def test_json_is_never_paged(env: dict[str, str], tmp_path: Path) -> None:
    code, shown = on_terminal((*LONG, "--json"), env)
    assert code == 0
    assert shown.startswith("{")
    assert not (tmp_path / "paged.txt").exists()
