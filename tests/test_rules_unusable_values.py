"""Values YAML reads but mlis cannot use are located problems of `rules validate`, never a crash later."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import RULES


def test_a_review_date_in_year_9999_and_an_infinite_amount_are_refused(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "r"
    shutil.copytree(RULES, rules)
    fi = rules / "countries" / "fi.yaml"
    fi.write_text(fi.read_text().replace("reviewed: 2026-12-01", "reviewed: 9999-12-31", 1))
    certificates = rules / "certificates.yaml"
    lines = certificates.read_text().splitlines(keepends=True)
    assert lines[135] == "      amount: 1200\n"
    lines[135] = "      amount: .inf\n"
    certificates.write_text("".join(lines))
    run = mlis("rules", "validate", str(rules))
    problems = [line for line in run.stdout.splitlines() if ": warning: " not in line]
    assert run.exit_code == 1
    assert problems == [
        f"{rules}/certificates.yaml:136:15: certificates.calrbs-rare-books.cost.amount: "
        "input should be a finite number, got inf",
        f"{rules}/countries/fi.yaml:6:11: reviewed: input should be less than 9999-01-01, "
        "got datetime.date(9999, 12, 31)",
    ]
    check = mlis("check", "--degree", "ala", "-c", "fi", "--rules-dir", str(rules))
    assert check.exit_code == 3
