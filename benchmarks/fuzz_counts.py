"""How much hostile input mlis survives: generated profiles and mutated rule files, counted.

    python benchmarks/fuzz_counts.py                         # the counts MLIS_FUZZ selects (ci: 200 / 300)
    MLIS_FUZZ=deep python benchmarks/fuzz_counts.py          # 5,000 profiles, 20,000 mutations
    python benchmarks/fuzz_counts.py --profiles 1000 --mutations 2000 --first-seed 300
    python benchmarks/fuzz_counts.py --cache                 # rules cache on; hostile rules directories too
    python benchmarks/fuzz_counts.py --rounds 50             # 50 rounds of two concurrent profile sets

Runs the same generators and the same contract as the tests (tests/fuzzing.py),
but counts every outcome instead of stopping at the first failure, and prints
the figures. Exits 1 if any input crashed, broke the contract or hung.

With --cache, profiles and batches read the rules through the rules cache (in
a scratch cache and config directory) instead of loading them once, and seeded
hostile rules directories (pipes, links, directories named *.yaml, huge sparse
files) are checked twice each by `mlis check` in a process of its own, the
second time with the cache filled: each must be refused (exit 3) with the same
message both times, within the time limit.

The output channel: generated hostile text (escape sequences, bidirectional
overrides, rich markup, spreadsheet formulas) as batch ids and as a country's
name, written as text and CSV; no hidden character may reach the output and no
CSV cell may begin like a formula. Concurrency: rounds of two `mlis profile
set` processes of different facts at once; no fact may be lost.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
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


def output_channel(examples: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    scripting = REPO / "tests" / "fixtures" / "scripting"

    def judged(what: str, check: Callable[[], None]) -> None:
        try:
            check()
        except (AssertionError, ValueError) as error:
            counts["broke the contract"] += 1
            failures.append(f"{what}: {str(error)[:300]}")
        except Exception as error:
            counts["crashed"] += 1
            failures.append(f"{what}: {type(error).__name__}: {error}")
        else:
            counts[f"{what.split(' <-')[0]}: nothing hidden, no formula"] += 1

    @fuzz_settings(examples)
    @given(text=fuzzing.hostile_texts)
    def attempt(text: str) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "profiles.jsonl"
            lines = [{"id": text, "degree": "ala", "countries": [text]}, {"id": text, "degree": "ala"}]
            path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
            batch = ["batch", str(path), "-c", "xc", "--rules-dir", str(scripting), "-f", "csv"]
            judged(
                f"batch ids, csv <- {text!r}",
                lambda: fuzzing.assert_csv_output_contract(fuzzing.run_mlis(batch), ["open_questions"]),
            )
            rules = str(fuzzing.with_country_name(scripting, Path(scratch) / "rules", "xc", text))
            check = ["check", "--no-profile", "--degree", "ala", "-c", "xc,xd", "--rules-dir", rules]
            judged(
                f"country name, text <- {text!r}",
                lambda: fuzzing.assert_text_output_contract(fuzzing.run_mlis(check)),
            )
            judged(
                f"country name, csv <- {text!r}",
                lambda: fuzzing.assert_csv_output_contract(
                    fuzzing.run_mlis([*check, "-f", "csv"]), ["open_questions", "next_steps"]
                ),
            )

    attempt()
    return counts


def concurrency(rounds: int, first_seed: int, failures: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    rng = random.Random(first_seed)
    with tempfile.TemporaryDirectory() as scratch:
        environment = {**os.environ, "MLIS_CACHE_DIR": str(Path(scratch) / "cache")}
        for number in range(rounds):
            try:
                lost = fuzzing.concurrent_profile_sets(rng, Path(scratch) / "config", environment)
            except (AssertionError, subprocess.TimeoutExpired) as error:
                counts["crashed"] += 1
                failures.append(f"profile set round {number}: {str(error)[:300]}")
                continue
            if lost:
                counts["broke the contract"] += 1
                failures.append(f"profile set round {number}: lost {lost}")
            else:
                counts["both facts kept"] += 1
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
    parser.add_argument(
        "--rounds", type=int, default=20, help="rounds of two concurrent 'mlis profile set' (default 20)"
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
    loader.load = original_load  # the output channel reads rules of its own
    started = time.perf_counter()
    show(
        "output channel, text and csv",
        output_channel(args.profiles // 10, failures),
        time.perf_counter() - started,
    )
    scratch.cleanup()

    started = time.perf_counter()
    counts = concurrency(args.rounds, args.first_seed, failures)
    show("concurrent profile set, two processes", counts, time.perf_counter() - started)

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
