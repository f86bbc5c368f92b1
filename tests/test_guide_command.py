"""mlis guide: guidance that applies in any country, each point with its sources and their reliability."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlis_cli.commands.shared import load_rules
from tests.conftest import FIXTURES
from tests.test_completion import bash_completion

GUIDES = """\
guides:
  abroad:
    title: Working abroad, in any country
    sector: school
    summary: What the sources say wherever you go.
    sections:
      - heading: Before you go
        points:
          - text: Read the founding post.
            sources: [places-youll-go]
          - text: Add a certificate after the MLIS.
            sources: [lj-after-the-mlis, places-youll-go]
"""


@pytest.fixture
def guided(tmp_path: Path) -> Path:
    """The two-country fixture rules with a small guides.yaml."""
    directory = tmp_path / "rules"
    shutil.copytree(FIXTURES / "two-countries", directory)
    (directory / "guides.yaml").write_text(GUIDES, encoding="utf-8")
    return directory


def test_the_list_names_each_guide_and_its_sector(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "--rules-dir", str(guided))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == "abroad: Working abroad, in any country\n    For --sector school.\n"


def test_a_guide_in_full_shows_each_point_with_its_sources_reliability_and_date(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "abroad", "--rules-dir", str(guided))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "abroad: Working abroad, in any country\n"
        "  What the sources say wherever you go.\n"
        "\n"
        "  Before you go\n"
        "    - Read the founding post. [places-youll-go, weak, no date]\n"
        "    - Add a certificate after the MLIS. [lj-after-the-mlis, secondary, no date; places-youll-go,\n"
        "      weak, no date]\n"
        "\n"
        "  Sources\n"
        '    - [places-youll-go] "Oh, the Places You\'ll Go (with your MLIS)!", Hack Library School, no\n'
        "      address recorded, no date, weak\n"
        '    - [lj-after-the-mlis] "After the MLIS", Library Journal (Jennifer A. Dixon), no address\n'
        "      recorded, no date, secondary\n"
    )


def test_a_guide_as_json_gives_sections_points_and_every_source_described(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "abroad", "--rules-dir", str(guided), "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    assert json.loads(run.stdout) == {
        "name": "abroad",
        "title": "Working abroad, in any country",
        "sector": "school",
        "summary": "What the sources say wherever you go.",
        "sections": [
            {
                "heading": "Before you go",
                "points": [
                    {"text": "Read the founding post.", "sources": ["places-youll-go"]},
                    {
                        "text": "Add a certificate after the MLIS.",
                        "sources": ["lj-after-the-mlis", "places-youll-go"],
                    },
                ],
            }
        ],
        "sources": ["places-youll-go", "lj-after-the-mlis"],
        "references": [
            {
                "id": "places-youll-go",
                "title": "Oh, the Places You'll Go (with your MLIS)!",
                "publisher": "Hack Library School",
                "url": None,
                "date": "nd",
                "reliability": "weak",
            },
            {
                "id": "lj-after-the-mlis",
                "title": "After the MLIS",
                "publisher": "Library Journal (Jennifer A. Dixon)",
                "url": None,
                "date": "nd",
                "reliability": "secondary",
            },
        ],
    }


def test_the_list_as_csv_is_one_row_per_guide(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "--rules-dir", str(guided), "--format", "csv")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "name,title,sector,sources\n"
        'abroad,"Working abroad, in any country",school,"[""places-youll-go"", ""lj-after-the-mlis""]"\n'
    )


def test_the_sector_a_guide_speaks_of_finds_it(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    by_sector = mlis("guide", "school", "--rules-dir", str(guided), "--json")
    by_name = mlis("guide", "abroad", "--rules-dir", str(guided), "--json")
    assert by_sector.exit_code == 0
    assert by_sector.stdout == by_name.stdout


def test_an_unknown_guide_is_a_usage_error_naming_the_guides(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "abraod", "--rules-dir", str(guided))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "mlis: error: unknown guide 'abraod': expected abroad (did you mean abroad?)\n"
    run = mlis("guide", "visas", "--rules-dir", str(guided))
    assert run.stderr == (
        "mlis: error: unknown guide 'visas': expected abroad (run 'mlis guide' to list the guides)\n"
    )


def test_rules_without_guides_say_so(mlis) -> None:  # type: ignore[no-untyped-def]
    two = str(FIXTURES / "two-countries")
    run = mlis("guide", "--rules-dir", two)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "These rules have no guides (guides.yaml is absent).\n",
        "",
    )
    assert mlis("guide", "--rules-dir", two, "--json").stdout == "[]\n"
    run = mlis("guide", "abroad", "--rules-dir", two)
    assert (run.exit_code, run.stderr) == (
        2,
        "mlis: error: unknown guide 'abroad': these rules have no guides\n",
    )


def test_a_guide_citing_an_unknown_source_is_a_located_problem(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    text = GUIDES.replace("sources: [places-youll-go]\n", "sources: [nowhere]\n")
    (guided / "guides.yaml").write_text(text, encoding="utf-8")
    run = mlis("rules", "validate", str(guided))
    assert run.exit_code == 1
    assert (
        f"{guided}/guides.yaml:10:23: guides.abroad.sections[0].points[0].sources[0]: "
        "unknown source id 'nowhere'; add it to sources.yaml\n"
    ) in run.stdout
    assert mlis("guide", "--rules-dir", str(guided)).exit_code == 3


def test_a_guide_with_an_unknown_key_or_no_points_is_refused(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    text = GUIDES.replace("    sector: school\n", "    sector: school\n    country: fi\n")
    (guided / "guides.yaml").write_text(text, encoding="utf-8")
    run = mlis("rules", "validate", str(guided))
    assert run.exit_code == 1
    assert "guides.abroad.country: unknown key 'country'" in run.stdout


# --- The shipped guide ---


def test_the_shipped_guide_lists_international_schools(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "international-schools: Librarian posts in international schools, in any country\n"
        "    For --sector international-school.\n"
    )


def test_the_international_schools_guide_says_what_schools_ask_with_each_source_marked(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("guide", "international-schools")
    assert (run.exit_code, run.stderr) == (0, "")
    lines = run.stdout.splitlines()
    assert lines[:7] == [
        "international-schools: Librarian posts in international schools, in any country",
        "  The founding post of 2012 points to a path that works in any country: the library of an",
        "  international school. This is what the sources say about it wherever the school is. For a country",
        "  with rules, mlis check --sector international-school --country CODE gives the answer there: the",
        "  school judges your qualifications, and the host country's right-to-work rules still apply (the",
        "  school sponsors the permit, the country decides it).",
        "",
    ]
    headings = [line.strip() for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert [
        h
        for h in headings
        if h
        in {
            "What international schools are",
            "What the schools ask for",
            "Visas",
            "Recruiters, fairs and the hiring season",
            "Sources",
        }
    ] == [
        "What international schools are",
        "What the schools ask for",
        "Visas",
        "Recruiters, fairs and the hiring season",
        "Sources",
    ]
    visas = lines.index("  Visas")
    assert lines[visas + 1 : visas + 3] == [
        "    - Schools sponsor visas and work permits for their international hires and their dependants.",
        "      [intl-cis-faq-visas, official, no date]",
    ]


def test_the_shipped_guide_as_json_cites_only_described_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(mlis("guide", "international-school", "--json").stdout)
    assert document["name"] == "international-schools"
    assert document["sector"] == "international-school"
    cited = [s for section in document["sections"] for point in section["points"] for s in point["sources"]]
    assert document["sources"] == list(dict.fromkeys(cited))
    assert [reference["id"] for reference in document["references"]] == document["sources"]
    reliability = {reference["id"]: reference["reliability"] for reference in document["references"]}
    assert reliability["intl-iss-qualifications"] == "secondary"
    assert reliability["intl-cis-criteria"] == "official"
    assert reliability["intl-gibson-fairs-2015"] == "weak"
    assert document["sections"][2] == {
        "heading": "Visas",
        "points": [
            {
                "text": "Schools sponsor visas and work permits for their international hires and their "
                "dependants.",
                "sources": ["intl-cis-faq-visas"],
            },
            {
                "text": "A work visa needs an employer to sponsor it; an EU passport makes a candidate "
                "easier to employ for schools in Europe.",
                "sources": ["intl-search-work-visa"],
            },
            {
                "text": "After an offer the school starts the visa process; if your qualifications are "
                "not accepted in that country, the school should tell you it cannot employ you.",
                "sources": ["intl-tes-visa"],
            },
        ],
    }


# --- Completion of the guide's name ---


def test_the_guide_name_completes_from_the_rules(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "guide", "int")
    assert offered == ["international-schools"]
    _, offered, _ = bash_completion(monkeypatch, capsys, "mlis", "guide", "x")
    assert offered == []
    assert [guide.name for guide in load_rules(None).guides] == ["international-schools"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_with_the_script_loaded_completes_the_guide_name() -> None:
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "mlis").exists():
        pytest.skip("the mlis command is not installed beside this Python")
    script = (
        'eval "$(_MLIS_COMPLETE=source_bash mlis)"\n'
        "COMP_WORDS=(mlis guide int); COMP_CWORD=2\n"
        'COMP_LINE="mlis guide int"; COMP_POINT=${#COMP_LINE}\n'
        "_mlis_completion mlis int guide\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["international-schools"]


# --- A case points to a guide ---

SEE_ABROAD = "        reason: The association accepts ALA and CILIP degrees.\n        see: [{}]\n"


def point_to(directory: Path, reference: str) -> None:
    path = directory / "countries" / "xa.yaml"
    text = path.read_text(encoding="utf-8")
    old = "        reason: The association accepts ALA and CILIP degrees.\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, SEE_ABROAD.format(reference)), encoding="utf-8")


def test_a_case_can_point_to_a_guide_and_check_names_its_command(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    point_to(guided, "guide:abroad")
    run = mlis("check", "--rules-dir", str(guided), "-c", "xa", "--degree", "ala", "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    assert json.loads(run.stdout)["results"][0]["see"] == [
        {"ref": "guide:abroad", "command": "mlis guide abroad", "title": "Working abroad, in any country"}
    ]
    text = mlis("check", "--rules-dir", str(guided), "-c", "xa", "--degree", "ala").stdout
    assert "\n  See also\n    mlis guide abroad: Working abroad, in any country\n" in text


def test_a_case_pointing_to_an_unknown_guide_is_a_located_problem(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    point_to(guided, "guide:visas")
    run = mlis("rules", "validate", str(guided))
    assert run.exit_code == 1
    assert (
        f"{guided}/countries/xa.yaml:15:15: requirements[0].cases[0].see[0]: "
        "'guide:visas' names an unknown guide 'visas'; defined in guides.yaml: abroad\n"
    ) in run.stdout


def test_pointing_to_a_guide_needs_the_guides_file(mlis, guided: Path) -> None:  # type: ignore[no-untyped-def]
    point_to(guided, "guide:abroad")
    (guided / "guides.yaml").unlink()
    run = mlis("rules", "validate", str(guided))
    assert run.exit_code == 1
    assert (
        f"{guided}/countries/xa.yaml:15:15: requirements[0].cases[0].see[0]: "
        "'guide:abroad' points to guides.yaml, which this rules directory does not have\n"
    ) in run.stdout


def test_every_shipped_international_school_case_on_the_degree_points_to_the_guide(mlis) -> None:  # type: ignore[no-untyped-def]
    for code in [country for country in load_rules(None).countries]:
        for degree in ("ala", "none"):
            run = mlis(
                "check",
                "-c",
                code,
                "--degree",
                degree,
                "--sector",
                "international-school",
                "--citizenship",
                "us",
                "--json",
            )
            refs = [link["ref"] for link in json.loads(run.stdout)["results"][0]["see"]]
            assert "guide:international-schools" in refs, (code, degree)
