"""How long `mlis rules diff` takes when every country changes, against how many classes it compares.

    .venv/bin/python benchmarks/rules_diff.py [--rules-dir DIR]

Copies the rules and swaps the verdict of every country's first case, so that
no country is skipped, then runs `mlis rules diff OLD NEW --format json` once
and prints, side by side, the classes compared, the seconds taken and the
classes per second. A country over the bound is named, not timed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MLIS = Path(sys.executable).parent / "mlis"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules-dir", type=Path, default=REPO / "rules")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        new = Path(tmp) / "rules"
        shutil.copytree(args.rules_dir, new)
        for path in sorted((new / "countries").glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            swapped = re.sub(
                r"verdict: (\w+)",
                lambda m: "verdict: " + ("unlikely" if m.group(1) != "unlikely" else "eligible"),
                text,
                count=1,
            )
            path.write_text(swapped, encoding="utf-8")
        start = time.perf_counter()
        run = subprocess.run(
            [str(MLIS), "rules", "diff", str(args.rules_dir), str(new), "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
            env={"MLIS_TODAY": "2026-12-01", "PATH": str(MLIS.parent)},
        )
        seconds = time.perf_counter() - start
    document = json.loads(run.stdout)
    classes = sum(entry["classes"] for entry in document["compared"])
    print(f"{'countries':>10} {'classes':>8} {'changed':>8} {'seconds':>8} {'classes/s':>10}")
    print(
        f"{len(document['compared']):>10} {classes:>8} {len(document['changes']):>8} "
        f"{seconds:>8.1f} {classes / seconds:>10.0f}"
    )
    for entry in document["too_many"]:
        print(f"not compared: {entry['country']} ({entry['classes']} classes)")


if __name__ == "__main__":
    main()
