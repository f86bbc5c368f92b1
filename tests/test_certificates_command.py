"""mlis certificates: the shipped certificates, each filter, and what a filter leaves out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlis_cli.rulefiles import loader
from tests.conftest import RULES

LJ = ["lj-after-the-mlis"]
ARIZONA_AID = {
    "note": "Not eligible for traditional financial aid and no departmental funding, because certificates "
    "do not earn a degree; most certificate students pay out of pocket.",
    "sources": LJ,
}
SCHOLARSHIPS = {
    "note": "Scholarships through the program and partner organizations cover tuition; recipients still "
    "pay expenses such as travel.",
    "sources": LJ,
}
STARTED_2021 = (
    "Started in 2021; growing very quickly, according to a faculty member of the School of Information."
)
CALRBS = "California Rare Book School (CalRBS), UCLA School of Education and Information Studies"
CALRBS_TOPICS = [
    "preservation",
    "history of the book",
    "descriptive bibliography",
    "pedagogy",
    "critical theory",
    "activism",
]
CALRBS_COST = {
    "amount": 1200,
    "currency": "USD",
    "per": "course",
    "courses": 5,
    "certificate_total": 6000,
    "stated": "nd",
    "note": "Tuition of one course; the certificate requires five courses, each five days of programming.",
    "sources": LJ,
}
CALRBS_NOTE = (
    "Awarded after five CalRBS courses; the courses vary from year to year. The article lists the topics "
    "from preservation to activism for CalRBS's two certificates together, not for each."
)
SJSU = "San José State University (SJSU) School of Information"


def arizona(key: str, certificate: str, topics: list[str], note: str | None = None) -> dict[str, object]:
    return {
        "id": key,
        "provider": "University of Arizona",
        "certificate": certificate,
        "topics": topics,
        "delivery": None,
        "cost": None,
        "financial_aid": ARIZONA_AID,
        "note": note,
        "sources": LJ,
    }


CERTIFICATES = {
    "arizona-archival-studies": arizona(
        "arizona-archival-studies", "Graduate certificate in archival studies", ["archival studies"]
    ),
    "arizona-legal-information": arizona(
        "arizona-legal-information", "Graduate certificate in legal information", ["legal information"]
    ),
    "arizona-medical-information": arizona(
        "arizona-medical-information", "Graduate certificate in medical information", ["medical information"]
    ),
    "arizona-data-science": arizona(
        "arizona-data-science",
        "Graduate certificate in Foundations of Data Science",
        ["data science", "data analysis", "data mining"],
        STARTED_2021,
    ),
    "arizona-nlp": arizona(
        "arizona-nlp",
        "Certificate in Natural Language Processing (NLP)",
        ["natural language processing", "NLP"],
        STARTED_2021,
    ),
    "sjsu-post-masters": {
        "id": "sjsu-post-masters",
        "provider": SJSU,
        "certificate": "Post-Master's Certificate in Library and Information Science",
        "topics": [
            "data science",
            "digital archives",
            "records management",
            "digital services",
            "emerging technologies",
            "web programming",
            "information architecture",
        ],
        "delivery": None,
        "cost": None,
        "financial_aid": None,
        "note": "For MLIS graduates who have worked in the field for several years and need to update their "
        "skills. You follow one pathway; the article names data science, digital archives and records "
        "management, digital services and emerging technologies, and web programming and information "
        "architecture.",
        "sources": LJ,
    },
    "sjsu-digital-assets": {
        "id": "sjsu-digital-assets",
        "provider": SJSU,
        "certificate": "Digital Assets Management Certificate",
        "topics": ["digital assets management"],
        "delivery": None,
        "cost": None,
        "financial_aid": None,
        "note": "Open to the School of Information's own students and to non-matriculated students; a few "
        "take it not long after their MLIS, when their career has taken another direction.",
        "sources": LJ,
    },
    "calrbs-rare-books": {
        "id": "calrbs-rare-books",
        "provider": CALRBS,
        "certificate": "Professional certificate in Rare Books and Manuscripts",
        "topics": ["rare books", "manuscripts", *CALRBS_TOPICS],
        "delivery": {
            "mode": "in-person",
            "note": "Scholarship holders still pay for travel to attend a course.",
            "sources": LJ,
        },
        "cost": CALRBS_COST,
        "financial_aid": SCHOLARSHIPS,
        "note": CALRBS_NOTE,
        "sources": LJ,
    },
    "calrbs-critical-librarianship": {
        "id": "calrbs-critical-librarianship",
        "provider": CALRBS,
        "certificate": "Professional certificate in Critical Librarianship, Activism, and Justice",
        "topics": [
            "critical librarianship",
            "activism",
            "justice",
            "preservation",
            "history of the book",
            "descriptive bibliography",
            "pedagogy",
            "critical theory",
        ],
        "delivery": {
            "mode": "in-person",
            "note": "Scholarship holders still pay for travel to attend a course.",
            "sources": LJ,
        },
        "cost": CALRBS_COST,
        "financial_aid": SCHOLARSHIPS,
        "note": CALRBS_NOTE,
        "sources": LJ,
    },
    "rbs-certificate": {
        "id": "rbs-certificate",
        "provider": "Rare Book School (RBS), University of Virginia",
        "certificate": "Certificate of completion",
        "topics": ["bookbinding", "collection management", "history", "electronic resources"],
        "delivery": {
            "mode": "in-person",
            "note": "The article gives the tuition of RBS's in-person courses and says scholarship holders "
            "pay for travel to attend; it does not say whether courses in other formats count.",
            "sources": LJ,
        },
        "cost": {
            "amount": 1395,
            "currency": "USD",
            "per": "course",
            "courses": 5,
            "certificate_total": 6975,
            "stated": "nd",
            "note": "Tuition of most in-person courses; the certificate requires five classes.",
            "sources": LJ,
        },
        "financial_aid": SCHOLARSHIPS,
        "note": "Awarded for a series of five classes; the courses vary from year to year.",
        "sources": LJ,
    },
}
SUMMARY = [
    {
        "figure": 39,
        "counts": "ALA-accredited programs offer post-master's certificates",
        "stated": "nd",
        "note": None,
        "sources": LJ,
    },
    {
        "figure": 24,
        "counts": "of those programs offer them 100 percent online",
        "stated": "nd",
        "note": "The article points to ALA's database of accredited programs for the full list.",
        "sources": ["lj-after-the-mlis", "ala-accredited-programs"],
    },
]
SOURCES = [
    {
        "id": "lj-after-the-mlis",
        "title": "After the MLIS",
        "publisher": "Library Journal (Jennifer A. Dixon)",
        "url": "https://www.libraryjournal.com/story/news/after-the-mlis",
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
]
NO_COST = ["arizona-archival-studies", "arizona-legal-information", "arizona-medical-information"]
NO_COST += ["arizona-data-science", "arizona-nlp", "sjsu-post-masters", "sjsu-digital-assets"]


def document(
    shown: list[str],
    left_out: list[tuple[str, list[str]]],
    topic: str | None = None,
    online: bool = False,
    max_cost: float | None = None,
) -> dict[str, object]:
    return {
        "filters": {"topic": topic, "online": online, "max_cost": max_cost},
        "summary": SUMMARY,
        "certificates": [CERTIFICATES[key] for key in shown],
        "left_out": [{"id": key, "reasons": reasons} for key, reasons in left_out],
        "sources": SOURCES,
    }


def run_json(mlis, *args: str) -> object:  # type: ignore[no-untyped-def]
    run = mlis("certificates", *args, "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    return json.loads(run.stdout)


def test_certificates_as_json_lists_every_certificate_with_the_summary_figures_and_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    assert run_json(mlis) == document(list(CERTIFICATES), [])


def test_topic_keeps_certificates_with_a_topic_containing_the_word(mlis) -> None:  # type: ignore[no-untyped-def]
    others = [key for key in CERTIFICATES if key not in ("arizona-data-science", "sjsu-post-masters")]
    assert run_json(mlis, "--topic", "data") == document(
        ["arizona-data-science", "sjsu-post-masters"],
        [(key, ["topic_not_matched"]) for key in others],
        topic="data",
    )


def test_topic_ignores_case_and_matches_part_of_a_topic(mlis) -> None:  # type: ignore[no-untyped-def]
    result = run_json(mlis, "--topic", "  ARCHIV ")
    assert isinstance(result, dict)
    assert result["filters"]["topic"] == "archiv"
    assert [c["id"] for c in result["certificates"]] == ["arizona-archival-studies", "sjsu-post-masters"]


def test_online_leaves_out_every_certificate_and_says_whose_delivery_is_unknown(mlis) -> None:  # type: ignore[no-untyped-def]
    in_person = ["calrbs-rare-books", "calrbs-critical-librarianship", "rbs-certificate"]
    assert run_json(mlis, "--online") == document(
        [],
        [(key, ["delivery_unknown"]) for key in NO_COST] + [(key, ["not_fully_online"]) for key in in_person],
        online=True,
    )


def test_max_cost_compares_the_whole_certificate_and_leaves_out_unknown_costs(mlis) -> None:  # type: ignore[no-untyped-def]
    assert run_json(mlis, "--max-cost", "6500") == document(
        ["calrbs-rare-books", "calrbs-critical-librarianship"],
        [(key, ["cost_unknown"]) for key in NO_COST] + [("rbs-certificate", ["over_max_cost"])],
        max_cost=6500,
    )


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("6000", ["calrbs-rare-books", "calrbs-critical-librarianship"]),
        ("5999.99", []),
        ("6975", ["calrbs-rare-books", "calrbs-critical-librarianship", "rbs-certificate"]),
    ],
)
def test_max_cost_includes_a_certificate_costing_exactly_that(mlis, amount: str, shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run_json(mlis, "--max-cost", amount)
    assert isinstance(result, dict)
    assert [c["id"] for c in result["certificates"]] == shown
    assert result["filters"]["max_cost"] == float(amount)


def test_filters_combine_and_each_reason_is_given(mlis) -> None:  # type: ignore[no-untyped-def]
    result = run_json(mlis, "--topic", "rare", "--online", "--max-cost", "100")
    assert isinstance(result, dict)
    assert result["certificates"] == []
    assert result["left_out"][0] == {
        "id": "arizona-archival-studies",
        "reasons": ["topic_not_matched", "delivery_unknown", "cost_unknown"],
    }
    assert result["left_out"][7] == {
        "id": "calrbs-rare-books",
        "reasons": ["not_fully_online", "over_max_cost"],
    }


ONLINE_TEXT = """\
Post-master's certificates at ALA-accredited programs
  - 39 ALA-accredited programs offer post-master's certificates (stated: date not known)
    [lj-after-the-mlis]
  - 24 of those programs offer them 100 percent online (stated: date not known). The article points
    to ALA's database of accredited programs for the full list. [lj-after-the-mlis,
    ala-accredited-programs]

Filters: fully online. Shown: 0.

No certificate passes these filters.

Left out: 10 of 10
  - 7: the sources do not say how it is taught
  - 3: not fully online

Sources
  - [lj-after-the-mlis] "After the MLIS", Library Journal (Jennifer A. Dixon),
    https://www.libraryjournal.com/story/news/after-the-mlis, no date, secondary
  - [ala-accredited-programs] "Directory of ALA-Accredited and Candidate Programs", American Library
    Association, http://www.ala.org/educationcareers/accreditedprograms/directory, no date, official
"""


def test_online_in_text_counts_what_it_left_out_and_why(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("certificates", "--online")
    assert (run.exit_code, run.stdout, run.stderr) == (0, ONLINE_TEXT, "")


def test_a_cost_in_text_gives_course_and_certificate_totals_and_the_date_stated(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("certificates", "--max-cost", "6000")
    assert run.exit_code == 0
    assert (
        "    cost: USD 1,200 a course; 5 courses, USD 6,000 for the certificate (stated: date not known).\n"
        "          Tuition of one course; the certificate requires five courses, each five days of\n"
        "          programming. [lj-after-the-mlis]\n"
    ) in run.stdout
    assert (
        "Left out: 8 of 10\n  - 7: the sources do not give its cost\n  - 1: costs more than --max-cost\n"
        in (run.stdout)
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--topic", "nlpp"),
            "mlis: error: --topic: no certificate has a topic matching 'nlpp' (did you mean nlp?)",
        ),
        (("--topic", "  "), "mlis: error: --topic: expected a word such as data or archives, got nothing"),
        (("--max-cost", "-1"), "mlis: error: --max-cost: expected an amount of 0 or more USD, got -1"),
        (("--max-cost", "nan"), "mlis: error: --max-cost: expected an amount of 0 or more USD, got nan"),
        (("--max-cost", "inf"), "mlis: error: --max-cost: expected an amount of 0 or more USD, got inf"),
    ],
)
def test_a_bad_filter_value_is_a_usage_error(mlis, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    run = mlis("certificates", *args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message + "\n")


def test_a_topic_nothing_resembles_lists_every_topic(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("certificates", "--topic", "zoology", "--json")
    assert (run.exit_code, run.stdout) == (2, "")
    error = json.loads(run.stderr)["error"]
    assert error["message"] == "--topic: no certificate has a topic matching 'zoology'"
    assert error["hint"].startswith("topics: archival studies, legal information, medical information, ")
    assert error["hint"].endswith(", bookbinding, collection management, history, electronic resources")


def test_a_max_cost_that_is_not_a_number_is_a_usage_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("certificates", "--max-cost", "cheap")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "mlis: error: --max-cost: expected a number, got 'cheap' (try 'mlis certificates --help')\n"
    )


def test_every_shipped_certificate_cites_known_sources_and_every_cost_its_date() -> None:
    ruleset = loader.load(RULES, "rules")
    assert len(ruleset.certificates.entries) == 10
    for certificate in ruleset.certificates.entries:
        assert certificate.sources, certificate.id
        assert set(certificate.cited()) <= set(ruleset.sources), certificate.id
        if certificate.cost is not None:
            assert certificate.cost.stated == "nd", certificate.id
            assert certificate.cost.sources, certificate.id


def copy_rules(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    return directory


def test_a_cost_in_another_currency_or_without_a_course_count_is_not_compared(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = copy_rules(tmp_path)
    path = rules / "certificates.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      amount: 1395\n      currency: USD", "      amount: 1395\n      currency: EUR", 1
    )
    text = text.replace(
        "      amount: 1200\n      currency: USD\n      per: course\n      courses: 5\n",
        ("      amount: 1200\n      currency: USD\n      per: course\n"),
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = run_json(mlis, "--rules-dir", str(rules), "--max-cost", "100000")
    assert isinstance(result, dict)
    assert [c["id"] for c in result["certificates"]] == ["calrbs-critical-librarianship"]
    assert result["left_out"][-2:] == [
        {"id": "calrbs-rare-books", "reasons": ["cost_unknown"]},
        {"id": "rbs-certificate", "reasons": ["cost_not_in_usd"]},
    ]


def test_a_rules_directory_without_certificates_says_it_holds_none(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = copy_rules(tmp_path)
    (rules / "certificates.yaml").unlink()
    run = mlis("certificates", "--rules-dir", str(rules))
    assert (run.exit_code, run.stdout, run.stderr) == (0, "The rules hold no certificates.\n", "")
