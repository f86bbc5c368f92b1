"""mlis batch --jobs: a file shared among processes gives, byte for byte, what one process gives."""

from __future__ import annotations

import io
import json
import os
import random
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlis_cli import batch_jobs
from mlis_cli.__main__ import main
from mlis_cli.batch import MAX_LINE
from tests.conftest import FIXTURES, Run
from tests.test_pipes import batch_with_stderr_on_a_terminal

RULES = str(FIXTURES / "scripting")
FULL = "input/output error: No space left on device"
MLIS = str(Path(sys.executable).parent / "mlis")
GOOD = [
    '{"id": "ana", "degree": "ala", "citizenship": ["de"]}',
    '{"id": 7, "degree": "none", "countries": "xc"}',
    '{"degree": "ala", "countries": ["xc", "xd"]}',
    '{"id": "é", "degree": "ala", "age": 30, "countries": "xd"}',
    '{"id": 1.5, "degree": "ala", "citizenship": ["us"]}\r',
]
BAD = [
    "{not json",
    "[1, 2]",
    '{"degree": "ala", "degree": "ala"}',
    '{"id": true, "degree": "ala"}',
    '{"degree": "phd-of-nothing"}',
    '{"countries": []}',
    "\xff\xfe",
]


def mixed_file(path: Path, lines: int, seed: int, bad: bool = True, long_line: bool = False) -> Path:
    """Seeded lines: good profiles, bad ones, blank lines; perhaps one line longer than mlis reads."""
    rng = random.Random(seed)
    chosen = []
    for _ in range(lines):
        roll = rng.random()
        chosen.append(rng.choice(BAD) if bad and roll < 0.1 else "" if roll < 0.15 else rng.choice(GOOD))
    if long_line:
        chosen.insert(lines // 2, '{"id": "' + "x" * (MAX_LINE + 10) + '"}')
    text = "\n".join(chosen) + ("\n" if rng.random() < 0.5 else "")
    path.write_bytes(text.encode("utf-8", "surrogateescape").replace("\xff\xfe".encode(), b"\xff\xfe"))
    return path


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pieces of a few lines, so that small files are shared among processes; how many each run started."""
    monkeypatch.setattr(batch_jobs, "PIECE_BYTES", 300)
    started: list[int] = []
    start = batch_jobs.Jobs.__init__

    def counted(self: batch_jobs.Jobs, *args: Any, **options: Any) -> None:
        start(self, *args, **options)
        started.append(len(self.workers) if self.turn is None else -len(self.workers))

    monkeypatch.setattr(batch_jobs.Jobs, "__init__", counted)
    return started


def both(mlis, path: Path, *args: str, jobs: str = "2"):  # type: ignore[no-untyped-def]
    one = mlis("batch", str(path), "--rules-dir", RULES, *args)
    many = mlis("batch", str(path), "--rules-dir", RULES, "--jobs", jobs, *args)
    return one, many


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jobs_write_the_same_bytes_as_one_process(
    mlis, small_pieces, tmp_path: Path, seed: int, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "mixed.jsonl", 400, seed)
    for jobs in ("2", "3", "0"):
        one, many = both(mlis, path, "-c", "xc", "--format", fmt, jobs=jobs)
        assert one.stdout.count("\n") > 400
        assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2  # the bad lines: error records, and exit 2 at the end
    assert small_pieces == [2, 3, len(os.sched_getaffinity(0))]


@pytest.fixture
def to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run `mlis ARGS` in-process with stdout on a real file (or `target`), as a shell redirect
    gives it: forked workers write their pieces there themselves."""

    def run(*args: str, target: Path | None = None, encoding: str = "utf-8") -> Run:
        path = target or tmp_path / f"out-{secrets.token_hex(4)}"
        captured = sys.stdout
        with path.open("w", encoding=encoding) as out:
            sys.stdout = out
            try:
                code = main(list(args))
                out.flush()
            finally:
                sys.stdout = captured
        written = "" if target else path.read_text(encoding=encoding)
        return Run(code, written, capsys.readouterr().err)

    return run


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_workers_writing_to_stdout_themselves_write_the_bytes_of_one_process(
    to_a_file, small_pieces, tmp_path: Path, seed: int, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "mixed.jsonl", 400, seed)
    command = ("batch", str(path), "--rules-dir", RULES, "-c", "xc,xd", "--format", fmt)
    one = to_a_file(*command)
    assert one.stdout.count("\n") > 500
    for jobs in ("2", "3"):
        many = to_a_file(*command, "--jobs", jobs)
        assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2
    assert small_pieces == [-2, -3]  # workers that wrote their own pieces


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_workers_writing_themselves_escape_what_the_output_encoding_cannot_hold(
    to_a_file, small_pieces, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "names.jsonl"
    path.write_text("".join(f'{{"id": "é{n}", "degree": "ala"}}\n' for n in range(200)), encoding="utf-8")
    command = ("batch", str(path), "--rules-dir", RULES, "-c", "xc", "--format", fmt)
    one = to_a_file(*command, encoding="ascii")
    many = to_a_file(*command, "--jobs", "2", encoding="ascii")
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    first = many.stdout.splitlines()[0 if fmt == "jsonl" else 1]
    assert first.startswith('{"id":"\\u00e90",' if fmt == "jsonl" else "\\xe90,1,xc,")
    assert small_pieces == [-2]


def test_workers_writing_themselves_stop_at_the_first_bad_line(
    to_a_file, small_pieces, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    lines = [f'{{"id": {n}, "degree": "ala"}}' for n in range(1, 201)]
    lines[149] = "{broken"
    lines[170] = "{broken too"
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join(lines) + "\n")
    command = ("batch", str(path), "--rules-dir", RULES, "-c", "xc", "--fail-fast")
    one, many = to_a_file(*command), to_a_file(*command, "--jobs", "2")
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert [json.loads(line)["line"] for line in many.stdout.splitlines()] == list(range(1, 150))
    assert small_pieces == [-2]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_worker_that_cannot_write_ends_the_run_as_one_process_does(
    to_a_file, small_pieces, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "mixed.jsonl", 400, 3, bad=False)
    command = ("batch", str(path), "--rules-dir", RULES, "-c", "xc")
    one = to_a_file(*command, target=Path("/dev/full"))
    many = to_a_file(*command, "--jobs", "2", target=Path("/dev/full"))
    assert (
        (many.exit_code, many.stderr)
        == (one.exit_code, one.stderr)
        == (
            74,
            json.dumps({"error": {"code": "io", "message": FULL, "hint": None}}) + "\n",
        )
    )
    assert small_pieces == [-2]


def test_a_reader_that_stops_early_ends_every_job_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(100_000)))
    run = subprocess.run(
        ["bash", "-c", f'"{MLIS}" batch "{big}" --all --rules-dir "{RULES}" --jobs 2 | head -c 1000 | wc -c'],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (run.returncode, run.stdout.strip(), run.stderr) == (0, "1000", "")


def test_a_line_longer_than_mlis_reads_is_refused_in_its_piece(mlis, small_pieces, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "long.jsonl", 60, 4, bad=False, long_line=True)
    one, many = both(mlis, path, "-c", "xc")
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    refused = [json.loads(line) for line in many.stdout.splitlines() if '"error"' in line]
    assert [(record["line"], record["error"]["code"]) for record in refused] == [(31, "invalid-json")]


def test_line_numbers_count_every_line_across_pieces(mlis, small_pieces, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [f'{{"id": {n}, "degree": "ala"}}' if n % 7 else "" for n in range(1, 301)]
    path = tmp_path / "numbered.jsonl"
    path.write_text("\n".join(lines) + "\n")
    run = mlis("batch", str(path), "--rules-dir", RULES, "-c", "xc", "--jobs", "2")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.exit_code == 0
    assert [(record["id"], record["line"]) for record in records] == [(n, n) for n in range(1, 301) if n % 7]


def test_fail_fast_stops_at_the_first_bad_line_in_input_order(mlis, small_pieces, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [f'{{"id": {n}, "degree": "ala"}}' for n in range(1, 201)]
    lines[149] = "{broken"
    lines[170] = "{broken too"
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join(lines) + "\n")
    one, many = both(mlis, path, "-c", "xc", "--fail-fast")
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert many.exit_code == 2
    assert [json.loads(line)["line"] for line in many.stdout.splitlines()] == list(range(1, 150))
    assert json.loads(many.stderr)["error"]["message"].startswith("line 150: not valid JSON")


def test_fail_on_and_the_count_of_bad_lines_add_up_across_pieces(mlis, small_pieces, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "mixed.jsonl", 300, 9, bad=False)
    one, many = both(mlis, path, "-c", "xc", "--fail-on", "conditional")
    assert (one.exit_code, many.exit_code, many.stdout) == (1, 1, one.stdout)
    path = mixed_file(tmp_path / "bad.jsonl", 300, 10)
    lines = path.read_bytes().split(b"\n")
    bad = [n for n, line in enumerate(lines, 1) if line.rstrip(b"\r") in [text.encode() for text in BAD]]
    bad += [n for n, line in enumerate(lines, 1) if line == b"\xff\xfe"]
    counted = sum(1 for line in lines if line.strip())
    one, many = both(mlis, path, "-c", "xc", "--format", "csv")
    assert (many.exit_code, many.stderr) == (2, one.stderr)
    assert many.stderr == (
        f"mlis: error: {len(bad)} of {counted} lines could not be checked, the first on line {min(bad)} "
        "(each has an error object in the output)\n"
    )


def test_stdin_is_read_by_one_process_with_the_same_output(
    mlis, small_pieces, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "mixed.jsonl", 100, 5)
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))
        outputs.append(mlis("batch", "-", "--rules-dir", RULES, "-c", "xc", "--jobs", jobs))
    assert outputs[0] == outputs[1]


def test_a_negative_number_of_jobs_is_a_usage_error(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("batch", str(tmp_path / "none.jsonl"), "--jobs", "-1", "--format", "csv")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "mlis: error: --jobs: expected 0 (one per core) or a number of processes, got -1\n",
    )


@given(st.lists(st.sampled_from([b"", b"a", b"bb", b"\xc3\xa9", b"x" * 50]), max_size=60), st.integers(1, 64))
def test_pieces_cover_the_file_at_line_boundaries(lines: list[bytes], size: int) -> None:
    data = b"\n".join(lines)
    found = list(batch_jobs.pieces(io.BytesIO(data), size))
    assert b"".join(data[p.start : p.start + p.size] for p in found) == data
    assert [p.start for p in found] == [sum(p.size for p in found[:i]) for i in range(len(found))]
    for index, piece in enumerate(found):
        text = data[piece.start : piece.start + piece.size]
        assert text.endswith(b"\n") or index == len(found) - 1
        assert piece.lines == text.count(b"\n") + (0 if text.endswith(b"\n") else 1)
        assert piece.first_line == 1 + data[: piece.start].count(b"\n")


def worker_ids(pid: int) -> set[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in children.read_text().split()} if children.exists() else set()


def gone(pids: set[int]) -> bool:
    """Whether every one of these processes has ended, waiting up to 10 s for them."""
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(Path(f"/proc/{pid}").exists() for pid in pids)


def big_batch_command(tmp_path: Path, *args: str) -> list[str]:
    """mlis batch --jobs 2 over 200,000 profiles and every country, as CSV: long enough to stop."""
    big = tmp_path / "big.jsonl"
    big.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(200_000)))
    return [MLIS, "batch", str(big), "--all", "--rules-dir", RULES, "--format", "csv", "--jobs", "2", *args]


def start_big_batch(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], Path, set[int]]:
    out = tmp_path / "out.csv"
    with out.open("w") as sink:
        process = subprocess.Popen(
            big_batch_command(tmp_path, *args),
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    while out.stat().st_size < 100_000:
        assert process.poll() is None
        time.sleep(0.05)
    workers = worker_ids(process.pid)
    return process, out, workers


def whole_records(out: Path) -> None:
    lines = out.read_text().splitlines()
    assert lines[0].startswith("id,line,country,")
    assert all(line.count(",") == lines[0].count(",") for line in lines), "a record was cut"
    numbers = [int(line.split(",")[1]) for line in lines[1:]]
    assert numbers == sorted(numbers) and numbers[0] == 1


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_sigterm_stops_every_job_and_leaves_whole_records(tmp_path: Path) -> None:
    process, out, workers = start_big_batch(tmp_path)
    assert len(workers) == 2
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 143
    assert process.stderr is not None and process.stderr.read() == "mlis: terminated\n"
    whole_records(out)
    assert gone(workers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_sigterm_while_a_worker_waits_on_a_full_pipe_leaves_whole_records(tmp_path: Path) -> None:
    process = subprocess.Popen(
        big_batch_command(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(100_000)
    time.sleep(0.5)  # the pipe fills: a worker waits in the middle of writing its piece
    workers = worker_ids(process.pid)
    process.send_signal(signal.SIGTERM)
    rest = process.stdout.read()  # the worker finishes its piece as the pipe drains, then stops
    assert process.wait(timeout=60) == 143
    assert process.stderr.read() == b"mlis: terminated\n"
    out = tmp_path / "out.csv"
    out.write_bytes(first + rest)
    whole_records(out)
    assert len(workers) == 2 and gone(workers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_ctrl_c_on_the_terminal_stops_every_job_with_one_line(tmp_path: Path) -> None:
    process, out, workers = start_big_batch(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: to the parent and its workers
    assert process.wait(timeout=60) == 130
    assert process.stderr is not None and process.stderr.read() == "mlis: interrupted\n"
    whole_records(out)
    assert gone(workers)


def test_the_progress_bar_follows_the_pieces_written(tmp_path: Path) -> None:
    path = tmp_path / "class.jsonl"
    path.write_text("".join(f'{{"id": {n}, "degree": "ala"}}\n' for n in range(20_000)))
    assert path.stat().st_size > 2 * batch_jobs.PIECE_BYTES
    stdout, stderr = batch_with_stderr_on_a_terminal(str(path), "--jobs", "2")
    assert re.search(r"class\.jsonl ━+ ([\d.]+)/\1 kB", stderr), stderr  # the whole file written
    assert stderr.endswith("\x1b[2K")  # and the bar erased at the end
    assert [json.loads(line)["line"] for line in stdout.splitlines()[::2]] == list(range(1, 20_001))


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_a_summary_with_jobs_is_the_summary_of_one_process(
    mlis, small_pieces, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    path = mixed_file(tmp_path / "class.jsonl", 400, 5)
    one, many = both(mlis, path, "-c", "xc,xd", "--summary", fmt)
    assert one.stdout.count("\n") > 2
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2  # the bad lines are counted, and end the run with exit 2
    assert small_pieces == [2]
