"""Any output encoding: ASCII marks where the marks cannot be encoded, escapes in JSON and YAML, no crash.

On Windows a redirected stdout is cp1252; PYTHONIOENCODING may name any codec.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES

MLIS = str(Path(sys.executable).parent / "mlis")
FIXTURE = str(FIXTURES / "scripting")
ENCODINGS = ["ascii", "cp1252"]


def run(*args: str, encoding: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "MLIS_TODAY": "2026-12-01", "NO_COLOR": "1"}
    return subprocess.run(
        [MLIS, *args],
        env=env,
        input=stdin.encode("utf-8") if stdin is not None else None,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ((), "  ... Dorvian language: decided case by case or unlikely"),
        (("--lang", "de:C1"), "  ~ Dorvian language: decided case by case"),
        (("--lang", "en:native"), "  x Dorvian language: unlikely"),
        (("--details",), "  ... open Dorvian language (language): decided case by case or unlikely"),
        (("--lang", "en:native", "--details"), "  x not met Dorvian language (language): unlikely"),
    ],
)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_falls_back_to_ascii_marks(encoding: str, lang: tuple[str, ...], line: str) -> None:
    args = ("check", "--rules-dir", FIXTURE, "--no-profile", "--degree", "ala", "-c", "xd", *lang)
    done = run(*args, encoding=encoding)
    assert (done.returncode, done.stderr) == (0, b"")
    assert line in done.stdout.decode(encoding).splitlines()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_shipped_finland_answer_is_written_whole(encoding: str) -> None:
    args = (
        "check",
        "--no-profile",
        "--degree",
        "ala",
        "--country",
        "fi",
        "--citizenship",
        "us",
        "--stay",
        "long",
    )
    done = run(*args, encoding=encoding)
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode(encoding)
    assert "  ... Finnish or Swedish: eligible or decided case by case" in text.splitlines()
    assert not set("✓✗…") & set(text)
    assert text.count("\n") == run(*args, encoding="utf-8").stdout.decode("utf-8").count("\n")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_json_escapes_what_it_must_and_reads_back_the_same(encoding: str) -> None:
    done = run("show", "be", "--format", "json", encoding=encoding)
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout.decode(encoding)) == json.loads(
        run("show", "be", "--format", "json", encoding="utf-8").stdout
    )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_yaml_escapes_what_it_must_and_reads_back_the_same(encoding: str) -> None:
    done = run("show", "de", "--format", "yaml", encoding=encoding)
    assert (done.returncode, done.stderr) == (0, b"")
    assert yaml.safe_load(done.stdout.decode(encoding)) == yaml.safe_load(
        run("show", "de", "--format", "yaml", encoding="utf-8").stdout
    )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_batch_json_lines_keep_every_character_of_an_id(encoding: str) -> None:
    line = json.dumps({"id": "Zoë ✓ 😀", "degree": "ala"}, ensure_ascii=False) + "\n"
    done = run("batch", "-", "-c", "fi", encoding=encoding, stdin=line)
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout.decode(encoding))["id"] == "Zoë ✓ 😀"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_message_that_echoes_input_is_escaped_not_a_crash(encoding: str) -> None:
    done = run("check", "--no-profile", "--degree", "✓", "-c", "fi", encoding=encoding)
    assert done.returncode == 2
    assert done.stderr.decode(encoding).startswith("mlis: error: unknown degree '\\u2713': expected one of")
