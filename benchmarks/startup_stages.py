"""Where the start-up of one `mlis check` goes, stage by stage: medians over fresh processes.

    .venv/bin/python benchmarks/startup_stages.py [--runs N] [-- CHECK ARGS]

Each run starts a new interpreter, sets the cyclic collector as mlis's entry
point does, imports Typer and pydantic and builds the validator of one option
(what the floor of benchmarks/startup.py pays too), then runs `mlis check`
through its real entry point with timers around the command and the public
API's load_rules and evaluate. What Python does as it shuts down is not
timed.
Printed: the median milliseconds of each stage, and its share of the whole.
A measurement, not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

import startup

from mlis_cli.__main__ import COLLECT_EVERY

PROBE = (
    f"COLLECT_EVERY = {COLLECT_EVERY}\n"
    + r"""
import gc, json, os, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
gc.set_threshold(COLLECT_EVERY)  # as mlis's entry point sets it first
import typer, typer._adapters
from typer.models import OptionInfo
typer._adapters.try_build_adapter(str, OptionInfo())  # a Typer command's first option value
mark("Typer and pydantic (the floor pays these)")
import functools
from mlis_cli import __main__ as entry, api
mark("mlis entry point and API")
from mlis_cli.commands import check as command
mark("check's module and its options")
inner = command.check
@functools.wraps(inner)
def timed_check(*args, **options):
    mark("Typer parses the command line")
    return inner(*args, **options)
command.check = timed_check
load_rules, evaluate = api.load_rules, api.evaluate
def timed_load(*args, **options):
    mark("check's imports, saved profile")
    rules = load_rules(*args, **options)
    mark("rules from the cache")
    return rules
def timed_evaluate(*args, **options):
    mark("profile and countries")
    report = evaluate(*args, **options)
    mark("evaluation (with what-if for JSON)")
    return report
api.load_rules, api.evaluate = timed_load, timed_evaluate
sys.stdout = open(os.devnull, "w")
entry.main(["check", *sys.argv[1:]])
sys.stdout.flush()
mark("rendering and writing")
sys.stderr.write(json.dumps([(name, (at - marks[i][1]) * 1000) for i, (name, at) in enumerate(marks[1:])]))
"""
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("args", nargs="*", default=["--degree", "ala", "-c", "fi", "--format", "json"])
    options = parser.parse_args()
    startup.compile_mlis()
    stages: dict[str, list[float]] = {}
    env = {**os.environ, "MLIS_TODAY": os.environ.get("MLIS_TODAY", "2026-12-01")}
    for run in range(options.runs + 1):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *options.args], capture_output=True, text=True, env=env, check=True
        )
        if run == 0:
            continue  # warms the file cache and the rules cache
        for name, elapsed in json.loads(result.stderr):
            stages.setdefault(name, []).append(elapsed)
    medians = {name: statistics.median(values) for name, values in stages.items()}
    total = sum(medians.values())
    shown = " ".join(options.args)
    print(f"mlis check {shown}: median of {options.runs} runs, in one process after Python starts")
    for name, value in medians.items():
        print(f"  {name:<44}{value:>8.1f} ms {value / total:>6.0%}")
    print(f"  {'total':<44}{total:>8.1f} ms")


if __name__ == "__main__":
    main()
