"""How fast `mlis batch` runs and how much memory it takes, for a number of generated profiles.

    .venv/bin/python benchmarks/batch_throughput.py [PROFILES] [--rules-dir DIR]

Writes PROFILES random but reproducible profiles to a temporary file, runs
`mlis batch FILE --all` once with the output to /dev/null, and prints the
country-evaluations per second (start-up included) and the peak resident
memory of the mlis process. Memory should not grow with PROFILES.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEGREES = ["ala", "cilip", "alia", "lianza", "lai", "other", "unaccredited", "none"]
CITIZENSHIPS = ["us", "ca", "gb", "au", "nz", "ie", "de", "fi", "in", "br"]
LEVELS = ["A2", "B1", "B2", "C1", "native"]


def profile(number: int, rng: random.Random) -> dict[str, object]:
    facts: dict[str, object] = {"id": number, "degree": rng.choice(DEGREES)}
    if rng.random() < 0.8:
        facts["citizenship"] = [rng.choice(CITIZENSHIPS)]
    if rng.random() < 0.5:
        facts["stay"] = rng.choice(["short", "long"])
    if rng.random() < 0.5:
        facts["age"] = rng.randint(22, 60)
    if rng.random() < 0.4:
        facts["languages"] = {rng.choice(["de", "fi", "da", "nl", "fr"]): rng.choice(LEVELS)}
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", type=int, nargs="?", default=100_000)
    parser.add_argument("--rules-dir", default=None)
    args = parser.parse_args()
    mlis = Path(sys.executable).parent / "mlis"
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "profiles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for number in range(args.profiles):
                out.write(json.dumps(profile(number, rng)) + "\n")
        command = [str(mlis), "batch", str(source), "--all"]
        if args.rules_dir:
            command += ["--rules-dir", args.rules_dir]
        count_command = [*command, "--format", "csv"]
        started = time.perf_counter()
        with open("/dev/null", "w") as sink:
            subprocess.run(command, stdout=sink, check=False)
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rows = subprocess.run(count_command, capture_output=True, text=True, check=False).stdout
        evaluations = max(len(rows.splitlines()) - 1, 0)
    print(f"profiles: {args.profiles}")
    print(f"country evaluations: {evaluations}")
    print(f"seconds: {elapsed:.2f}")
    print(f"evaluations per second: {evaluations / elapsed:,.0f}")
    print(f"peak memory: {peak_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
