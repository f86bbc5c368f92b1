"""A batch input that is no UTF-8 JSON Lines is refused with one line, and never read forever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")
LINES = '{"id": "a", "degree": "ala"}\n{"id": "b", "degree": "ala"}\n'


@pytest.mark.parametrize(
    ("codec", "encoding"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32"), ("utf-32-be", "UTF-32")],
)
def test_a_utf16_or_utf32_file_is_refused_from_line_1(
    mlis, tmp_path: Path, codec: str, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    data = LINES.encode(codec)
    if not codec.endswith("-be"):
        assert data[:2] == b"\xff\xfe"  # Python's own codec writes the mark, as Windows editors do
    else:
        data = ("\ufeff" + LINES).encode(codec)
    path = tmp_path / "class.jsonl"
    path.write_bytes(data)
    run = mlis("batch", str(path), "-c", "xc", "--rules-dir", RULES)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.count("\n") == 1
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": f"line 1: the input is {encoding} text (it begins with a byte order mark); "
            "mlis batch reads UTF-8",
            "hint": f"convert it first, e.g. iconv -f {encoding} -t UTF-8 FILE",
        }
    }


def test_a_utf8_byte_order_mark_is_read_past(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_bytes(LINES.encode("utf-8-sig"))
    run = mlis("batch", str(path), "-c", "xc", "--rules-dir", RULES)
    assert (run.exit_code, run.stderr) == (0, "")
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["a", "b"]


def test_a_line_in_utf16_without_a_mark_is_no_json(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.jsonl"
    path.write_bytes(b'{"degree": "ala"}\n' + '{"degree": "ala"}'.encode("utf-16-le") + b"\n")
    run = mlis("batch", str(path), "-c", "xc", "--rules-dir", RULES)
    assert run.exit_code == 2
    assert json.loads(run.stdout.splitlines()[1])["error"]["message"] == (
        "not valid JSON: Expecting property name enclosed in double quotes at column 2"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_ends_with_one_error_record_and_one_line(tmp_path: Path) -> None:
    environment = {**os.environ, "MLIS_CONFIG_DIR": str(tmp_path / "config"), "MLIS_CACHE_DIR": "off"}
    run = subprocess.run(
        [sys.executable, "-m", "mlis_cli", "batch", "/dev/zero", "-c", "xc", "--rules-dir", RULES],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stdout == (
        '{"id":null,"line":1,"error":{"code":"invalid-json",'
        '"message":"the line is longer than 1048576 bytes (1 MiB)","hint":null}}\n'
    )
    assert run.stderr == (
        '{"error": {"code": "usage", "message": "line 1: no line end in 64 MiB: '
        'this input is not JSON Lines", '
        '"hint": "give one JSON object per line"}}\n'
    )
