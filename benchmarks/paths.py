"""How much computing what-if paths costs, against a plain evaluation of the same profiles.

    .venv/bin/python benchmarks/paths.py [RULES_DIR]

Prints, per rules directory, the time of one evaluation and of the path search
for every country, for a few profiles, and the number of requirement
evaluations the search made. A measurement, not a test: nothing here fails.
"""

from __future__ import annotations

import datetime as dt
import sys
import timeit
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mlis_cli.engine import evaluation as engine
from mlis_cli.engine import what_if as paths
from mlis_cli.model.profile import Profile
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.schema import Level

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)
PROFILES = {
    "nothing known": Profile(),
    "ala, us": Profile(degree="ala", citizenship=("us",)),
    "ala, us, 28, de:A2, public, long": Profile(
        degree="ala",
        citizenship=("us",),
        age=28,
        languages={"de": Level.A2},
        sector="public",
        stay="long",
        phd=False,
        experience=1,
    ),
}


def main(directories: list[Path]) -> None:
    for directory in directories:
        ruleset = loader.load(directory, str(directory))
        codes = list(ruleset.countries)
        print(f"{directory}: {len(codes)} countries")
        for name, profile in PROFILES.items():
            report = engine.evaluate(ruleset, profile, codes, TODAY)
            plain = best_of(partial(engine.evaluate, ruleset, profile, codes, TODAY))
            search = best_of(partial(paths.with_paths, ruleset, report))
            found = paths.with_paths(ruleset, report)
            count = sum(len(r.what_if.paths) for r in found.results if r.what_if)
            print(
                f"  {name:36} evaluate {plain * 1000:7.2f} ms   paths {search * 1000:7.2f} ms   {count} paths"
            )


def best_of(call: Callable[[], object], number: int = 5, repeat: int = 5) -> float:
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


if __name__ == "__main__":
    given = [Path(arg).resolve() for arg in sys.argv[1:]]
    main(given or [ROOT / "rules", ROOT / "tests" / "fixtures" / "whatif-rules"])
