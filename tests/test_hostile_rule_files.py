"""Mutated rule files always give located problems or load cleanly; the YAML reader never crashes.

The mutations are seeded, so a failure names the seed that reproduces it.
MLIS_FUZZ=deep tries many more (tests/fuzzing.py).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlis_cli import yaml_strict
from mlis_cli.rulefiles import loader
from mlis_cli.rulefiles.rule_tests import run_all
from tests.conftest import RULES
from tests.fuzzing import FuzzRules, Mutation, assert_located, count, mutations


def test_mutated_shipped_rule_files_give_located_problems_or_load_cleanly(tmp_path: Path) -> None:
    fuzz = FuzzRules(RULES, tmp_path)
    for mutation in mutations(RULES, count("mutations")):
        try:
            problems = fuzz.problems(mutation)
            if not problems:
                # what validates must also compile and run its own test cases
                run_all(loader.load(fuzz.directory, "rules"))
        except Exception as error:
            pytest.fail(f"{mutation}: {type(error).__name__}: {error}")
        assert_located(mutation, problems, fuzz.directory)


def test_the_fuzz_directory_is_valid_before_any_mutation(tmp_path: Path) -> None:
    # otherwise every mutation would be judged against a directory already broken
    fuzz = FuzzRules(RULES, tmp_path)
    for name in [*fuzz.registries, *fuzz.countries]:
        original = Mutation(seed=-1, file=name, mutators=(), data=(RULES / name).read_bytes())
        assert fuzz.problems(original) == [], name


@given(st.text())
def test_any_text_reads_as_yaml_or_gives_a_located_error(text: str) -> None:
    try:
        yaml_strict.load(text)
    except yaml_strict.YamlError as error:
        assert error.mark.line >= 1 and error.mark.column >= 1
        assert error.message and "\n" not in error.message


@given(data=st.binary() | st.text().map(str.encode))
def test_any_bytes_as_a_country_file_give_located_problems(data: bytes) -> None:
    # a country file alone: the registries are reported missing, the file itself located
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        (directory / "countries").mkdir()
        (directory / "countries" / "xx.yaml").write_bytes(data)
        problems = loader.problems_in(directory, "rules")
    missing = [str(p) for p in problems if p.file != "rules/countries/xx.yaml"]
    required = sorted(set(loader.ROOT_FILES) - loader.OPTIONAL_FILES)
    assert missing == [f"rules/{name}:0:0: required file is missing" for name in required]
    located = [p for p in problems if p.file == "rules/countries/xx.yaml"]
    assert located, "arbitrary bytes are not a valid country file"
    lines = len(re.findall(rb"\r\n?|\n", data)) + 1
    for problem in located:
        assert 1 <= problem.line <= lines + 1 and problem.column >= 1, str(problem)
        assert problem.message and "\n" not in problem.message, str(problem)
