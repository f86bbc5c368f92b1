"""The answer at a glance: one screen for one country, a ranked table and short blocks for many."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from mlis_cli.model.verdicts import Verdict

FINLAND = textwrap.dedent(
    """\
    Finland (fi): decided case by case
      Why: Recognition of your qualification by the employer is decided case by
      case.

      … Recognition of your qualification by the employer: decided case by case
          The employer judges your degree for each post; most librarian vacancies
          ask for at least 60 ECTS of library and information studies. [1]
          [1] avi.fi, official, 2022-09-29
      … Right to work in Finland: eligible or decided case by case
          Citizens of the EU, the EEA and Switzerland work in Finland without a
          permit. Other citizens need a job offer and a residence permit for an
          employed person, decided by a labour-market test. [2][3]
          [2] suomi.fi, official, no date; [3] migri.fi, official, no date
      … Finnish or Swedish: eligible or decided case by case
          Native Finnish and Swedish meet any language requirement a municipality
          sets. Many workplaces require Finnish or Swedish; each vacancy notice sets
          the level, and no source sets one for library posts. [4][5]
          [4] kuntaliitto.fi, official, no date; [5] infofinland.fi, official,
          2024-02-05
      Answer with: --sector SECTOR --citizenship CODE --age YEARS --lang fi:LEVEL
                   --lang sv:LEVEL

      Next steps
        1. Read the vacancy notice for the qualification it asks for ("a suitable
           degree", or often at least 60 ECTS of library and information studies)
           and ask the employer how it assesses a foreign degree.
        2. Count the ECTS credits of library and information studies in your degree,
           for vacancies that ask for 60.
        3. For the head of a municipal library, ask the municipality whether it
           needs an EDUFI decision on the level of your degree. From 1 January 2026
           EDUFI charges EUR 100 for processing plus EUR 395 for a decision,
           according to one visa agency's news page of 3 January 2026 (a weak
           source; no EDUFI page with the 2026 fees was found).
      5 more steps wait for your answers (--details lists them).
    Rules reviewed 2026-12-01; every case and every source in full: --details.
"""
)
"""`mlis check --degree ala --country fi` at 80 columns: read and checked line by line against the
rules (summaries, the strongest source of each, the steps of the one requirement already decided)."""


@pytest.fixture
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.usefixtures("eighty_columns")
def test_the_finland_answer_fits_one_screen(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--degree", "ala", "--country", "fi")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == FINLAND
    assert len(run.stdout.splitlines()) <= 35


@pytest.mark.usefixtures("eighty_columns")
def test_details_are_one_flag_away_with_every_case_and_every_source(mlis) -> None:  # type: ignore[no-untyped-def]
    glance = mlis("check", "--no-profile", "--degree", "ala", "--country", "fi").stdout
    run = mlis("check", "--no-profile", "--degree", "ala", "--country", "fi", "--details")
    assert (run.exit_code, run.stderr) == (0, "")
    document = mlis("check", "--no-profile", "--degree", "ala", "--country", "fi", "--json").stdout
    result = json.loads(document)["results"][0]
    assert [f"[{source['id']}]" for source in result["sources"]] == re.findall(
        r"^    (\[[\w-]+\]) ", run.stdout, re.MULTILINE
    )
    # Every outcome still possible, in full, and the steps of every requirement.
    for requirement in result["requirements"]:
        for outcome in requirement["outcomes"] or [requirement]:
            assert " ".join(outcome["reason"].split()) in " ".join(run.stdout.split())
    for step in result["next_steps"]:
        assert " ".join(step.split()) in " ".join(run.stdout.split())
    assert len(run.stdout.splitlines()) > 3 * len(glance.splitlines())


def test_many_countries_start_with_a_table_best_first_then_a_block_each_in_its_order(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--degree", "ala", "--all")
    assert (run.exit_code, run.stderr) == (0, "")
    table, _, rest = run.stdout.partition("\n\n")
    rows = [row for row in table.splitlines()[1:] if not row.startswith(" ")]  # not wrapped cells
    assert rows and all(re.match(r"^\S.* \((\w\w)\) ", row) for row in rows)
    codes = [re.match(r"^\S.* \((\w\w)\) ", row).group(1) for row in rows]  # type: ignore[union-attr]
    document = mlis("check", "--no-profile", "--degree", "ala", "--all", "--json").stdout
    verdicts = {
        r["country"]: (Verdict(r["verdict"]).rank, Verdict(r["worst_case"]).rank)
        for r in json.loads(document)["results"]
    }
    assert sorted(verdicts) == sorted(codes)
    assert [verdicts[code] for code in codes] == sorted(verdicts[code] for code in codes)
    headings = re.findall(r"^\S.* \((\w\w)\):", rest, re.MULTILINE)
    assert headings == codes
    assert "  Next steps\n" not in rest
    assert rest.endswith(
        "Next steps of one country: the same command with --country CODE.\n"
        "Every case and every source in full: --details.\n"
    )


def test_brief_gives_the_table_alone_even_for_one_country(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--degree", "ala", "--country", "fi", "--brief")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "country       verdict               open questions\n"
        "Finland (fi)  decided case by case  sector, citizenship, age, languages\n"
    )


def test_the_readme_shows_the_finland_answer_as_it_is() -> None:
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"$ mlis check --degree ala --country fi\n{FINLAND}```\n" in readme
