"""`mlis sources`: every source with its age and the cases on it, the audit, and citation exports
read back with real parsers."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import bibtexparser
import pytest
import rispy

from tests.conftest import REPO
from tests.test_completion import bash_completion

SOURCES = """\
sources:
  places-youll-go:
    title: "Oh, the Places You'll Go (with your MLIS)!"
    publisher: Hack Library School
    url: https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/
    date: 2012-01-23
    reliability: weak
  your-europe-work-abroad:
    title: Working abroad
    publisher: European Union (Your Europe)
    url: https://europa.eu/
    date: nd
    reliability: official
  old-official:
    title: Statutes & rules, 100% of them
    publisher: "Atlantis Board #1"
    date: 2019-05-01
    reliability: official
  fresh-secondary:
    title: A recent article
    publisher: A newspaper
    url: https://news.example.org/2025/06/30/librarians
    date: 2025-06-30
    reliability: secondary
"""


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two countries; four sources: weak and old, undated on a home page, no address, unused."""
    monkeypatch.setenv("MLIS_TODAY", "2026-12-01")
    target = tmp_path / "rules"
    shutil.copytree(REPO / "tests" / "fixtures" / "two-countries", target)
    for name in ("degrees.yaml", "groups.yaml"):
        path = target / name
        path.write_text(
            re.sub(r"sources: \[[^\]]*\]", "sources: [places-youll-go]", path.read_text(encoding="utf-8")),
            encoding="utf-8",
        )
    (target / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    xa = target / "countries" / "xa.yaml"
    text = xa.read_text(encoding="utf-8")
    text = text.replace(
        "        steps: [Find an employer who will sponsor you.]\n        sources: [places-youll-go]",
        "        steps: [Find an employer who will sponsor you.]\n"
        "        sources: [places-youll-go, your-europe-work-abroad]",
    )
    xa.write_text(text, encoding="utf-8")
    xb = target / "countries" / "xb.yaml"
    text = xb.read_text(encoding="utf-8")
    xb.write_text(
        text.replace(
            "reason: Posts ask for good German.\n        sources: [places-youll-go]",
            "reason: Posts ask for good German.\n        sources: [places-youll-go, old-official]",
        ),
        encoding="utf-8",
    )
    return target


def test_text_lists_every_source_with_its_age_and_cases(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--rules-dir", str(directory))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "places-youll-go (weak, 2012-01-23, 14 years old)\n"
        "  Oh, the Places You'll Go (with your MLIS)!\n"
        "  Hack Library School\n"
        "  https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/\n"
        "  Cases: xa/degree/1, xa/degree/2, xa/work/2, xa/work/3, xb/language/1, xb/language/2\n"
        "\n"
        "your-europe-work-abroad (official, undated)\n"
        "  Working abroad\n"
        "  European Union (Your Europe)\n"
        "  https://europa.eu/\n"
        "  Cases: xa/work/1, xa/work/3\n"
        "\n"
        "old-official (official, 2019-05-01, 7 years old)\n"
        "  Statutes & rules, 100% of them\n"
        "  Atlantis Board #1\n"
        "  no address\n"
        "  Cases: xb/language/1\n"
        "\n"
        "fresh-secondary (secondary, 2025-06-30, 1 year old)\n"
        "  A recent article\n"
        "  A newspaper\n"
        "  https://news.example.org/2025/06/30/librarians\n"
        "  Cases: none\n"
    )


def test_json_gives_each_source_as_data(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(mlis("sources", "--rules-dir", str(directory), "--json").stdout)
    assert document[2] == {
        "id": "old-official",
        "title": "Statutes & rules, 100% of them",
        "publisher": "Atlantis Board #1",
        "url": None,
        "date": "2019-05-01",
        "reliability": "official",
        "age": 7,
        "cases": ["xb/language/1"],
    }
    assert [(s["id"], s["age"]) for s in document] == [
        ("places-youll-go", 14),
        ("your-europe-work-abroad", None),
        ("old-official", 7),
        ("fresh-secondary", 1),
    ]


def test_the_age_follows_the_evaluation_date(mlis, directory: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MLIS_TODAY", "2026-01-22")
    document = json.loads(mlis("sources", "--rules-dir", str(directory), "--json").stdout)
    assert document[0]["age"] == 13


def test_csv_writes_the_cases_as_a_json_array(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    lines = mlis("sources", "--rules-dir", str(directory), "-f", "csv").stdout.splitlines()
    assert lines[0] == "id,title,publisher,url,date,reliability,age,cases"
    assert lines[2] == (
        "your-europe-work-abroad,Working abroad,European Union (Your Europe),https://europa.eu/,nd,"
        'official,,"[""xa/work/1"", ""xa/work/3""]"'
    )


def test_the_audit_in_text(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--audit", "--rules-dir", str(directory))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Undated sources (1)\n"
        "  your-europe-work-abroad\n"
        "\n"
        "Sources without an address (1)\n"
        "  old-official\n"
        "\n"
        "Sources whose address is a home page (1)\n"
        "  your-europe-work-abroad https://europa.eu/\n"
        "\n"
        "Outcomes resting only on weak sources (4)\n"
        "  xa/degree/1 (eligible): places-youll-go\n"
        "  xa/degree/2 (unknown): places-youll-go\n"
        "  xa/work/2 (conditional): places-youll-go\n"
        "  xb/language/2 (unlikely): places-youll-go\n"
        "\n"
        "Outcomes whose sources are all dated, the newest over 5 years old (5)\n"
        "  xa/degree/1 (eligible): newest 2012-01-23\n"
        "  xa/degree/2 (unknown): newest 2012-01-23\n"
        "  xa/work/2 (conditional): newest 2012-01-23\n"
        "  xb/language/1 (eligible): newest 2019-05-01\n"
        "  xb/language/2 (unlikely): newest 2012-01-23\n"
    )


def test_the_audit_in_json(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(mlis("sources", "--audit", "--rules-dir", str(directory), "--json").stdout)
    assert document["old"][-2] == {
        "case": "xb/language/1",
        "verdict": "eligible",
        "sources": ["places-youll-go", "old-official"],
        "newest": "2019-05-01",
    }
    assert document["home_page"] == [{"id": "your-europe-work-abroad", "url": "https://europa.eu/"}]
    assert [e["case"] for e in document["weak_only"]] == [
        "xa/degree/1",
        "xa/degree/2",
        "xa/work/2",
        "xb/language/2",
    ]


def test_bibtex_reads_back_with_a_bibtex_parser(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--rules-dir", str(directory), "--format", "bibtex")
    assert (run.exit_code, run.stderr) == (0, "")
    library = bibtexparser.parse_string(run.stdout)
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == ["places-youll-go", "your-europe-work-abroad", "old-official", "fresh-secondary"]
    old = entries["old-official"]
    assert old.entry_type == "misc"
    assert {name: field.value for name, field in old.fields_dict.items()} == {
        "title": r"Statutes \& rules, 100\% of them",
        "author": r"{Atlantis Board \#1}",
        "publisher": r"Atlantis Board \#1",
        "date": "2019-05-01",
        "year": "2019",
        "note": "Reliability: official",
    }
    assert entries["your-europe-work-abroad"].fields_dict["url"].value == "https://europa.eu/"
    assert "year" not in entries["your-europe-work-abroad"].fields_dict


def test_ris_reads_back_with_a_ris_parser(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--rules-dir", str(directory), "--format", "ris")
    assert (run.exit_code, run.stderr) == (0, "")
    records = rispy.loads(run.stdout)
    assert [r["id"] for r in records] == [
        "places-youll-go",
        "your-europe-work-abroad",
        "old-official",
        "fresh-secondary",
    ]
    assert records[0] == {
        "type_of_reference": "ELEC",
        "id": "places-youll-go",
        "title": "Oh, the Places You'll Go (with your MLIS)!",
        "publisher": "Hack Library School",
        "urls": ["https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/"],
        "year": "2012",
        "date": "2012/01/23",
        "notes": ["Reliability: weak"],
    }
    assert "urls" not in records[2]


def test_csl_json_has_the_required_fields(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--rules-dir", str(directory), "--format", "csl-json")
    items = json.loads(run.stdout)
    for item in items:
        assert isinstance(item["id"], str) and item["type"] == "webpage" and item["title"]
    assert items[0] == {
        "id": "places-youll-go",
        "type": "webpage",
        "title": "Oh, the Places You'll Go (with your MLIS)!",
        "author": [{"literal": "Hack Library School"}],
        "publisher": "Hack Library School",
        "URL": "https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/",
        "issued": {"date-parts": [[2012, 1, 23]]},
        "note": "Reliability: weak",
    }
    assert "issued" not in items[1] and "URL" not in items[2]


def test_an_export_with_the_audit_is_refused(mlis, directory: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("sources", "--audit", "--format", "ris", "--rules-dir", str(directory))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "mlis: error: --format ris exports citations; it does not go with --audit\n"


def test_the_shipped_sources_export_to_every_format(mlis) -> None:  # type: ignore[no-untyped-def]
    count = len(json.loads(mlis("sources", "--json").stdout))
    assert len(bibtexparser.parse_string(mlis("sources", "-f", "bibtex").stdout).entries) == count
    assert len(rispy.loads(mlis("sources", "-f", "ris").stdout)) == count
    assert len(json.loads(mlis("sources", "-f", "csl-json").stdout)) == count


def test_completion_knows_the_formats_and_the_audit(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "sources", "--format", "c")
    assert offered == ["csv", "csl-json"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "sources", "--au")
    assert offered == ["--audit"]


def test_mlis_help_lists_the_command(mlis) -> None:  # type: ignore[no-untyped-def]
    assert re.search(r"^│? *sources +Every source the rules cite", mlis("--help").stdout, re.MULTILINE)
