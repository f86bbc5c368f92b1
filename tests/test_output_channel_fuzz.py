"""Generated hostile text in batch ids and in rule text never reaches a terminal or a spreadsheet
as something it acts on (tests/fuzzing.py; MLIS_FUZZ=deep tries many more)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings

from tests import fuzzing
from tests.conftest import FIXTURES

EXAMPLES = fuzzing.count("profiles") // 10


@settings(max_examples=EXAMPLES)
@given(ids=fuzzing.hostile_texts)
def test_hostile_batch_ids_in_csv(tmp_path: Path, ids: str) -> None:
    path = tmp_path / "profiles.jsonl"
    line = json.dumps({"id": ids, "degree": "ala", "countries": [ids]})
    path.write_text(f"{line}\n" + json.dumps({"id": ids, "degree": "ala"}) + "\n", encoding="utf-8")
    scripting = str(FIXTURES / "scripting")
    outcome = fuzzing.run_mlis(["batch", str(path), "-c", "xc", "--rules-dir", scripting, "-f", "csv"])
    fuzzing.assert_csv_output_contract(outcome, ["open_questions"])


@settings(max_examples=EXAMPLES)
@given(name=fuzzing.hostile_texts)
def test_a_hostile_country_name_in_text_and_csv(tmp_path: Path, name: str) -> None:
    rules = str(fuzzing.with_country_name(FIXTURES / "scripting", tmp_path / "rules", "xc", name))
    check = ["check", "--no-profile", "--degree", "ala", "-c", "xc,xd", "--rules-dir", rules]
    fuzzing.assert_text_output_contract(fuzzing.run_mlis(check))
    fuzzing.assert_text_output_contract(fuzzing.run_mlis(["list-countries", "--rules-dir", rules]))
    fuzzing.assert_csv_output_contract(
        fuzzing.run_mlis([*check, "-f", "csv"]), ["open_questions", "next_steps"]
    )
