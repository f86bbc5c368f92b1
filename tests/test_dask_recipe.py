"""The README's Dask recipe, run as written on a small file with Dask's synchronous scheduler."""

from __future__ import annotations

import re
from pathlib import Path

import dask
import pytest

from tests.conftest import REPO

LINES = [
    '{"id": "ana", "degree": "ala", "citizenship": ["us"], "age": 35}',
    '{"id": 2, "degree": "cilip", "countries": ["Finland"], "languages": {"fi": "B2"}}',
    "",
    "{not json",
    '{"id": "cy", "degree": "phd"}',
    '{"degree": "ala", "stay": "long", "countries": "de"}\r',
    '{"id": "é", "degree": "alia", "citizenship": ["au", "gb"]}',
]


def recipe() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- dask-recipe -->\n```python\n(.*?)```", readme, re.DOTALL)
    assert block is not None, "the README has no Dask recipe"
    return block.group(1)


def test_the_dask_recipe_writes_what_mlis_batch_writes(  # type: ignore[no-untyped-def]
    mlis, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MLIS_TODAY")  # the recipe evaluates as of today, as mlis batch does without it
    monkeypatch.chdir(tmp_path)
    lines = [LINES[index % len(LINES)] for index in range(300)]
    cohort = tmp_path / "cohort.jsonl"
    cohort.write_bytes(("\n".join(lines) + "\n" + LINES[0]).encode() + b"\n\xff\xfe not utf-8")
    code = recipe()
    assert 'blocksize="64MiB"' in code
    small = code.replace('blocksize="64MiB"', "blocksize=2_000")  # many partitions from a small file
    with dask.config.set(scheduler="synchronous"):
        exec(compile(small, "README.md (dask-recipe)", "exec"), {"__name__": "recipe"})
    parts = sorted(Path("results").glob("*.jsonl"), key=lambda path: int(path.stem))
    assert len(parts) > 5
    written = b"".join(path.read_bytes() for path in parts).decode("utf-8", "surrogateescape")
    expected = mlis("batch", "cohort.jsonl", "-c", "fi,de")
    assert expected.exit_code == 2  # the bad lines
    assert written == expected.stdout
    assert '"line":302,"error"' in written  # the last line, without its newline, numbered across partitions
