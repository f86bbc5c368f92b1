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
        "note": "ALA's own pages give different counts, from different years; each is given "
        "with its source. The Canadian programs below are those the sources name; "
        "ALA's directory is the current list.",
        "counts": [
            {
                "figure": 68,
                "counts": "ALA-accredited programs, at 64 institutions, 42 of them "
                "offering 100% online study",
                "stated": "nd",
                "note": "ALA's accreditation newsletter of Fall 2023, counting as of "
                "spring 2023; it also counts 1 program in candidacy.",
                "sources": ["ala-prism-2023"],
            },
            {
                "figure": 68,
                "counts": "ALA-accredited programs, at 64 institutions",
                "stated": "nd",
                "note": None,
                "sources": ["ala-accreditation-faq"],
            },
            {
                "figure": 63,
                "counts": "ALA-accredited programs, with 3 more seeking accreditation",
                "stated": "nd",
                "note": "Another ALA page; it disagrees with the other two counts.",
                "sources": ["ala-accredited-programs-count"],
            },
        ],
        "named": [
            {
                "institution": "University of Alberta",
                "country": "ca",
                "note": "The university calls it Canada's first online MLIS (2020).",
                "sources": ["ualberta-mlis-accreditation"],
            },
            {
                "institution": "University of British Columbia",
                "country": "ca",
                "note": "ALA placed its MLIS on conditional accreditation in February 2014.",
                "sources": ["ala-ottawa-accreditation"],
            },
            {
                "institution": "Dalhousie University",
                "country": "ca",
                "note": None,
                "sources": ["dal-mi-accreditation"],
            },
            {
                "institution": "McGill University",
                "country": "ca",
                "note": None,
                "sources": ["places-youll-go"],
            },
            {
                "institution": "Université de Montréal",
                "country": "ca",
                "note": "Teaches in French.",
                "sources": ["ebsi-ala-accreditation"],
            },
            {
                "institution": "University of Ottawa",
                "country": "ca",
                "note": "ALA announced its initial accreditation on 24 February 2014.",
                "sources": ["ala-ottawa-accreditation"],
            },
        ],
    },
    "sources": ["wikihow-mls-online", "ala-policy-54-2", "ucd-mlis"],
    "references": [
        {
            "id": "wikihow-mls-online",
            "title": "How to Get a Masters of Library Science (MLS) Degree Online",
            "publisher": "wikiHow (copy in an offline mirror)",
            "url": "http://75-3-247-200.lightspeed.sntcca.sbcglobal.net:81/en-wikihow/A/pages/get-a-masters-of-library-science-(mls)-degree-online.html",
            "date": "nd",
            "reliability": "weak",
        },
        {
            "id": "ala-policy-54-2",
            "title": "ALA Policy Manual B.9.2 Librarians: Appropriate Degrees (old number "
            "54.2), and B.9.2.1 Academic Librarians",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/aboutala/governance/policymanual/updatedpolicymanual/section2/54libpersonnel",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ucd-mlis",
            "title": "MLIS Library & Information Studies (programme page)",
            "publisher": "University College Dublin",
            "url": "https://hub.ucd.ie/usis/!W_HU_MENU.P_PUBLISH?p_tag=PROG&MAJR=W006",
            "date": "nd",
            "reliability": "secondary",
        },
        {
            "id": "ala-accredited-programs",
            "title": "Directory of ALA-Accredited and Candidate Programs",
            "publisher": "American Library Association",
            "url": "http://www.ala.org/educationcareers/accreditedprograms/directory",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ala-prism-2023",
            "title": "Prism, Fall 2023: accreditation by the numbers",
            "publisher": "ALA Office for Accreditation",
            "url": "https://ala.org/aboutala/offices/accreditation/prp/prism/prism_current",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ala-accreditation-faq",
            "title": "Accreditation Frequently Asked Questions (number of accredited programs)",
            "publisher": "American Library Association",
            "url": "http://www.ala.org/educationcareers/accreditedprograms/faq",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ala-accredited-programs-count",
            "title": "ALA-accredited programs (count of programs and candidates)",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/accreditedprograms/",
            "date": "nd",
            "reliability": "official",
        },
        {
            "id": "ualberta-mlis-accreditation",
            "title": "MLIS accreditation 2020",
            "publisher": "University of Alberta, School of Library and Information Studies",
            "url": "https://ualberta.ca/en/school-of-library-and-information-studies/slis-news/2020/june/accreditation-2020.html",
            "date": "nd",
            "reliability": "secondary",
        },
        {
            "id": "ala-ottawa-accreditation",
            "title": "COA announces accreditation actions taken at 2014 Midwinter Meeting",
            "publisher": "American Library Association",
            "url": "https://www.ala.org/news/2014/02/coa-announces-accreditation-actions-taken-2014-midwinter-meeting",
            "date": "2014-02-24",
            "reliability": "official",
        },
        {
            "id": "dal-mi-accreditation",
            "title": "Master of Information, accreditation",
            "publisher": "Dalhousie University",
            "url": "https://www.dal.ca/academics/programs/graduate/mi/about/accreditation.html",
            "date": "nd",
            "reliability": "secondary",
        },
        {
            "id": "places-youll-go",
            "title": "Oh, the Places You'll Go (with your MLIS)!",
            "publisher": "Hack Library School (Chris Eaker)",
            "url": "https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/",
            "date": "2012-01-23",
            "reliability": "weak",
        },
        {
            "id": "ebsi-ala-accreditation",
            "title": "Maîtrise en sciences de l'information (ALA-accredited, continued status)",
            "publisher": "Université de Montréal, EBSI",
            "url": "http://www.ebsi.umontreal.ca/programmes-cours/cycles-superieurs/maitrise-en-sciences-information/parcours-possibles/bibliotheque-specialisee/",
            "date": "nd",
            "reliability": "secondary",
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
       counts under ALA policy B.9.2 (formerly 54.2); a reader of the founding post suggests one
       from New Zealand or Australia. Another reader found that US postings asking for an
       ALA-accredited degree usually mean only that, while those saying "ALA-accredited or
       equivalent" are more open. [ala-policy-54-2, places-youll-go]

  Sources
    - [wikihow-mls-online] "How to Get a Masters of Library Science (MLS) Degree Online", wikiHow
      (copy in an offline mirror),
      http://75-3-247-200.lightspeed.sntcca.sbcglobal.net:81/en-wikihow/A/pages/get-a-masters-of-library-science-(mls)-degree-online.html,
      no date, weak
    - [ala-accredited-programs] "Directory of ALA-Accredited and Candidate Programs", American
      Library Association, http://www.ala.org/educationcareers/accreditedprograms/directory, no
      date, official
    - [places-youll-go] "Oh, the Places You'll Go (with your MLIS)!", Hack Library School (Chris
      Eaker), https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/,
      2012-01-23, weak
    - [ala-policy-54-2] "ALA Policy Manual B.9.2 Librarians: Appropriate Degrees (old number 54.2),
      and B.9.2.1 Academic Librarians", American Library Association,
      https://www.ala.org/aboutala/governance/policymanual/updatedpolicymanual/section2/54libpersonnel,
      no date, official
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
    run = mlis("degrees", "xyz", "--json")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "unknown degree 'xyz': expected one of ala, cilip, alia, lianza, lai, other, "
            "unaccredited, none",
            "hint": "run 'mlis degrees' to see what each code means",
        }
    }
