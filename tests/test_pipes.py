"""The real executable in real pipes: head, a reader that went away, Ctrl-C, stdin."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

MLIS = str(Path(sys.executable).parent / "mlis")
RULES = str(FIXTURES / "scripting")


def shell(command: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(MLIS).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,  # type: ignore[arg-type]
    )


def test_list_countries_into_head_leaves_stderr_empty() -> None:
    whole = shell("mlis list-countries")
    run = shell("mlis list-countries | head -1")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == whole.stdout.splitlines(keepends=True)[0]


def test_a_long_batch_into_head_exits_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(20_000)))
    run = shell(f'mlis batch {big} --all --rules-dir {RULES} | head -2; echo "mlis exit ${{PIPESTATUS[0]}}"')
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines()[2] == "mlis exit 0"
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()[:2]] == [0, 0]


@pytest.mark.parametrize(
    "args",
    [
        ("show", "xd"),
        ("check", "--degree", "ala", "--all"),
        ("check", "--degree", "ala", "--all", "--json"),
        ("list-countries", "--format", "csv"),
        ("degrees", "--format", "yaml"),
        ("list-countries", "--codes"),
    ],
)
def test_a_reader_that_went_away_before_anything_was_written_ends_quietly_with_0(
    args: tuple[str, ...],
) -> None:
    process = subprocess.Popen(
        [MLIS, *args, "--rules-dir", RULES], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the only reader: every write now fails with EPIPE
    stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (0, "")


def start_batch(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [MLIS, "batch", "-", "--country", "xc", "--rules-dir", RULES, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def answer_one_line_then_interrupt(process: subprocess.Popen[str]) -> tuple[str, str]:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write('{"id": "first", "degree": "ala"}\n')
    process.stdin.flush()
    answered = ""
    for line in iter(process.stdout.readline, ""):  # answered while mlis waits for the next line
        answered += line
        if "first" in line:
            break
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=60)
    return answered + rest, stderr


def test_ctrl_c_on_a_batch_waiting_for_stdin_exits_130_with_one_line() -> None:
    process = start_batch("--format", "csv")
    stdout, stderr = answer_one_line_then_interrupt(process)
    assert (process.returncode, stderr) == (130, "mlis: interrupted\n")
    assert stdout == (
        "id,line,country,verdict,worst_case,complete,open_questions,error\n"
        'first,1,xc,eligible,conditional,false,"[""citizenship""]",\n'
    )


def test_ctrl_c_on_a_jsonl_batch_says_so_in_json() -> None:
    process = start_batch()
    stdout, stderr = answer_one_line_then_interrupt(process)
    assert process.returncode == 130
    assert json.loads(stderr) == {"error": {"code": "interrupted", "message": "interrupted", "hint": None}}
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == ["first"]


def test_a_profile_from_stdin_through_a_pipe() -> None:
    run = shell(f"echo 'degree: ala' | mlis check --profile - --country xc --rules-dir {RULES} --format csv")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines()[1].startswith(
        'xc,Carpania,eligible,conditional,false,"[""citizenship""]",'
    )


def test_a_profile_from_stdin_in_process_and_flags_override_it(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"degree": "none", "citizenship": ["de"]}'))
    run = mlis("check", "--profile", "-", "--degree", "ala", "-c", "xc", "--rules-dir", RULES, "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    document = json.loads(run.stdout)
    assert (document["profile"]["degree"], document["profile"]["citizenship"]) == ("ala", ["de"])
    assert document["results"][0]["verdict"] == "eligible"


def test_a_bad_profile_on_stdin_is_one_line_and_exit_2(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO("degree: [ala\n"))
    run = mlis("check", "--profile", "-", "-c", "xc", "--rules-dir", RULES)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("mlis: error: stdin:")
    assert run.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "command",
    [
        "mlis check --degree nope --country fi",
        "mlis check --degree ala --country fi --age old",
        "mlis check --degree ala --country fi --profile /nonexistent.yaml",
        "mlis check --degree ala --country fi --rules-dir /nonexistent",
        "mlis batch /nonexistent.jsonl --all",
        "echo '[' | mlis check --profile - --country fi",
        "mlis show atlantis --json",
        "MLIS_TODAY=tomorrow mlis check --degree ala --country fi",
    ],
)
def test_user_errors_never_show_a_traceback(command: str) -> None:
    run = shell(command)
    assert run.returncode in (2, 3)
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def batch_with_stderr_on_a_terminal(*args: str, stdin: str = "") -> tuple[str, str]:
    """stdout through a pipe and stderr on a terminal: what each received."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [MLIS, "batch", *args, "--all", "--rules-dir", RULES],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=child,
        env={**os.environ, "TERM": "xterm"},
        text=True,
    )
    os.close(child)
    stdout, _ = process.communicate(stdin, timeout=120)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal is gone once mlis has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.returncode == 0
    return stdout, b"".join(chunks).decode()


def test_a_progress_bar_shows_on_a_terminal_while_a_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "class.jsonl"
    path.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(100)))
    stdout, stderr = batch_with_stderr_on_a_terminal(str(path))
    assert re.search(r"class\.jsonl ━+ ([\d.]+)/\1 kB", stderr), stderr  # the whole file read
    assert stderr.endswith("\x1b[2K")  # and the bar erased at the end
    assert len(stdout.splitlines()) == 200


def test_no_progress_bar_when_the_input_is_not_a_file() -> None:
    stdout, stderr = batch_with_stderr_on_a_terminal("-", stdin='{"degree": "ala"}\n')
    assert (len(stdout.splitlines()), stderr) == (2, "")
