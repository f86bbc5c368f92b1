"""Building large rules directories for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path


def many_rule_files(directory: Path, countries: int, empty: int, strays: int) -> tuple[list[str], ...]:
    """Valid two-letter country files, empty country files, and stray notes: sorted names of each.

    benchmarks/many_rule_files.py times the validation of such a directory.
    """
    (directory / "countries").mkdir()
    (directory / "notes").mkdir()
    codes = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"][:countries]
    for code in codes:
        (directory / "countries" / f"{code}.yaml").write_text(
            f'code: "{code}"\nname: Testland {code}\ngroup: more-hoops\nassociation: Test association\n'
            "reviewed: 2026-11-22\nrequirements:\n  - id: recognition\n    kind: review\n"
            "    title: Recognition\n    cases:\n      - otherwise: true\n        verdict: unknown\n"
            "        reason: The sources are silent.\n        looked_for: a recognition procedure\n"
            "        sources: [places-youll-go]\n"
            "  - id: right-to-work\n    kind: visa\n    title: Right to work\n    cases:\n"
            "      - otherwise: true\n        verdict: unknown\n        reason: No permit is named.\n"
            "        looked_for: a work permit\n        sources: [places-youll-go]\n",
            encoding="utf-8",
        )
    empties = [f"x{number:04}.yaml" for number in range(empty)]
    for name in empties:
        (directory / "countries" / name).write_bytes(b"")
    notes = [f"note-{number:04}.txt" for number in range(strays)]
    for name in notes:
        (directory / "notes" / name).write_text("a note\n", encoding="utf-8")
    return codes, empties, notes
