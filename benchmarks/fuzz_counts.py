"""How much hostile input mlis survives: generated profiles and mutated rule files, counted.

    python benchmarks/fuzz_counts.py                         # the counts MLIS_FUZZ selects (ci: 200 / 300)
    MLIS_FUZZ=deep python benchmarks/fuzz_counts.py          # 5,000 profiles, 20,000 mutations
    python benchmarks/fuzz_counts.py --profiles 1000 --mutations 2000 --first-seed 300
    python benchmarks/fuzz_counts.py --cache                 # rules cache on; hostile rules directories too

Runs the same generators and the same contract as the tests (tests/fuzzing.py),
but counts every outcome instead of stopping at the first failure, and prints
the figures. Exits 1 if any input crashed, broke the contract or hung.

With --cache, profiles and batches read the rules through the rules cache (in
a scratch cache and config directory) instead of loading them once, and seeded
hostile rules directories (pipes, links, directories named *.yaml, huge sparse
files) are checked twice each by `mlis check` in a process of its own, the
second time with the cache filled: each must be refused (exit 3) with the same
message both times, within the time limit.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.update({"MLIS_TODAY": "2026-11-22", "NO_COLOR": "1", "COLUMNS": "100"})
os.environ.pop("MLIS_RULES_DIR", None)

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from mlis_cli.rulefiles import loader  # noqa: E402
from mlis_cli.rulefiles.rule_tests import run_all  # noqa: E402
from tests import fuzzing  # noqa: E402

RULES = REPO / "rules"


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def profiles(examples: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()

    @fuzz_settings(examples)
    @given(text=fuzzing.profile_texts(), args=fuzzing.check_arguments())
    def attempt(text: str, args: list[str]) -> None:
        try:
            outcome = fuzzing.run_mlis(args, stdin=text)
        except Exception as error:  # main() let something escape
            counts["crashed"] += 1
            failures.append(f"check {args!r} <- {text[:200]!r}: {type(error).__name__}: {error}")
            return
        try:
            fuzzing.assert_check_contract(args, outcome)
        except AssertionError:
            counts["broke the contract"] += 1
            failures.append(
                f"check {args!r} <- {text[:200]!r}: exit {outcome.exit_code}: {outcome.stderr[-300:]}"
            )
            return
        counts["answered with a verdict" if outcome.exit_code == 0 else "refused with a usage error"] += 1

    attempt()
    return counts


def batches(examples: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()

    @fuzz_settings(examples)
    @given(lines=fuzzing.batch_lines())
    def attempt(lines: str) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "profiles.jsonl"
            path.write_text(lines, encoding="utf-8")
            try:
                outcome = fuzzing.run_mlis(["batch", str(path), "--all"])
            except Exception as error:  # main() let something escape
                counts["crashed"] += 1
                failures.append(f"batch <- {lines[:200]!r}: {type(error).__name__}: {error}")
                return
        try:
            fuzzing.assert_batch_contract(outcome)
        except (AssertionError, ValueError):
            counts["broke the contract"] += 1
            failures.append(f"batch <- {lines[:200]!r}: exit {outcome.exit_code}: {outcome.stderr[-300:]}")
            return
        counts[f"exit {outcome.exit_code}"] += 1

    attempt()
    return counts


def mutations(total: int, first_seed: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        fuzz = fuzzing.FuzzRules(RULES, Path(scratch))
        for mutation in fuzzing.mutations(RULES, total, first_seed):
            try:
                problems = fuzz.problems(mutation)
                fuzzing.assert_located(mutation, problems, fuzz.directory)
                if not problems:
                    run_all(loader.load(fuzz.directory, "rules"))
            except AssertionError as error:
                counts["broke the contract"] += 1
                failures.append(f"{mutation}: {error}")
            except Exception as error:
                counts["crashed"] += 1
                failures.append(f"{mutation}: {type(error).__name__}: {error}")
            else:
                counts["loaded cleanly" if not problems else "gave located problems"] += 1
    return counts


HOSTILE_TIMEOUT = 10.0
"""Seconds a run of `mlis check` may take on a hostile rules directory before it counts as hung."""


def run_check(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(arguments, capture_output=True, text=True, env=environment, timeout=HOSTILE_TIMEOUT)


def hostile_directories(total: int, first_seed: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for seed in range(first_seed, first_seed + total):
        with tempfile.TemporaryDirectory() as scratch:
            rules = Path(scratch) / "rules"
            shutil.copytree(RULES, rules)
            outside = Path(scratch) / "outside"
            outside.mkdir()
            environment = {
                **os.environ,
                "MLIS_CACHE_DIR": str(Path(scratch) / "cache"),
                "MLIS_CONFIG_DIR": str(Path(scratch) / "config"),
            }
            arguments = [
                sys.executable,
                "-m",
                "mlis_cli",
                "check",
                "--rules-dir",
                str(rules),
                "--degree",
                "ala",
                "-c",
                "fi",
            ]

            done: list[str] = []
            try:
                clean = run_check(arguments, environment)
                done = fuzzing.hostile_directory(random.Random(seed), rules, outside)
                first, second = run_check(arguments, environment), run_check(arguments, environment)
            except subprocess.TimeoutExpired:
                counts["hung"] += 1
                failures.append(f"hostile directory {seed} {done}: no answer in {HOSTILE_TIMEOUT:.0f}s")
                continue
            same = (first.returncode, first.stderr) == (second.returncode, second.stderr)
            if clean.returncode == 0 and first.returncode == 3 and not first.stdout and same:
                counts["refused (exit 3), the same with the cache filled"] += 1
            else:
                counts["broke the contract"] += 1
                failures.append(
                    f"hostile directory {seed} {done}: exits {clean.returncode}, {first.returncode}, "
                    f"{second.returncode}: {second.stderr[-300:]}"
                )
    return counts


def has_batch() -> bool:
    import typer

    from mlis_cli.cli import app

    return "batch" in getattr(typer.main.get_command(app), "commands", {})


def show(title: str, counts: Counter[str], seconds: float) -> None:
    tried = sum(counts.values())
    bad = counts["crashed"] + counts["broke the contract"] + counts["hung"]
    print(f"{title}: {tried:,} tried in {seconds:.1f}s, {bad:,} crashed, broke the contract or hung")
    for outcome, number in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {number:>7,}  {outcome}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=fuzzing.count("profiles"))
    parser.add_argument("--mutations", type=int, default=fuzzing.count("mutations"))
    parser.add_argument("--first-seed", type=int, default=0, help="first mutation seed (default 0)")
    parser.add_argument("--cache", action="store_true", help="read the rules through the rules cache")
    parser.add_argument(
        "--directories",
        type=int,
        default=fuzzing.count("mutations") // 15,
        help="hostile rules directories to try with --cache",
    )
    args = parser.parse_args()
    failures: list[str] = []
    cache = "on" if args.cache else "off"
    level = fuzzing.fuzz_level()
    print(f"python {sys.version.split()[0]}; rules from {RULES}; MLIS_FUZZ={level}; cache {cache}")

    original_load = loader.load
    scratch = tempfile.TemporaryDirectory()
    if args.cache:
        os.environ["MLIS_CACHE_DIR"] = str(Path(scratch.name) / "cache")
        os.environ["MLIS_CONFIG_DIR"] = str(Path(scratch.name) / "config")
    else:
        os.environ["MLIS_CACHE_DIR"] = "off"
        loader.load = functools.cache(original_load)  # the profiles are the subject; read the rules once
    started = time.perf_counter()
    show("mlis check --profile -", profiles(args.profiles, failures), time.perf_counter() - started)
    if has_batch():
        started = time.perf_counter()
        show("mlis batch FILE --all", batches(args.profiles, failures), time.perf_counter() - started)
    else:
        print("mlis batch: not in this version; skipped")
    loader.load = original_load
    scratch.cleanup()

    started = time.perf_counter()
    counts = mutations(args.mutations, args.first_seed, failures)
    show("mutated rule files", counts, time.perf_counter() - started)
    if args.cache:
        started = time.perf_counter()
        counts = hostile_directories(args.directories, args.first_seed, failures)
        show("hostile rules directories, cache on", counts, time.perf_counter() - started)
    for failure in failures[:20]:
        print(f"  FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
