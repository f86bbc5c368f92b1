"""Reports to hand over: `--format html|markdown` for check, plan, show and matrix.

The HTML is parsed with an HTML5 parser in strict mode (any parse error fails the
test); the Markdown with markdown-it (CommonMark with GitHub's tables).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import html5lib
import pytest
from markdown_it import MarkdownIt

from mlis_cli.rulefiles import loader
from tests.conftest import FIXTURES, RULES

MLIS = str(Path(sys.executable).parent / "mlis")
CHROMIUM = "/usr/bin/chromium"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4",
    "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "href", "scope"}


def parse_html(text: str) -> Any:
    """The document as an ElementTree; a parse error of any kind fails."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def table_rows(document: Any, kind: str) -> list[list[str]]:
    table = document.find(f".//table[@class='{kind}']")
    header = [words(cell) for cell in table.iterfind("thead/tr/th")]
    return [header, *([words(cell) for cell in row.iterfind("td")] for row in table.iterfind("tbody/tr"))]


def markdown_tokens(text: str) -> list[Any]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def assert_only_known_markup(document: Any) -> None:
    """No element, attribute or link that mlis does not make itself."""
    for element in document.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES, element.attrib
        if element.tag == "a":
            assert element.attrib["href"].startswith(("https://", "http://")), element.attrib
    assert [element.tag for element in document.iterfind(".//style")] == ["style"]


def test_check_as_html_is_one_document_with_the_profile_verdicts_sources_and_dates(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degree", "ala", "--country", "fi,de", "--citizenship", "us", "--lang", "de:B2",
               "--format", "html")  # fmt: skip
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith('<!DOCTYPE html>\n<html lang="en">')
    document = parse_html(run.stdout)
    assert_only_known_markup(document)
    assert document.find("head/title").text == "Working as a librarian in Finland and Germany"
    assert words(document.find(".//h1")) == "Working as a librarian in Finland and Germany"
    assert document.find("head/meta[@http-equiv='Content-Security-Policy']").attrib["content"] == (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    paragraphs = [words(p) for p in document.iterfind("body/main/p")]
    assert paragraphs[0] == "Report made on 2026-11-22 by mlis. The rules were reviewed on 2026-12-01."
    assert table_rows(document, "profile") == [
        ["fact", "value"],
        ["Degree", "ala"],
        ["Citizenship", "us"],
        ["Age", "not given"],
        ["Languages", "German (de): B2"],
        ["Kind of library", "not given"],
        ["Length of stay", "not given"],
        ["Year of graduation", "not given"],
        ["Years of library work", "not given"],
        ["Doctorate", "not given"],
        ["Degree studied fully online", "not given"],
    ]
    assert table_rows(document, "verdicts") == [
        ["country", "verdict", "worst case", "depends on", "rules reviewed"],
        ["Finland (fi)", "decided case by case", "decided case by case", "-", "2026-12-01"],
        ["Germany (de)", "decided case by case", "decided case by case", "-", "2026-12-01"],
    ]
    verdict_classes = [
        span.attrib["class"] for span in document.iterfind(".//table[@class='verdicts']//span")
    ]
    assert verdict_classes == ["verdict case-by-case"] * 4
    countries = document.findall(".//section[@class='country']")
    assert [words(section.find("h2")) for section in countries] == ["Finland (fi)", "Germany (de)"]
    finland = countries[0]
    assert words(finland.find("p")) == "Verdict: decided case by case."
    assert [words(h) for h in finland.iterfind(".//h3")] == ["Requirements", "Open questions", "Next steps"]
    rules = loader.load(RULES, "rules")
    requirements = finland.findall("section[@class='requirement']")
    assert [words(r.find("h4")) for r in requirements] == [
        r.title for r in rules.countries["fi"].requirements
    ]
    # Each requirement lists its own sources, each with its address as a link and its date: here
    # those of the two cases still possible (an international school, or another library).
    recognition = requirements[0]
    cases = rules.countries["fi"].requirements[0].cases
    cited = tuple(dict.fromkeys([*cases[0].sources, *cases[2].sources]))
    entries = recognition.findall("ul[@class='sources']/li")
    assert len(entries) == len(cited)
    for entry, source_id in zip(entries, cited, strict=True):
        source = rules.sources[source_id]
        assert words(entry).startswith(f"\u201c{' '.join(source.title.split())}\u201d, {source.publisher}, ")
        assert words(entry).endswith(
            f", {source.date if source.date != 'nd' else 'no date'}, {source.reliability} [{source_id}]"
        )
        (anchor,) = entry.findall("a")
        assert anchor.attrib["href"] == anchor.text == source.url
    assert any(words(entry).endswith("2022-09-29, official [fi-avi-library-act-17]") for entry in entries)


def test_plan_as_html_numbers_every_path_with_its_steps_and_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    facts = ("--degree", "ala", "--citizenship", "us", "--sector", "public", "--lang", "fr:C1", "--no-phd")
    run = mlis("plan", "--rules-dir", str(FIXTURES / "whatif-rules"), "--country", "be", *facts, "-f", "html")
    assert (run.exit_code, run.stderr) == (0, "")
    document = parse_html(run.stdout)
    assert_only_known_markup(document)
    assert document.find("head/title").text == "Working as a librarian in Belgium: paths to a better verdict"
    children = list(document.find(".//section[@class='country']"))
    heading = next(i for i, e in enumerate(children) if words(e) == "Paths to a better verdict, best first")
    paths = children[heading + 1]
    assert paths.tag == "ol"
    source = "Source: \u201cOh, the Places You'll Go (with your MLIS)!\u201d, Hack Library School, no address recorded, no date, weak [places-youll-go]"  # noqa: E501
    assert [
        ([words(e) for e in path if e.tag == "span"], [words(li) for li in path.iterfind("ul/li")])
        for path in paths.iterfind("li")
    ] == [
        (
            ["decided case by case", "unlikely"],
            ["Nationality condition: decided case by case (now unlikely)", source],
        ),
        (
            ["decided case by case", "unlikely"],
            ["Nationality condition: decided case by case (now unlikely)", source],
        ),
        (
            ["decided case by case", "unlikely"],
            [
                "Nationality condition: eligible (now unlikely)",
                "Next step: Look for American companies with information centres in Belgium.",
                source,
            ],
        ),
        (
            ["decided case by case", "unlikely"],
            ["Nationality condition: decided case by case (now unlikely)", source],
        ),
    ]
    assert [words(li).split(":")[0] for li in paths.iterfind("li")] == [
        "A post in an academic library",
        "A post in a special library",
        "A post in a corporate library",
        "Holding a doctorate",
    ]
    assert words(children[-1]) == (
        "With a citizenship of an EEA country or Switzerland, "
        "Belgium would be decided case by case (now unlikely)."
    )


def test_show_as_html_lists_each_requirement_with_its_cases_in_words(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("show", "fi", "--format", "html")
    assert (run.exit_code, run.stderr) == (0, "")
    document = parse_html(run.stdout)
    assert_only_known_markup(document)
    assert document.find("head/title").text == "The rules for Finland (fi)"
    finland = loader.load(RULES, "rules").countries["fi"]
    requirements = document.findall(".//section[@class='requirement']")
    assert [words(r.find("h2")) for r in requirements] == [r.title for r in finland.requirements]
    first_cases = [words(li).split(". ")[0] for li in requirements[0].iterfind("ol/li")]
    assert first_cases[0] == (
        "If degree is ala, cilip, alia, lianza, lai, other or unaccredited and sector is "
        "international-school: decided case by case"
    )
    assert "case_by_case" not in words(document.find("body"))


def test_matrix_as_html_gives_each_country_by_degree_in_words(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix", "--format", "html")
    assert (run.exit_code, run.stderr) == (0, "")
    document = parse_html(run.stdout)
    assert_only_known_markup(document)
    rows = table_rows(document, "matrix")
    assert rows[0] == ["country", "ala", "cilip", "alia", "lianza", "lai", "other", "unaccredited", "none"]
    finland = next(row for row in rows if row[0] == "Finland (fi)")
    # without a library degree an international school is unlikely to hire
    assert finland[1:] == ["decided case by case"] * 7 + ["decided case by case or unlikely"]
    belgium = next(row for row in rows if row[0] == "Belgium (be)")
    assert belgium[1] == "eligible or decided case by case"


def test_matrix_as_markdown_is_one_table_row_per_country(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("matrix", "--format", "markdown")
    assert (run.exit_code, run.stderr) == (0, "")
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    assert rows[0] == "| country | ala | cilip | alia | lianza | lai | other | unaccredited | none |"
    assert len(rows) == 2 + len(loader.load(RULES, "rules").countries)  # the header and its delimiter row
    tokens = markdown_tokens(run.stdout)
    assert sum(token.type == "tr_open" for token in tokens) == len(rows) - 1


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("command", [("list-countries",), ("degrees",), ("sources",), ("certificates",)])
def test_other_commands_refuse_the_report_formats(mlis, command: tuple[str, ...], fmt: str) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*command, "--format", fmt)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("mlis: error: --format: expected one of "), run.stderr
    assert f"got '{fmt}'" in run.stderr


def test_help_names_the_report_formats_only_where_they_are_taken(mlis) -> None:  # type: ignore[no-untyped-def]
    for command in ("check", "plan", "show", "matrix"):
        assert "text|json|jsonl|yaml|csv|markdown|html" in mlis(command, "--help").stdout, command
    assert "markdown" not in mlis("list-countries", "--help").stdout


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_report_on_an_output_that_cannot_hold_every_character_uses_character_references(
    encoding: str, fmt: str
) -> None:
    def report(io_encoding: str) -> bytes:
        env = {**os.environ, "PYTHONIOENCODING": io_encoding, "MLIS_TODAY": "2026-11-22"}
        done = subprocess.run(
            [MLIS, "check", "--no-profile", "--degree", "ala", "-c", "fi", "-f", fmt],
            env=env, capture_output=True, timeout=120,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, b"")
        return done.stdout

    narrow, wide = report(encoding), report("utf-8")
    assert narrow.isascii()
    assert "väljempiä".encode() in wide and b"v&#228;ljempi&#228;" in narrow
    if fmt == "html":
        assert words(parse_html(narrow.decode("ascii"))) == words(parse_html(wide.decode("utf-8")))
    else:
        assert narrow.decode("ascii") == wide.decode("utf-8").encode("ascii", "xmlcharrefreplace").decode()


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
)
def test_chromium_renders_the_report_as_written_and_runs_nothing(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "report.html"
    page.write_text(mlis("check", "--degree", "ala", "-c", "fi", "-f", "html").stdout, encoding="utf-8")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rendered = html5lib.parse(done.stdout, namespaceHTMLElements=False)
    assert rendered.find("head/title").text == "Working as a librarian in Finland"
    assert rendered.find(".//script") is None
    assert words(rendered.find("body")) == words(parse_html(page.read_text(encoding="utf-8")).find("body"))


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
)
def test_the_screenshot_script_writes_the_report_and_a_picture_of_it(tmp_path: Path) -> None:
    script = RULES.parent / "scripts" / "report-screenshot"
    env = {**os.environ, "MLIS": MLIS, "MLIS_TODAY": "2026-11-22"}
    done = subprocess.run(
        [shutil.which("bash") or "bash", str(script), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{tmp_path / 'report.png'}\n"
    png = (tmp_path / "report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1000, 2000)
    page = parse_html((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert page.find("head/title").text == "Working as a librarian in Finland and Germany"


def test_check_brief_gives_the_table_only_and_explain_every_case_tried(mlis) -> None:  # type: ignore[no-untyped-def]
    brief = mlis("check", "--degree", "ala", "-c", "fi,de", "--brief", "-f", "markdown").stdout
    headings = [line for line in brief.splitlines() if line.startswith("#")]
    assert headings == ["# Working as a librarian in Finland and Germany", "## Your profile", "## Verdicts"]
    explained = mlis(
        "check", "--degree", "ala", "--sector", "public", "-c", "fi", "--explain", "-f", "markdown"
    ).stdout
    assert (
        "Cases tried:\n\n"
        "- Case 1: degree is ala, cilip, alia, lianza, lai, other or unaccredited and sector is "
        "international-school: did not match\n"
        "- Case 2: degree is none and sector is international-school: did not match\n"
        "- Case 3: degree is ala, cilip, alia, lianza, lai or other: matched\n"
        "- Case 4: degree is unaccredited: not reached\n"
        "- Case 5: otherwise: not reached\n\n"
        "Facts compared: degree=ala, sector=public.\n"
    ) in explained
    assert "Cases tried:" not in mlis("check", "--degree", "ala", "-c", "fi", "-f", "markdown").stdout
