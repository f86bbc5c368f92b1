"""Strict validation of certificates.yaml, the degrees' new fields and a case's `see`.

Every problem is reported like any other rule problem: file:line:column, the
path to the value, what was expected and what was found.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import RULES

CERTIFICATES = """\
summary:
  - figure: 39
    counts: ALA-accredited programs offer post-master's certificates
    stated: nd
    sources: [lj-after-the-mlis]
certificates:
  calrbs-rare-books:
    provider: California Rare Book School (CalRBS)
    certificate: Rare Books and Manuscripts
    topics: [rare books]
    delivery: unknown
    cost:
      amount: 1200
      currency: USD
      per: course
      courses: 5
      stated: nd
      sources: [lj-after-the-mlis]
    financial_aid: unknown
    sources: [lj-after-the-mlis]
"""


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped rules with a small certificates.yaml, shown as 'rules' in messages."""
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    (directory / "certificates.yaml").write_text(CERTIFICATES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return directory


def validate(mlis, rules: Path, file: str, old: str, new: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    path = rules / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    run = mlis("rules", "validate", "rules")
    return run.exit_code, run.stdout


def test_the_small_certificates_file_is_valid(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    run = mlis("rules", "validate", "rules")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "rules: no problems\n")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        pytest.param(
            "    financial_aid: unknown\n    sources: [lj-after-the-mlis]\n",
            "    financial_aid: unknown\n",
            "rules/certificates.yaml:8:5: certificates.calrbs-rare-books.sources: "
            "missing required key 'sources'",
            id="a certificate without sources",
        ),
        pytest.param(
            "    financial_aid: unknown\n    sources: [lj-after-the-mlis]\n",
            "    financial_aid: unknown\n    sources: [lj-after-the-mlis, lj-2024]\n",
            "rules/certificates.yaml:20:34: certificates.calrbs-rare-books.sources[1]: "
            "unknown source id 'lj-2024'; add it to sources.yaml",
            id="an unknown source id",
        ),
        pytest.param(
            "      stated: nd\n      sources: [lj-after-the-mlis]\n",
            "      stated: nd\n      sources: [library-journal]\n",
            "rules/certificates.yaml:18:17: certificates.calrbs-rare-books.cost.sources[0]: "
            "unknown source id 'library-journal'; add it to sources.yaml",
            id="an unknown source id for a cost",
        ),
        pytest.param(
            "    topics: [rare books]\n",
            "    topics: [rare books]\n    level: graduate\n",
            "rules/certificates.yaml:11:5: certificates.calrbs-rare-books.level: unknown key 'level'; "
            "expected one of provider, certificate, topics, delivery, cost, financial_aid, note, sources",
            id="an unknown key",
        ),
        pytest.param(
            "      stated: nd\n      sources",
            "      sources",
            "rules/certificates.yaml:13:7: certificates.calrbs-rare-books.cost.stated: "
            "missing required key 'stated'",
            id="a cost without the date it was stated",
        ),
        pytest.param(
            "      stated: nd\n      sources",
            "      stated: recently\n      sources",
            "rules/certificates.yaml:17:15: certificates.calrbs-rare-books.cost.stated: expected the date it "
            "was stated (YYYY-MM-DD), or nd when the source shows none; got 'recently'",
            id="a cost stated at no date",
        ),
        pytest.param(
            "      amount: 1200\n",
            "      amount: '1200'\n",
            "rules/certificates.yaml:13:15: certificates.calrbs-rare-books.cost.amount: "
            "expected a number, got '1200'",
            id="an amount in quotes",
        ),
        pytest.param(
            "      per: course\n",
            "      per: certificate\n",
            "rules/certificates.yaml:13:7: certificates.calrbs-rare-books.cost: "
            "'courses' applies only to a cost per course",
            id="a course count for a cost per certificate",
        ),
        pytest.param(
            "    delivery: unknown\n",
            "",
            "rules/certificates.yaml:8:5: certificates.calrbs-rare-books.delivery: "
            "missing required key 'delivery'",
            id="a certificate that leaves out its delivery",
        ),
        pytest.param(
            "    delivery: unknown\n",
            "    delivery:\n",
            "rules/certificates.yaml:11:14: certificates.calrbs-rare-books.delivery: expected a mapping, or "
            "unknown where the sources are silent; got nothing",
            id="a delivery left empty",
        ),
        pytest.param(
            "    delivery: unknown\n",
            "    delivery: {mode: by post, sources: [lj-after-the-mlis]}\n",
            "rules/certificates.yaml:11:22: certificates.calrbs-rare-books.delivery.mode: "
            "expected one of online, hybrid, in-person, got 'by post'",
            id="an unknown delivery mode",
        ),
        pytest.param(
            "    stated: nd\n    sources: [lj-after-the-mlis]\n",
            "    stated: nd\n",
            "rules/certificates.yaml:2:5: summary[0].sources: missing required key 'sources'",
            id="a summary figure without sources",
        ),
    ],
)
def test_a_broken_certificates_file_is_reported_where_it_breaks(  # type: ignore[no-untyped-def]
    mlis, rules: Path, old: str, new: str, problem: str
) -> None:
    assert validate(mlis, rules, "certificates.yaml", old, new) == (1, problem + "\n")


def test_a_broken_certificates_file_stops_even_a_check_with_exit_3(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    path = rules / "certificates.yaml"
    path.write_text(CERTIFICATES.replace("    topics: [rare books]\n", ""), encoding="utf-8")
    run = mlis("check", "--degree", "ala", "--country", "fi", "--rules-dir", "rules")
    assert (run.exit_code, run.stdout) == (3, "")
    assert run.stderr == (
        "mlis: error: rule data is invalid: rules/certificates.yaml:8:5: "
        "certificates.calrbs-rare-books.topics: missing required key 'topics' "
        "(run 'mlis rules validate rules' to see every problem)\n"
    )


def line_of(rules: Path, file: str, text: str) -> int:
    content = (rules / file).read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


SEE_NONE = "        see: [degrees:none, degrees:ala]\n"


@pytest.mark.parametrize(
    ("new", "column", "message"),
    [
        pytest.param(
            "        see: [degrees:phd, degrees:ala]\n",
            15,
            "requirements[0].cases[4].see[0]: 'degrees:phd' names an unknown degree code 'phd'; "
            "defined in degrees.yaml: ala, alia, cilip, lai, lianza, none, other, unaccredited",
            id="an unknown degree code",
        ),
        pytest.param(
            "        see: [degrees:none, programs]\n",
            29,
            "requirements[0].cases[4].see[1]: "
            "expected degrees, degrees:CODE, certificates or guide:NAME, got 'programs'",
            id="something no command shows",
        ),
        pytest.param(
            "        see: [certificates:rbs]\n",
            15,
            "requirements[0].cases[4].see[0]: 'certificates' takes no code; "
            "expected degrees, degrees:CODE, certificates or guide:NAME, got 'certificates:rbs'",
            id="a code after certificates",
        ),
    ],
)
def test_a_case_can_only_point_to_what_exists(  # type: ignore[no-untyped-def]
    mlis, rules: Path, new: str, column: int, message: str
) -> None:
    line = line_of(rules, "countries/fi.yaml", SEE_NONE)
    problem = f"rules/countries/fi.yaml:{line}:{column}: {message}\n"
    assert validate(mlis, rules, "countries/fi.yaml", SEE_NONE, new) == (1, problem)


def test_pointing_to_certificates_needs_the_certificates_file(mlis, rules: Path) -> None:  # type: ignore[no-untyped-def]
    (rules / "certificates.yaml").unlink()
    line = line_of(rules, "countries/fi.yaml", SEE_NONE)
    assert validate(mlis, rules, "countries/fi.yaml", SEE_NONE, "        see: [certificates]\n") == (
        1,
        f"rules/countries/fi.yaml:{line}:15: requirements[0].cases[4].see[0]: 'certificates' points to "
        "certificates.yaml, which this rules directory does not have\n",
    )


def located(rules: Path, file: str, marker: str) -> str:
    """file:line:column of the first occurrence of marker, as problems give it."""
    content = (rules / file).read_text(encoding="utf-8")
    before = content[: content.index(marker)]
    return f"rules/{file}:{before.count(chr(10)) + 1}:{len(before) - (before.rfind(chr(10)) + 1) + 1}"


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        pytest.param(
            "        sources: [ala-policy-54-2, places-youll-go]\n",
            "        sources: [ala-policy-54-2, founding-replies]\n",
            "founding-replies",
            "degrees.none.verify[1].sources[1]: unknown source id 'founding-replies'; add it to sources.yaml",
            id="an unknown source id in a step",
        ),
        pytest.param(
            "        - institution: University of Ottawa\n          country: ca\n",
            "        - institution: University of Ottawa\n          country: xx\n",
            "xx",
            "degrees.ala.programs.named[5].country: unknown country code 'xx'",
            id="an unknown country for a program",
        ),
        pytest.param(
            "        sources: [cilip-become-librarian]\n      - step: >-\n          CILIP says",
            "        sources: [cilip-become-librarian]\n        see: [degrees:ala]\n"
            "      - step: >-\n          CILIP says",
            "see: [degrees:ala]",
            "degrees.cilip.verify[0].see: unknown key 'see'; expected one of step, sources",
            id="an unknown key in a step",
        ),
        pytest.param(
            "          country: ca\n          sources: [dal-mi-accreditation]\n",
            "          country: ca\n          sources: []\n",
            "[]",
            "degrees.ala.programs.named[2].sources: expected at least 1 item, got none",
            id="a program without sources",
        ),
    ],
)
def test_the_degrees_new_fields_are_checked_like_the_rest(  # type: ignore[no-untyped-def]
    mlis, rules: Path, old: str, new: str, marker: str, message: str
) -> None:
    exit_code, stdout = validate(mlis, rules, "degrees.yaml", old, new)
    assert (exit_code, stdout) == (1, f"{located(rules, 'degrees.yaml', marker)}: {message}\n")
