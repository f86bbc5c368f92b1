"""Speed and memory of mlis, side by side with their floors in one run. Prints figures; asserts nothing.

    python benchmarks/run.py                       # start-up, then batch at 10k, 100k and 1M profiles
    python benchmarks/run.py --quick               # fewer rounds, 10k and 100k profiles
    python benchmarks/run.py --sizes 10000,100000 --inputs /tmp/mlis-bench   # keep the inputs

1. Start-up (benchmarks/startup.py): each command next to a one-command Typer app.
2. Batch: `mlis batch FILE --all` with --jobs 1 and --jobs 2, next to two floors
   that read the same file, parse each line (json / orjson) and write one
   record per line and country, padded so that their output has the bytes of
   mlis's (checked on the smallest size and printed): all that mlis does
   except the rules. Each size runs its four commands in a new random order
   each round; medians of the rounds, and the peak resident memory of any one
   process (mlis or one of its workers), are printed with each target met or
   not met.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import startup

PYTHON = sys.executable
MLIS = startup.MLIS

STDLIB_FLOOR = """
import json, sys
countries, pad = sys.argv[1].split(","), ["x" * int(sys.argv[2])]
dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
write = sys.stdout.write
for number, line in enumerate(sys.stdin, 1):
    ident = json.loads(line).get("id")
    for country in countries:
        write(dumps({"id": ident, "line": number, "country": country, "verdict": "case_by_case",
                     "worst_case": "unlikely", "complete": False, "open_questions": pad}) + "\\n")
"""

ORJSON_FLOOR = """
import orjson, sys
countries, pad = sys.argv[1].split(","), ["x" * int(sys.argv[2])]
dumps, write = orjson.dumps, sys.stdout.buffer.write
for number, line in enumerate(sys.stdin.buffer, 1):
    ident = orjson.loads(line).get("id")
    for country in countries:
        write(dumps({"id": ident, "line": number, "country": country, "verdict": "case_by_case",
                     "worst_case": "unlikely", "complete": False, "open_questions": pad}) + b"\\n")
"""

TARGETS = {
    "jobs": 1.8,
    "orjson": 3.0,
    "rss_mb": 80.0,
    "rss_spread_mb": 5.0,
}
"""--jobs 2 at least 1.8x --jobs 1; --jobs 1 at most 3x the orjson floor; peak RSS per process
under 80 MB and within 5 MB from the smallest size to the largest."""

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


def run_once(
    command: list[str], *, stdin: Path | None = None, stdout: Path | None = None
) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run and of its waited-for children."""
    with open(stdin or os.devnull, "rb") as source, open(stdout or os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} exited {code}: {error}")
    return elapsed, usage.ru_maxrss


def countries() -> list[str]:
    result = subprocess.run([*MLIS, "list-countries", "--codes"], capture_output=True, text=True, check=True)
    return result.stdout.split()


def commands(data: Path, codes: list[str], floors: dict[str, Path], pad: int) -> dict[str, list[str]]:
    joined = ",".join(codes)
    return {
        "stdlib floor": [PYTHON, str(floors["stdlib floor"]), joined, str(pad)],
        "orjson floor": [PYTHON, str(floors["orjson floor"]), joined, str(pad)],
        "mlis --jobs 1": [*MLIS, "batch", str(data), "--all", "--jobs", "1"],
        "mlis --jobs 2": [*MLIS, "batch", str(data), "--all", "--jobs", "2"],
    }


def calibrate(data: Path, codes: list[str], floors: dict[str, Path], workdir: Path) -> tuple[int, str]:
    """The padding that gives the floors mlis's output bytes, and how close each comes."""
    sizes = {}
    for name, command in commands(data, codes, floors, 0).items():
        if name != "mlis --jobs 2":
            out = workdir / "calibration.out"
            run_once(command, stdin=data, stdout=out)
            sizes[name] = (out.stat().st_size, len(out.read_bytes().splitlines()))
    mine, records = sizes["mlis --jobs 1"]
    pad = max(0, round((mine - sizes["stdlib floor"][0]) / records))
    shown = []
    for name in ("stdlib floor", "orjson floor"):
        out = workdir / "calibration.out"
        run_once(commands(data, codes, floors, pad)[name], stdin=data, stdout=out)
        shown.append(f"{name} {out.stat().st_size / mine:.3f}")
    return pad, f"output bytes vs mlis ({records:,} records): " + ", ".join(shown)


def batch(sizes: list[int], rounds: dict[int, int], workdir: Path, inputs: Path) -> None:
    codes = countries()
    floors = {"stdlib floor": workdir / "stdlib_floor.py", "orjson floor": workdir / "orjson_floor.py"}
    floors["stdlib floor"].write_text(STDLIB_FLOOR, encoding="utf-8")
    floors["orjson floor"].write_text(ORJSON_FLOOR, encoding="utf-8")
    files = {}
    for size in sizes:
        files[size] = inputs / f"profiles-{size}.jsonl"
        if not files[size].exists():
            profiles(size, files[size])
    sample = workdir / "calibration.jsonl"  # the first 10,000 profiles: calibrating costs little
    with files[sizes[0]].open("rb") as whole:
        sample.write_bytes(b"".join(line for _, line in zip(range(10_000), whole, strict=False)))
    pad, closeness = calibrate(sample, codes, floors, workdir)
    print(f"batch: generated profiles x {len(codes)} countries, medians of shuffled rounds")
    print(f"  {closeness}")
    names = list(commands(files[sizes[0]], codes, floors, pad))
    header = "".join(f"{name:>15}" for name in names)
    ratios = f"{'j1/orjson':>11}{'j1/j2':>7}{'evals/s j2':>12}{'peak RSS':>10}"
    print(f"  {'profiles':>9}{'rounds':>7}{header}{ratios}")
    rng = random.Random(19)
    peaks: dict[int, float] = {}
    figures: dict[int, dict[str, float]] = {}
    for size in sizes:
        runs = commands(files[size], codes, floors, pad)
        times: dict[str, list[float]] = {name: [] for name in runs}
        peak = 0
        for _ in range(rounds[size]):
            order = list(runs)
            rng.shuffle(order)
            for name in order:
                elapsed, rss = run_once(runs[name], stdin=files[size])
                times[name].append(elapsed)
                if name.startswith("mlis"):
                    peak = max(peak, rss)
        medians = {name: statistics.median(values) for name, values in times.items()}
        figures[size], peaks[size] = medians, peak / 1024
        cells = "".join(f"{medians[name]:>14.2f}s" for name in names)
        orjson_ratio = medians["mlis --jobs 1"] / medians["orjson floor"]
        speedup = medians["mlis --jobs 1"] / medians["mlis --jobs 2"]
        rate = size * len(codes) / medians["mlis --jobs 2"]
        print(
            f"  {size:>9,}{rounds[size]:>7}{cells}{orjson_ratio:>10.2f}x{speedup:>6.2f}x"
            f"{rate:>12,.0f}{peaks[size]:>8.1f}MB"
        )
    largest = sizes[-1]
    medians = figures[largest]
    speedup = medians["mlis --jobs 1"] / medians["mlis --jobs 2"]
    orjson_ratio = medians["mlis --jobs 1"] / medians["orjson floor"]
    peak, spread = max(peaks.values()), max(peaks.values()) - min(peaks.values())
    verdicts = [
        (
            f"--jobs 2 >= {TARGETS['jobs']}x --jobs 1 at {largest:,}",
            speedup >= TARGETS["jobs"],
            f"{speedup:.2f}x",
        ),
        (
            f"--jobs 1 <= {TARGETS['orjson']}x the orjson floor at {largest:,}",
            orjson_ratio <= TARGETS["orjson"],
            f"{orjson_ratio:.2f}x",
        ),
        (f"peak RSS per process < {TARGETS['rss_mb']:.0f} MB", peak < TARGETS["rss_mb"], f"{peak:.1f} MB"),
        (
            f"peak RSS flat from {sizes[0]:,} to {largest:,} (within {TARGETS['rss_spread_mb']:.0f} MB)",
            spread <= TARGETS["rss_spread_mb"],
            f"spread {spread:.1f} MB",
        ),
    ]
    for text, met, figure in verdicts:
        print(f"  target {text}: {'met' if met else 'not met'} ({figure})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds; 10k and 100k profiles")
    parser.add_argument(
        "--rounds", type=int, default=None, help="start-up rounds (default 30, 8 with --quick)"
    )
    parser.add_argument("--sizes", default=None, help="profiles per batch run, comma-separated")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds per size below 1M")
    parser.add_argument("--big-rounds", type=int, default=1, help="rounds at 1M profiles and more")
    parser.add_argument("--inputs", type=Path, default=None, help="keep generated inputs in this directory")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    rounds = args.rounds or (8 if args.quick else 30)
    default = "10000,100000" if args.quick else "10000,100000,1000000"
    sizes = sorted(int(size) for size in (args.sizes or default).split(","))
    batch_rounds = {size: args.big_rounds if size >= 1_000_000 else args.batch_rounds for size in sizes}
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; mlis = {' '.join(MLIS)}")
    startup.compile_mlis()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        if not args.skip_startup:
            floors = startup.floor_scripts(workdir)
            for line in startup.report(startup.measure(rounds, floors), rounds):
                print(line, flush=True)
        if not args.skip_batch:
            inputs = args.inputs or workdir
            inputs.mkdir(parents=True, exist_ok=True)
            batch(sizes, batch_rounds, workdir, inputs)


if __name__ == "__main__":
    main()
