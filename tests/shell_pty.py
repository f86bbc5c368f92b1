"""A real interactive shell on a pseudo-terminal, with mlis's completion script loaded.

Keys are typed as a person types them; what the shell then holds on its command
line is read back through a key bound to print it between [[ and ]], and what it
lists is read from the terminal. Each shell starts with no user files (bash
--norc --noprofile, zsh -f, fish --no-config), a fixed TERM, size, HOME and
rules cache in a temporary directory, and mlis from beside this Python.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

PROMPT = "READY> "
COLUMNS = 200
WAIT = 60.0
"""Seconds to wait for the shell; each Tab starts mlis, which is slow on a busy machine."""

_SHOW_LINE = "\x18b"  # Ctrl-X b
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\x07|\x08|\r")

COMMANDS = {
    "bash": ["bash", "--norc", "--noprofile", "-i"],
    "zsh": ["zsh", "-f", "-i"],
    "fish": ["fish", "--no-config", "-i"],
}

SETUP = {
    "bash": [
        f"PS1='{PROMPT}'",
        "bind 'set bell-style none'",
        'bind -x \'"\\C-xb": printf "\\n[[%s]]\\n" "$READLINE_LINE"\'',
        'eval "$(_MLIS_COMPLETE=source_bash mlis)"',
    ],
    "zsh": [
        f"PS1='{PROMPT}'",
        "unsetopt beep",
        "autoload -Uz compinit && compinit -u -D",
        "_show_line() { print -rn -- $'\\n'\"[[$BUFFER]]\"$'\\n' }",
        "zle -N _show_line; bindkey '^Xb' _show_line",
        'eval "$(_MLIS_COMPLETE=source_zsh mlis)"',
    ],
    "fish": [
        f"function fish_prompt; printf '{PROMPT}'; end",
        "bind \\cxb 'printf \"\\n[[%s]]\\n\" (commandline)'",
        "_MLIS_COMPLETE=source_fish mlis | source",
    ],
}


class ShellError(AssertionError):
    pass


class Shell:
    def __init__(self, name: str, home: Path) -> None:
        self.name = name
        bin_dir = str(Path(sys.executable).parent)
        environment = {
            "PATH": f"{bin_dir}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(home),
            "TERM": "dumb",
            "COLUMNS": str(COLUMNS),
            "LINES": "50",
            "LANG": "C.UTF-8",
            "MLIS_CACHE_DIR": str(home / "cache"),
            "MLIS_CONFIG_DIR": str(home / "config"),
            "XDG_CONFIG_HOME": str(home / "xdg-config"),
            "XDG_DATA_HOME": str(home / "xdg-data"),
        }
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes the shell
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS, 0, 0))
            os.execvpe(COMMANDS[name][0], COMMANDS[name], environment)
        self.seen = ""
        for line in SETUP[name]:
            self.run(line)

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def read_until(self, pattern: re.Pattern[str]) -> re.Match[str]:
        deadline = time.monotonic() + WAIT
        while True:
            found = pattern.search(self.seen)
            if found:
                self.seen = self.seen[found.end() :]
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                shows = f"the terminal shows {self.seen!r}"
                raise ShellError(f"{self.name}: waited for {pattern.pattern!r}; {shows}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise ShellError(f"{self.name} ended; the terminal showed {self.seen!r}")
                self.seen += _ESCAPES.sub("", chunk.decode("utf-8", "replace"))

    def run(self, command: str) -> str:
        """Run a command line; what it printed."""
        self.send(command + "\r")
        found = self.read_until(re.compile(re.escape(command) + r"\n(.*?)" + re.escape(PROMPT) + r"$", re.S))
        return found.group(1)

    def tab(self, typed: str, tabs: int = 1) -> tuple[str, str]:
        """Type, press Tab, and read the command line back: (the line, what was listed on the way)."""
        self.send(typed + "\t" * tabs + _SHOW_LINE)
        found = self.read_until(re.compile(r"(.*?)\n\[\[([^\n]*)\]\]\n", re.S))
        shown, line = found.group(1), found.group(2)
        self.send("\x15" + _SHOW_LINE)  # Ctrl-U empties the line (the cursor is at its end)
        self.read_until(re.compile(r"\n\[\[\]\]\n"))
        return line, _listing(shown)

    def candidates(self, line: str) -> list[str]:
        """What fish offers for a command line (`complete -C`: its own completion, as its pager
        lists it), each value without its description."""
        printed = self.run(f"complete -C '{line}'")
        # fish marks output that did not end a line with ⏎ before its prompt
        return [entry.partition("\t")[0] for entry in printed.splitlines() if entry and "⏎" not in entry]


def _listing(shown: str) -> str:
    """What a shell listed below the line: the text after the first line break, without
    the prompt and the line it drew again after the list."""
    _, newline, rest = shown.partition("\n")
    if not newline:
        return ""
    return rest.rpartition(PROMPT)[0].strip() if PROMPT in rest else rest.strip()
