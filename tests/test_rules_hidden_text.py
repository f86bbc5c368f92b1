"""`rules validate` refuses a hidden character in any string of a rule file, located at the string."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import RULES


def test_hidden_characters_in_rule_text_are_located_problems(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "r"
    shutil.copytree(RULES, rules)
    edits = [
        ("countries/fi.yaml", "name: Finland\n", 'name: "Fin\\e[2Jland"\n'),
        ("countries/de.yaml", "aliases: [Deutschland]\n", "aliases: [Deutsch\u202eland]\n"),
        ("sources.yaml", "title: After the MLIS\n", 'title: "After\\u200bthe MLIS"\n'),
    ]
    for name, old, new in edits:
        path = rules / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    run = mlis("rules", "validate", str(rules))
    problems = [line for line in run.stdout.splitlines() if ": warning: " not in line]
    assert run.exit_code == 1
    assert problems == [
        f"{rules}/countries/de.yaml:3:11: aliases[0]: text holds \\u202e, an invisible format character; "
        "rule text must be visible as written",
        f"{rules}/countries/fi.yaml:2:7: name: text holds \\x1b, a control character; "
        "rule text must be visible as written",
        f"{rules}/sources.yaml:28:12: sources.lj-after-the-mlis.title: text holds \\u200b, an invisible "
        "format character; rule text must be visible as written",
    ]
    assert run.stderr == f"{rules}: 3 problems\n"
    # Commands still run on such rules, and show the characters escaped.
    check = mlis("check", "--no-profile", "--degree", "ala", "-c", "fi", "--rules-dir", str(rules))
    assert check.exit_code == 0 and "Fin\\x1b[2Jland" in check.stdout


def test_newline_and_tab_in_rule_text_are_fine(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "r"
    shutil.copytree(RULES, rules)
    fi = rules / "countries" / "fi.yaml"
    fi.write_text(fi.read_text(encoding="utf-8").replace("name: Finland\n", 'name: "Fin\\tland\\n"\n', 1))
    run = mlis("rules", "validate", str(rules))
    assert (run.exit_code, run.stderr) == (0, f"{rules}: no problems\n")
