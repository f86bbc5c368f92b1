"""Start-up of mlis, side by side with a minimal Typer app: medians of shuffled rounds, ratios, targets.

    .venv/bin/python benchmarks/startup.py [--rounds N]

Each mlis command line is paired with the same request to a minimal Typer
application with one command (`check`, three options, a --version flag), the
floor every Typer CLI pays: its --version, --help, `check --help`, a bash
completion request for the command name, and a check that prints one line.
Every round runs all of them once, in a new random order, so that drift on a
shared machine hits all alike; the medians and their ratios are printed, with
each target as met or not met. A measurement, not a test: nothing here fails.

The targets are ratios to that app as any Typer CLI is written. mlis also
tunes Python's cyclic collector (mlis_cli.__main__.run: no collection while
start-up keeps what it makes, none of it at exit), which the floor does not;
the last two columns are the same app with the same two lines and mlis's
ratio to it, which shows what mlis's own work costs apart from that.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from mlis_cli.__main__ import COLLECT_EVERY

PYTHON = sys.executable
MLIS = (
    [str(Path(PYTHON).parent / "mlis")]
    if (Path(PYTHON).parent / "mlis").exists()
    else [PYTHON, "-m", "mlis_cli"]
)

TYPER_FLOOR = '''
from typing import Annotated
import typer

app = typer.Typer(add_completion=True, pretty_exceptions_enable=False, rich_markup_mode=None)


def version(value: bool) -> None:
    if value:
        print("floor 1.0")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=version, is_eager=True)] = False,
) -> None:
    """A minimal Typer application."""


@app.command()
def check(
    country: Annotated[list[str], typer.Option("--country", "-c")] = [],
    degree: Annotated[str | None, typer.Option()] = None,
    format: Annotated[str, typer.Option("--format")] = "text",
) -> None:
    """Print one line."""
    print("ok")


app(prog_name="floor")
'''

TUNED_FLOOR = TYPER_FLOOR.replace(
    "import typer\n", f"import gc\nimport typer\n\ngc.set_threshold({COLLECT_EVERY})\n"
).replace('app(prog_name="floor")', 'try:\n    app(prog_name="floor")\nfinally:\n    gc.freeze()')
"""The floor with the collector set as mlis sets it."""


class Case(NamedTuple):
    name: str
    mlis: list[str]
    floor: list[str]
    target: float
    completion: bool = False


ONE_COUNTRY = ("check", "--degree", "ala", "-c", "fi")
CASES = [
    Case("--version", ["--version"], ["--version"], 1.05),
    Case("--help", ["--help"], ["--help"], 1.05),
    Case("check --help", ["check", "--help"], ["check", "--help"], 1.05),
    Case("complete 'ch'", [], [], 1.05, completion=True),
    Case(
        "check --format json",
        ["check", "--degree", "ala", "-c", "fi", "--format", "json"],
        ["check", "--degree", "ala", "-c", "fi", "--format", "json"],
        1.10,
    ),
    Case(
        "check (text)",
        ["check", "--degree", "ala", "-c", "fi"],
        ["check", "--degree", "ala", "-c", "fi"],
        1.20,
    ),
    Case(
        "check --all (text)",
        ["check", "--degree", "ala", "--all"],
        ["check", "--degree", "ala", "-c", "fi"],
        1.40,
    ),
]


def completion_env(program: str) -> dict[str, str]:
    """The environment of a bash Tab press after `PROGRAM ch`."""
    return {f"_{program.upper()}_COMPLETE": "complete_bash", "COMP_WORDS": f"{program} ch", "COMP_CWORD": "1"}


def run_once(command: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run, its output discarded; a failure ends the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()}")
    return elapsed


def floor_scripts(directory: Path) -> tuple[Path, Path]:
    """The floor app and the same app with mlis's collector settings, written in directory."""
    written = []
    for name, script in (("floor.py", TYPER_FLOOR), ("tuned_floor.py", TUNED_FLOOR)):
        written.append(directory / name)
        written[-1].write_text(script, encoding="utf-8")
    return written[0], written[1]


def commands(floors: tuple[Path, Path]) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Every command line measured, by label: each case for mlis and for both floors, and `python -c pass`."""
    base = dict(os.environ)
    runs: dict[str, tuple[list[str], dict[str, str]]] = {"python -c pass": ([PYTHON, "-c", "pass"], base)}
    for case in CASES:
        mlis_env = {**base, **completion_env("mlis")} if case.completion else base
        floor_env = {**base, **completion_env("floor")} if case.completion else base
        runs[f"mlis {case.name}"] = ([*MLIS, *case.mlis], mlis_env)
        for label, script in zip(("floor", "tuned"), floors, strict=True):
            runs[f"{label} {case.name}"] = ([PYTHON, str(script), *case.floor], floor_env)
    return runs


def measure(rounds: int, floors: tuple[Path, Path], seed: int = 19) -> dict[str, float]:
    """The median wall seconds of each command line over shuffled rounds."""
    runs = commands(floors)
    for command, env in runs.values():  # warm the file cache and the rules cache
        run_once(command, env)
    times: dict[str, list[float]] = {label: [] for label in runs}
    order = list(runs)
    rng = random.Random(seed)
    for _ in range(rounds):
        rng.shuffle(order)
        for label in order:
            times[label].append(run_once(*runs[label]))
    return {label: statistics.median(values) for label, values in times.items()}


def report(medians: dict[str, float], rounds: int) -> list[str]:
    """The table: each case's median for mlis and the floor, the ratio, and the target met or not."""
    lines = [
        f"start-up: median of {rounds} shuffled rounds; floor = a one-command Typer app "
        f"(python -c pass: {medians['python -c pass'] * 1000:.1f} ms)",
        f"  {'command':<22}{'mlis':>10}{'floor':>10}{'ratio':>8}{'target':>8}  {'result':<9}"
        f"{'floor, gc as mlis':>19}{'ratio':>8}",
    ]
    for case in CASES:
        mine, floor = medians[f"mlis {case.name}"], medians[f"floor {case.name}"]
        tuned = medians[f"tuned {case.name}"]
        ratio = mine / floor
        verdict = "met" if ratio <= case.target else "not met"
        times = f"{mine * 1000:>8.1f}ms{floor * 1000:>8.1f}ms"
        beside = f"{tuned * 1000:>17.1f}ms{mine / tuned:>7.2f}x"
        lines.append(f"  {case.name:<22}{times}{ratio:>7.2f}x{case.target:>7.2f}x  {verdict:<9}{beside}")
    return lines


def compile_mlis() -> None:
    """Write mlis's bytecode, as installing a wheel does: an editable install run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every changed module at every start,
    while the floor's Typer and pydantic come compiled."""
    import compileall

    import mlis_cli

    compileall.compile_dir(Path(mlis_cli.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    compile_mlis()
    with tempfile.TemporaryDirectory() as temporary:
        floors = floor_scripts(Path(temporary))
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; mlis = {' '.join(MLIS)}")
        for line in report(measure(args.rounds, floors), args.rounds):
            print(line)


if __name__ == "__main__":
    main()
