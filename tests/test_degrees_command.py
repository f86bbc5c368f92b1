"""mlis degrees: every code with how to check it; one code in full."""

from __future__ import annotations

import json

ALA_IN_FULL = {
    "code": "ala",
    "name": "ALA-accredited master's",
    "description": "A master's from a program accredited by the American Library Association "
    "(programs in the United States, Canada and Puerto Rico). The degree's name does "
    "not matter: MLS, MLIS, MS and others all count if the program is accredited.",
    "names": {
        "examples": [
            "Master of Library Science (MLS)",
            "Master of Library and Information Studies (MLIS)",
            "Master of Science (MS)",
        ],
        "note": 'Other names occur too: some schools do not even use the word "library" in the '
        "program's name.",
        "sources": ["wikihow-mls-online"],
    },
    "verify": [
        {
            "step": "Look the program up in ALA's directory of accredited programs. The directory "
            "can list only the programs that are 100% online or mostly online, which you "
            "can follow from abroad.",
            "sources": ["wikihow-mls-online", "ala-accredited-programs"],
        },
        {
            "step": "Check that the institution itself is accredited by an accreditor the U.S. "
            "Department of Education recognises; the Department publishes a database of "
            "accredited post-secondary institutions and programs. The sources held here "
            "say nothing of the same check for a Canadian institution.",
            "sources": ["wikihow-mls-online"],
        },
        {
            "step": "Judge by the accreditation, not by the degree's name: an MLS, an MLIS or an "
            "MS all count when the program is accredited.",
            "sources": ["wikihow-mls-online"],
        },
    ],
    "programs": {
        "note": "ALA's own pages disagree on how many programs it accredits; both counts are "
        "given. The Canadian programs below were named in 2014 and 2015; ALA's "
        "directory is the current list.",
        "counts": [
            {
                "figure": 63,
                "counts": "ALA-accredited programs, with 3 more seeking accreditation",
                "stated": "nd",
                "note": None,
                "sources": ["ala-accredited-programs"],
            },
            {
                "figure": 68,
                "counts": "ALA-accredited programs, at 64 institutions",
                "stated": "nd",
                "note": "Another ALA page; it disagrees with the directory's count.",
                "sources": ["ala-accreditation-faq"],
            },
        ],
        "named": [
            {
                "institution": "University of Alberta",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release"],
            },
            {
                "institution": "University of British Columbia",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release"],
            },
            {
                "institution": "Dalhousie University",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release"],
            },
            {
                "institution": "McGill University",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release", "places-youll-go"],
            },
            {
                "institution": "Université de Montréal",
                "country": "ca",
                "note": "Teaches in French.",
                "sources": ["montreal-ala-release"],
            },
            {
                "institution": "University of Ottawa",
                "country": "ca",
                "note": "ALA announced its initial accreditation on 24 February 2014.",
                "sources": ["montreal-ala-release", "ala-ottawa-accreditation"],
            },
            {
                "institution": "University of Toronto",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release"],
            },
            {
                "institution": "Western University",
                "country": "ca",
                "note": None,
                "sources": ["montreal-ala-release"],
            },
        ],
    },
    "sources": ["wikihow-mls-online", "ala-policy-54-2", "ucd-mlis"],
    "references": [
        {
            "id": "wikihow-mls-online",
            "title": "How to Get a Masters of Library Science (MLS) Degree Online",
            "publisher": "wikiHow",
            "url": None,
            "date": "nd",
            "reliability": "weak",
        },
        {
            "id": "ala-policy-54-2",
            "title": "ALA policy 54.2 and foreign credential evaluation",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ucd-mlis",
            "title": "UCD School of Information and Communication Studies, MLIS",
            "publisher": "University College Dublin",
            "url": "https://sisweb.ucd.ie/",
            "date": "nd",
            "reliability": "secondary",
        },
        {
            "id": "ala-accredited-programs",
            "title": "Directory of ALA-accredited programs",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/accreditedprograms",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ala-accreditation-faq",
            "title": "Accreditation frequently asked questions (number of accredited programs)",
            "publisher": "American Library Association",
            "url": None,
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "montreal-ala-release",
            "title": "Canadian ALA-accredited programs (Université de Montréal release)",
            "publisher": "Université de Montréal via clagov.wordpress.com",
            "url": "https://clagov.wordpress.com/",
            "date": "2015-02-12",
            "reliability": "secondary",
        },
        {
            "id": "places-youll-go",
            "title": "Oh, the Places You'll Go (with your MLIS)!",
            "publisher": "Hack Library School",
            "url": None,
            "date": "nd",
            "reliability": "weak",
        },
        {
            "id": "ala-ottawa-accreditation",
            "title": "University of Ottawa receives initial ALA accreditation",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/",
            "date": "2014-02-24",
            "reliability": "official",
        },
    ],
}

NONE_IN_TEXT = """\
none: No library degree
  No library and information degree, held or in progress.

  How to check it
    1. There is no degree to check. To find an accredited program, search ALA's directory of
       accredited programs; it can list only the programs that are 100% online or mostly online. A
       reader of the founding post whose ALA-accredited program is taught entirely online says you
       could study from anywhere, minding the time zones. [wikihow-mls-online,
       ala-accredited-programs, places-youll-go]
    2. A master's accredited or recognised by the appropriate national body of another country also
       counts under ALA policy 54.2; a reader of the founding post suggests one from New Zealand or
       Australia. Another reader found that US postings asking for an ALA-accredited degree usually
       mean only that, while those saying "ALA-accredited or equivalent" are more open.
       [ala-policy-54-2, places-youll-go]

  Sources
    - [wikihow-mls-online] "How to Get a Masters of Library Science (MLS) Degree Online", wikiHow,
      no address recorded, no date, weak
    - [ala-accredited-programs] "Directory of ALA-accredited programs", American Library
      Association, https://www.ala.org/accreditedprograms, no date, official
    - [places-youll-go] "Oh, the Places You'll Go (with your MLIS)!", Hack Library School, no
      address recorded, no date, weak
    - [ala-policy-54-2] "ALA policy 54.2 and foreign credential evaluation", American Library
      Association, https://www.ala.org/, no date, official
"""


LIST_START = """\
ala: ALA-accredited master's
    A master's from a program accredited by the American Library Association (programs in the United
    States, Canada and Puerto Rico). The degree's name does not matter: MLS, MLIS, MS and others all
    count if the program is accredited.
    How to check it
      1. Look the program up in ALA's directory of accredited programs. The directory can list only
"""


def test_degrees_ala_as_json_gives_the_code_in_full_with_every_source_described(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "ala", "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    assert json.loads(run.stdout) == ALA_IN_FULL


def test_a_code_is_read_in_any_case(mlis) -> None:  # type: ignore[no-untyped-def]
    assert mlis("degrees", "ALA", "--format", "json").stdout == mlis("degrees", "ala", "--json").stdout


def test_every_code_in_the_list_says_how_to_check_it_with_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    rows = json.loads(run.stdout)
    assert [row["code"] for row in rows] == [
        "ala",
        "cilip",
        "alia",
        "lianza",
        "lai",
        "other",
        "unaccredited",
        "none",
    ]
    for row in rows:
        assert list(row) == ["code", "name", "description", "verify", "sources"], row["code"]
        assert row["verify"], row["code"]
        for step in row["verify"]:
            assert list(step) == ["step", "sources"]
            assert step["sources"], (row["code"], step["step"])
    assert rows[6] == {
        "code": "unaccredited",
        "name": "Unaccredited library degree",
        "description": "A library and information degree from a program no national body accredits.",
        "verify": [
            {
                "step": "Check whether the program is accredited after all: look it up in ALA's directory "
                "of accredited programs (the United States, Canada and Puerto Rico), or elsewhere ask "
                "whether the country's national body accredits or recognises it.",
                "sources": ["wikihow-mls-online", "ala-accredited-programs", "ala-policy-54-2"],
            },
            {
                "step": "If it is not: ALA says its accreditation is not legally required, but employers "
                "widely require it, and some US states' certification of public librarians does. ALA's "
                "directory can list only the programs that are 100% online or mostly online, which you "
                "can follow from abroad.",
                "sources": [
                    "ala-job-seekers",
                    "us-state-certification",
                    "wikihow-mls-online",
                    "ala-accredited-programs",
                ],
            },
        ],
        "sources": ["wikihow-mls-online"],
    }


def test_degrees_none_in_text_shows_the_steps_their_sources_and_the_sources_described(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "none")
    assert (run.exit_code, run.stdout, run.stderr) == (0, NONE_IN_TEXT, "")


def test_the_list_in_text_numbers_each_codes_steps(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees")
    assert run.exit_code == 0
    assert run.stdout.startswith(LIST_START)
    assert "\nnone: No library degree\n" in run.stdout
    assert all(line == line.rstrip() for line in run.stdout.splitlines())


def test_an_unknown_code_is_a_usage_error_naming_the_nearest_codes(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "alaa")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: unknown degree 'alaa': expected one of ala, cilip, alia, lianza, lai, other, "
        "unaccredited, none (did you mean ala, alia, lianza?)\n"
    )


def test_an_unknown_code_with_json_is_a_json_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("degrees", "mls", "--json")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "unknown degree 'mls': expected one of ala, cilip, alia, lianza, lai, other, "
            "unaccredited, none",
            "hint": "run 'mlis degrees' to see what each code means",
        }
    }
