"""Language codes are read the same way wherever a profile comes from: a saved profile, a batch line."""

from __future__ import annotations

import os
from pathlib import Path

from tests.test_batch import batch, error, records


def test_a_batch_line_reads_three_letter_codes_and_names(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lines = '{"id": 1, "degree": "ala", "languages": {"ger": "C1"}}\n{"id": 2, "languages": ["xx:B2"]}\n'
    run = batch(mlis, monkeypatch, lines, "-c", "xd")
    assert records(run.stdout)[0]["open_questions"] == []
    assert records(run.stdout)[1] == error(
        2,
        2,
        "invalid-profile",
        "unknown language 'xx': expected an ISO 639 code such as de, deu or ger, "
        "or an English name such as German",
        "did you mean xh (Xhosa)?",
    )
    assert run.exit_code == 2


def test_a_saved_profile_stores_the_two_letter_code(mlis) -> None:  # type: ignore[no-untyped-def]
    path = Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"
    run = mlis("profile", "set", "lang", "deu:B2")
    assert (run.exit_code, run.stderr) == (0, f"languages: de:B2 (saved to {path})\n")
    assert "de: B2" in path.read_text(encoding="utf-8")
    refused = mlis("profile", "set", "lang", "ge:B2")
    assert (refused.exit_code, refused.stderr) == (
        2,
        "mlis: error: unknown language 'ge': expected an ISO 639 code such as de, deu or ger, or an "
        "English name such as German (did you mean ka (Georgian), de (German), ae (Avestan), "
        "be (Belarusian), ce (Chechen)?)\n",
    )
