"""When the output cannot be written, or mlis is told to stop: exit codes of their own, whole records."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

MLIS = str(Path(sys.executable).parent / "mlis")
RULES = str(FIXTURES / "scripting")
FULL = "input/output error: No space left on device"


def shell(command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(MLIS).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=300)


def test_closed_stdout_is_an_output_error() -> None:
    run = shell("mlis list-countries >&-")
    assert (run.returncode, run.stderr) == (74, "mlis: error: cannot write the output: stdout is closed\n")


def test_closed_stderr_keeps_the_exit_code_of_the_error() -> None:
    run = shell("mlis check --degree ala -c atlantis 2>&-")
    assert (run.returncode, run.stdout) == (2, "")


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("mlis list-countries", f"mlis: error: {FULL}"),
        ("mlis check --degree ala -c fi --format csv", f"mlis: error: {FULL}"),
        (
            f"mlis batch {FIXTURES}/../../README.md -c fi",
            json.dumps({"error": {"code": "io", "message": FULL, "hint": None}}),
        ),
    ],
)
def test_a_full_disk_is_an_output_error(command: str, message: str) -> None:
    run = shell(f"{command} > /dev/full")
    assert (run.returncode, run.stderr) == (74, message + "\n")


def test_a_full_disk_with_stderr_full_too_still_exits_74() -> None:
    run = shell("mlis list-countries > /dev/full 2> /dev/full")
    assert run.returncode == 74


def test_sigterm_while_waiting_for_input_says_so_and_exits_143() -> None:
    with subprocess.Popen(
        [MLIS, "batch", "-", "-c", "xc", "--rules-dir", RULES],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write('{"id": 1, "degree": "ala"}\n')
        process.stdin.flush()
        first = process.stdout.readline()
        process.send_signal(signal.SIGTERM)
        rest = process.stdout.read()
        assert process.wait(timeout=60) == 143
        said = json.loads(process.stderr.read())
    assert said == {"error": {"code": "terminated", "message": "terminated", "hint": None}}
    assert (json.loads(first)["id"], rest) == (1, "")


def test_sigterm_in_a_long_batch_leaves_only_whole_records(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(200_000)))
    out = tmp_path / "out.jsonl"
    with (
        out.open("w") as sink,
        subprocess.Popen(
            [MLIS, "batch", str(big), "--all", "--rules-dir", RULES, "--format", "csv"],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
        ) as process,
    ):
        while out.stat().st_size < 100_000:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 143
        assert process.stderr is not None and process.stderr.read() == "mlis: terminated\n"
    lines = out.read_text().splitlines()
    assert lines[0].startswith("id,line,country,")
    assert all(line.count(",") == lines[0].count(",") for line in lines), "a record was cut"
