"""Speed and memory of mlis, measured side by side with their floors. Prints figures; asserts nothing.

    python benchmarks/run.py               # full run: 30 start-up rounds, 10k and 100k profiles
    python benchmarks/run.py --quick       # fewer rounds and profiles, for a first look

1. Start-up: the median wall time of `mlis check --degree ala --country fi --format json`,
   of the same in text, and of `mlis list-countries`, each next to a minimal Typer app that
   parses the same options and prints a line (the floor any Typer CLI pays) and to bare
   `python -c pass`. The commands alternate round by round, so drift hits all alike.
2. Batch throughput: country-evaluations per second for generated profiles x all
   countries through `mlis batch`, and its ratio to a plain JSONL read-parse-dump loop
   over the same input (the I/O floor).
3. Peak memory (maximum resident set size) of the batch run for 10,000 and 100,000 profiles.

Batch runs and the I/O floor alternate three times per size; medians are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
MLIS = [PYTHON, "-m", "mlis_cli"]
if shutil.which("mlis", path=str(Path(PYTHON).parent)):
    MLIS = [str(Path(PYTHON).parent / "mlis")]

TYPER_FLOOR = """
from typing import Annotated
import typer
app = typer.Typer(add_completion=False)
@app.command()
def check(
    country: Annotated[list[str], typer.Option("--country")] = [],
    degree: Annotated[str | None, typer.Option()] = None,
    format: Annotated[str, typer.Option("--format")] = "text",
) -> None:
    print("ok")
app()
"""

IO_FLOOR = """
import json, sys
out = sys.stdout
for line in sys.stdin:
    out.write(json.dumps(json.loads(line)) + "\\n")
"""

BATCH_RUNS = 3
"""Runs of each batch size, alternating with the I/O floor; the medians are reported."""

DEGREES = ["ala", "cilip", "alia", "lianza", "lai", "other", "unaccredited", "none"]
CITIZENSHIPS = [
    "us",
    "ca",
    "gb",
    "au",
    "nz",
    "ie",
    "de",
    "fr",
    "fi",
    "dk",
    "be",
    "sg",
    "hk",
    "jp",
    "in",
    "mx",
]
LANGUAGES = ["de", "da", "fi", "fr", "nl", "sv"]
LEVELS = ["none", "A1", "A2", "B1", "B2", "C1", "C2", "native"]
SECTORS = ["public", "academic", "school", "special", "corporate"]


def run_once(command: list[str], *, stdin: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run; output discarded."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {error}")
    return elapsed, usage.ru_maxrss


def startup(rounds: int, floor_script: Path) -> None:
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "typer floor": [PYTHON, str(floor_script), "--degree", "ala", "--country", "fi", "--format", "json"],
        "check --format json": [*MLIS, "check", "--degree", "ala", "--country", "fi", "--format", "json"],
        "check (text)": [*MLIS, "check", "--degree", "ala", "--country", "fi"],
        "list-countries": [*MLIS, "list-countries"],
    }
    for command in commands.values():  # warm the file cache and any rule cache
        run_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_once(command)[0])
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor, bare = medians["typer floor"], medians["python -c pass"]
    print(f"start-up: median of {rounds} alternating rounds")
    print(f"  {'command':<22}{'median':>10}{'x typer floor':>16}{'x python -c pass':>19}")
    for name, median in medians.items():
        print(f"  {name:<22}{median * 1000:>8.1f}ms{median / floor:>16.2f}{median / bare:>19.2f}")
    targets = {"check --format json": 1.25, "check (text)": 1.5}
    for name, target in targets.items():
        ratio = medians[name] / floor
        print(f"  target {name} <= {target}x floor: {'met' if ratio <= target else 'NOT met'} ({ratio:.2f}x)")


def profiles(count: int, path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            profile: dict[str, object] = {"id": f"p{number}", "degree": rng.choice(DEGREES)}
            if rng.random() < 0.9:
                profile["citizenship"] = rng.sample(CITIZENSHIPS, rng.choice([1, 1, 1, 2]))
            if rng.random() < 0.8:
                profile["age"] = rng.randint(18, 70)
            if rng.random() < 0.7:
                profile["languages"] = {
                    code: rng.choice(LEVELS) for code in rng.sample(LANGUAGES, rng.randint(1, 3))
                }
            if rng.random() < 0.7:
                profile["sector"] = rng.choice(SECTORS)
            if rng.random() < 0.6:
                profile["stay"] = rng.choice(["short", "long"])
            if rng.random() < 0.5:
                profile["graduated"] = rng.randint(1995, 2026)
            if rng.random() < 0.5:
                profile["experience"] = rng.randint(0, 30)
            if rng.random() < 0.3:
                profile["phd"] = rng.random() < 0.2
            out.write(json.dumps(profile) + "\n")


def country_count() -> int:
    result = subprocess.run([*MLIS, "list-countries", "--codes"], capture_output=True, text=True, check=True)
    return len(result.stdout.split())


def batch(sizes: list[int], workdir: Path, io_floor: Path) -> None:
    countries = country_count()
    print(f"batch: generated profiles x {countries} countries, median of {BATCH_RUNS} alternating runs")
    print(
        f"  {'profiles':>9}{'mlis batch':>12}{'evals/s':>12}{'I/O floor':>12}{'x floor':>9}{'peak RSS':>11}"
    )
    peaks = []
    for size in sizes:
        data = workdir / f"profiles-{size}.jsonl"
        profiles(size, data)
        runs, floors, peak = [], [], 0
        for _ in range(BATCH_RUNS):  # alternating, medians: one run of each is too noisy
            elapsed, rss = run_once([*MLIS, "batch", str(data), "--all"])
            runs.append(elapsed)
            peak = max(peak, rss)
            floors.append(run_once([PYTHON, str(io_floor)], stdin=data)[0])
        seconds, floor_seconds = statistics.median(runs), statistics.median(floors)
        rate = size * countries / seconds
        peaks.append(peak)
        print(
            f"  {size:>9,}{seconds:>11.2f}s{rate:>12,.0f}{floor_seconds:>11.2f}s"
            f"{seconds / floor_seconds:>9.2f}{peak / 1024:>9.1f}MB"
        )
    last_rate = sizes[-1] * countries / seconds
    print(f"  target >= 150,000 evals/s: {'met' if last_rate >= 150_000 else 'NOT met'} ({last_rate:,.0f})")
    print(f"  target within 6x the I/O floor: {'met' if seconds / floor_seconds <= 6 else 'NOT met'}")
    peak_mb = max(peaks) / 1024
    print(f"  target peak < 80 MB: {'met' if peak_mb < 80 else 'NOT met'} ({peak_mb:.1f} MB)")
    spread = (max(peaks) - min(peaks)) / 1024
    print(f"  memory flat across sizes: {'yes' if spread < 5 else 'NO'} (spread {spread:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and profiles")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    rounds = args.rounds or (8 if args.quick else 30)
    sizes = [1_000, 10_000] if args.quick else [10_000, 100_000]
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        floor_script = workdir / "typer_floor.py"
        floor_script.write_text(TYPER_FLOOR, encoding="utf-8")
        io_floor = workdir / "io_floor.py"
        io_floor.write_text(IO_FLOOR, encoding="utf-8")
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; mlis = {' '.join(MLIS)}")
        startup(rounds, floor_script)
        if not args.skip_batch:
            batch(sizes, workdir, io_floor)


if __name__ == "__main__":
    main()
