"""`mlis rules coverage`: cases no test reaches, sources no case cites, the kinds each country covers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import RULES
from tests.rulekit import country, rules_dir
from tests.test_completion import bash_completion

XT = country(
    "xt",
    """
    - id: recognition
      kind: review
      title: Recognition
      cases:
        - when: {degree: [ala]}
          verdict: eligible
          reason: Accepted.
          sources: [places-youll-go]
        - otherwise: true
          verdict: case_by_case
          reason: Assessed one by one.
          sources: [places-youll-go]
    - id: right-to-work
      kind: visa
      title: Right to work
      cases:
        - otherwise: true
          verdict: case_by_case
          reason: A visa.
          sources: [places-youll-go]
    """,
) + (
    "tests:\n"
    "  - name: An ALA degree is accepted\n"
    "    profile: {degree: ala}\n"
    "    expect: {verdict: eligible, worst_case: case_by_case}\n"
)


def _directory(tmp_path: Path) -> Path:
    """The shipped registries, one test country, and a source of its own that nothing cites."""
    directory = rules_dir(tmp_path, {"xt": XT})
    (directory / "sources.yaml").write_text(
        (RULES / "sources.yaml").read_text(encoding="utf-8") + "  xt-forgotten:\n"
        "    title: A page nobody cites\n"
        "    publisher: Test association\n"
        "    url: https://example.org/xt\n"
        "    date: 2020-01-01\n"
        "    reliability: official\n",
        encoding="utf-8",
    )
    return directory


def test_text_names_the_missed_case_the_grid_and_the_uncited_sources(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = _directory(tmp_path)
    run = mlis("rules", "coverage", str(directory))
    assert run.exit_code == 0
    text = run.stdout
    head, _, tail = text.partition("Sources no case cites\n")
    assert head == (
        "Cases reached by a test: 2 of 3 (66.7%)\n"
        "\n"
        "Requirement kinds each country covers (-: the file is silent)\n"
        "    accreditation  language  nationality  visa  review\n"
        "xt  -              -         -            yes   yes\n"
        "\n"
        "Cases no test reaches\n"
        "  xt recognition case 2 (otherwise)\n"
        "\n"
        "A country's own sources none of its cases cites\n"
        "  xt xt-forgotten\n"
        "\n"
    )
    lines = tail.splitlines()
    assert lines[-1] == "  xt-forgotten"
    assert "  places-youll-go" not in lines
    # Only xt is loaded: the shipped countries' sources are cited by no case here. A degree
    # cites this one; certificates.yaml, which cites lj-after-the-mlis, is not in the directory.
    assert "  wikihow-mls-online (a degree, group, certificate or guide cites it)" in lines
    assert "  lj-after-the-mlis" in lines


def test_json_gives_the_same_facts(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "coverage", str(_directory(tmp_path)), "--json")
    document = json.loads(run.stdout)
    assert {key: document[key] for key in ("cases", "reached", "percent", "countries")} == {
        "cases": 3,
        "reached": 2,
        "percent": 66.7,
        "countries": [
            {
                "code": "xt",
                "name": "Testland xt",
                "cases": 3,
                "reached": 2,
                "missed": [{"requirement": "recognition", "case": 2, "description": "otherwise"}],
                "kinds": {
                    "accreditation": [],
                    "language": [],
                    "nationality": [],
                    "visa": ["right-to-work"],
                    "review": ["recognition"],
                },
                "uncited_sources": ["xt-forgotten"],
            }
        ],
    }
    assert document["uncited_sources"][-1] == {"id": "xt-forgotten", "cited_elsewhere": False}


def test_fail_under_exits_1_below_the_threshold_and_0_at_it(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = _directory(tmp_path)
    run = mlis("rules", "coverage", str(directory), "--fail-under", "70", "--json")
    assert run.exit_code == 1
    assert run.stderr == "mlis: case coverage 66.7% is below 70%\n"
    assert json.loads(run.stdout)["reached"] == 2
    run = mlis("rules", "coverage", str(directory), "--fail-under", "66.6")
    assert (run.exit_code, run.stderr) == (0, "")


def test_a_threshold_outside_0_to_100_is_refused(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "coverage", "--fail-under", "101")
    assert run.exit_code == 2
    assert "--fail-under" in run.stderr


def test_the_shipped_rules_reach_every_case_and_cite_every_country_source(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "coverage", "--fail-under", "100", "--json")
    assert run.exit_code == 0
    document = json.loads(run.stdout)
    assert document["percent"] == 100.0
    assert [c["code"] for c in document["countries"] if c["missed"] or c["uncited_sources"]] == []
    # What no case cites, a degree, group, certificate or guide does: nothing in sources.yaml is dead.
    assert all(entry["cited_elsewhere"] for entry in document["uncited_sources"])


def test_a_copy_of_the_shipped_rules_with_a_test_removed_loses_coverage(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    sg = directory / "countries" / "sg.yaml"
    text = sg.read_text(encoding="utf-8")
    sg.write_text(text[: text.index("\ntests:")] + "\ntests: []\n", encoding="utf-8")
    document = json.loads(mlis("rules", "coverage", str(directory), "--json").stdout)
    (singapore,) = (c for c in document["countries"] if c["code"] == "sg")
    assert (singapore["cases"] > 0, singapore["reached"]) == (True, 0)
    assert document["reached"] == document["cases"] - singapore["cases"]


def test_completion_offers_fail_under(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "rules", "coverage", "--fail")
    assert offered == ["--fail-under"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "rules", "cov")
    assert offered == ["coverage"]
