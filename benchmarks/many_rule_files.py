"""How long `mlis rules validate` takes on a rules directory with thousands of files. Prints; asserts nothing.

    python benchmarks/many_rule_files.py                 # 676 valid countries, 3,000 files in all
    python benchmarks/many_rule_files.py --files 10000 --rounds 5

The directory holds a valid country file for every two-letter code, empty
country files (each one problem) and stray notes (each one problem), as the
test of the same name builds on a smaller scale. Also times one largest
allowed file (1,000,000 bytes of rule data) and one over the cap.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mlis_cli import loader  # noqa: E402
from tests.rule_dirs import many_rule_files  # noqa: E402

RULES = REPO / "rules"


def timed(directory: Path, rounds: int) -> tuple[float, int]:
    times = []
    found = 0
    for _ in range(rounds):
        started = time.perf_counter()
        found = len(loader.problems_in(directory, "rules"))
        times.append(time.perf_counter() - started)
    return statistics.median(times), found


def registries(directory: Path) -> None:
    directory.mkdir()
    for name in loader.ROOT_FILES:
        shutil.copy(RULES / name, directory / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; median of {args.rounds} rounds")
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch) / "many"
        registries(directory)
        rest = max(args.files - 676 - 3, 0)
        many_rule_files(directory, countries=676, empty=rest // 2, strays=rest - rest // 2)
        total = sum(1 for path in directory.rglob("*") if path.is_file())
        seconds, found = timed(directory, args.rounds)
        print(f"rules validate, {total:,} files (676 valid countries): {seconds:.2f}s, {found:,} problems")
        print(f"  {total / seconds:,.0f} files/s")

        big = Path(scratch) / "big"
        registries(big)
        (big / "countries").mkdir()
        lines = "".join(f"  k{n:06}: value {n}\n" for n in range(60_000))
        text = ("extra:\n" + lines)[:999_000]
        text = text[: text.rfind("\n") + 1]
        (big / "countries" / "xx.yaml").write_text(text, encoding="utf-8")
        seconds, found = timed(big, args.rounds)
        size = (big / "countries" / "xx.yaml").stat().st_size
        print(f"one file of {size:,} bytes (~{text.count(chr(10)):,} keys): {seconds:.2f}s, {found} problems")
        (big / "countries" / "xx.yaml").write_text(text + "#" * 2_000, encoding="utf-8")
        seconds, found = timed(big, args.rounds)
        print(
            f"the same directory with that file over the cap: {seconds * 1000:.0f}ms (the file is not parsed)"
        )


if __name__ == "__main__":
    main()
