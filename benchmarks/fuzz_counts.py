"""How much hostile input mlis survives: generated profiles and mutated rule files, counted.

    python benchmarks/fuzz_counts.py                         # the counts MLIS_FUZZ selects (ci: 200 / 300)
    MLIS_FUZZ=deep python benchmarks/fuzz_counts.py          # 5,000 profiles, 20,000 mutations
    python benchmarks/fuzz_counts.py --profiles 1000 --mutations 2000 --first-seed 300

Runs the same generators and the same contract as the tests (tests/fuzzing.py),
but counts every outcome instead of stopping at the first failure, and prints
the figures. Exits 1 if any input crashed or broke the contract.
"""

from __future__ import annotations

import argparse
import functools
import os
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

from mlis_cli import loader  # noqa: E402
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


def has_batch() -> bool:
    import typer

    from mlis_cli.cli import app

    return "batch" in getattr(typer.main.get_command(app), "commands", {})


def show(title: str, counts: Counter[str], seconds: float) -> None:
    tried = sum(counts.values())
    bad = counts["crashed"] + counts["broke the contract"]
    print(f"{title}: {tried:,} tried in {seconds:.1f}s, {bad:,} crashed or broke the contract")
    for outcome, number in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {number:>7,}  {outcome}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=fuzzing.count("profiles"))
    parser.add_argument("--mutations", type=int, default=fuzzing.count("mutations"))
    parser.add_argument("--first-seed", type=int, default=0, help="first mutation seed (default 0)")
    args = parser.parse_args()
    failures: list[str] = []
    print(f"python {sys.version.split()[0]}; rules from {RULES}; MLIS_FUZZ={fuzzing.fuzz_level()}")

    original_load = loader.load
    loader.load = functools.cache(original_load)  # the profiles are the subject; read the rules once
    started = time.perf_counter()
    show("mlis check --profile -", profiles(args.profiles, failures), time.perf_counter() - started)
    if has_batch():
        started = time.perf_counter()
        show("mlis batch FILE --all", batches(args.profiles, failures), time.perf_counter() - started)
    else:
        print("mlis batch: not in this version; skipped")
    loader.load = original_load

    started = time.perf_counter()
    counts = mutations(args.mutations, args.first_seed, failures)
    show("mutated rule files", counts, time.perf_counter() - started)
    for failure in failures[:20]:
        print(f"  FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
