"""mlis profile init in a real pseudo-terminal, answered the way a person types."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

# Only a guard against a hung child; nothing here measures speed.
GIVE_UP_AFTER_SECONDS = 120


class Terminal:
    """The other end of a pseudo-terminal: what the program wrote, and a keyboard."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.transcript = ""
        self.position = 0

    def read_until(self, text: str) -> None:
        deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
        while text not in self.transcript[self.position :]:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.descriptor], [], [], max(remaining, 0))
            if not ready or not self._read():
                pytest.fail(f"never saw {text!r}; the terminal showed:\n{self.transcript}")
        self.position = self.transcript.index(text, self.position) + len(text)

    def type(self, line: str) -> None:
        os.write(self.descriptor, line.encode() + b"\r")  # Enter sends a carriage return

    def read_to_end(self) -> None:
        while select.select([self.descriptor], [], [], GIVE_UP_AFTER_SECONDS)[0] and self._read():
            pass

    def _read(self) -> bool:
        try:
            chunk = os.read(self.descriptor, 4096)
        except OSError:  # Linux reports EIO once the program has closed the terminal
            return False
        self.transcript += chunk.decode("utf-8", errors="replace")
        return bool(chunk)


def test_a_person_sets_up_a_profile_in_a_terminal(tmp_path: Path) -> None:
    config = tmp_path / "config"
    environment = {**os.environ, "MLIS_CONFIG_DIR": str(config), "NO_COLOR": "1", "TERM": "xterm"}
    controller, child_side = pty.openpty()
    program = subprocess.Popen(
        [sys.executable, "-m", "mlis_cli", "profile", "init"],
        stdin=child_side,
        stdout=child_side,
        stderr=child_side,
        env=environment,
    )
    os.close(child_side)
    terminal = Terminal(controller)
    try:
        for prompt, answer in [
            ("degree: ", "ALA-accredited"),
            ("Try again, or press Enter to skip.", None),
            ("degree: ", "ala"),
            ("citizenship: ", "United States"),
            ("age: ", "twenty-nine"),
            ("age: ", "29"),
            ("languages: ", "de:B2"),
            ("sector: ", "public"),
            ("stay: ", ""),
            ("graduated: ", "2019"),
            ("experience: ", ""),
            ("phd: ", "no"),
            ("online: ", "no"),
        ]:
            terminal.read_until(prompt)
            if answer is not None:
                terminal.type(answer)
        terminal.read_to_end()
        assert program.wait(timeout=GIVE_UP_AFTER_SECONDS) == 0, terminal.transcript
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
        os.close(controller)
    shown = terminal.transcript.replace("\r\n", "\n")
    assert "degree: ALA-accredited\n  Not accepted: unknown degree 'ALA-accredited'" in shown
    assert "age: twenty-nine\n  Not accepted: age: expected a whole number, got 'twenty-nine'." in shown
    assert shown.endswith(
        f"online: no\nSaved your profile to {config / 'profile.yaml'}.\n"
        "'mlis check --country CODE' now uses it; 'mlis profile show' shows it.\n"
    )
    assert (config / "profile.yaml").read_text(encoding="utf-8") == (
        "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
        "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
        "degree: ala\n"
        "citizenship:\n- us\n"
        "age: 29\n"
        "languages:\n  de: B2\n"
        "sector: public\n"
        "graduated: 2019\n"
        "phd: false\n"
        "online: false\n"
    )
