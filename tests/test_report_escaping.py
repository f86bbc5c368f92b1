"""Nothing in the rules can become markup, a script or a link in a report: text stays text.

A rules directory whose texts carry <script>, an event attribute, a Markdown
link to javascript: and table pipes must give reports with exactly the
elements, attributes, links and table cells that mlis makes itself; and any
text at all, written by either writer and read back, reads as itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mlis_cli.render.document import Document, Item, Items, Link, Paragraph, Table, link
from mlis_cli.render.report_html import html_page
from mlis_cli.render.report_markdown import markdown
from mlis_cli.rulefiles import loader
from tests.conftest import RULES

NAME = 'Fin|land <script>alert(1)</script> "onload="alert(1)'
TITLE = "Right to | work <b>in</b> Finland"
HOSTILE = (
    "[click](javascript:alert(1)) | a | b | <img src=x onerror=alert(1)> ![i](javascript:x) "
    "<https://evil.example/> https://evil.example/x www.evil.example me@evil.example "
    "**b** _i_ `c` ~~s~~ &amp;"
)
SOURCE_TITLE = "</a><script>alert(1)</script> [t](javascript:alert(1))"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4",
    "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "href", "scope"}
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")), max_size=80)
"""Any text but control characters and code points that are no characters."""


@pytest.fixture
def hostile_rules(tmp_path: Path) -> str:
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    finland = directory / "countries" / "fi.yaml"
    text = finland.read_text(encoding="utf-8")
    text = text.replace("name: Finland\n", f"name: '{NAME}'\n", 1)
    text = text.replace("title: Right to work in Finland\n", f"title: '{TITLE}'\n", 1)
    text = text.replace("Finland no longer sets a fixed amount", f"{HOSTILE} Finland no longer sets", 1)
    finland.write_text(text, encoding="utf-8")
    sources = directory / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace(
        "    url: https://avi.fi/blogi/kirjoitus/", "    url: javascript:alert(1)//https://avi.fi/", 1
    )
    text = text.replace(
        "    title: Information to employers about recognition of qualifications\n",
        f"    title: '{SOURCE_TITLE}'\n",
        1,
    )
    sources.write_text(text, encoding="utf-8")
    return str(directory)


def web_addresses(rules: str) -> set[str]:
    return {
        s.url for s in loader.load(Path(rules), "rules").sources.values() if s.url and link(s.url) != s.url
    }


def words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--degree", "ala", "-c", "fi"),
        ("check", "--degree", "ala", "-c", "fi,de", "--citizenship", "us", "--what-if"),
        ("plan", "--degree", "ala", "-c", "fi"),
        ("show", "fi"),
        ("matrix",),
    ],
)
def test_hostile_rule_text_gives_no_element_attribute_or_link_in_html(mlis, hostile_rules: str, args) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*args, "--rules-dir", hostile_rules, "--format", "html")
    assert (run.exit_code, run.stderr) == (0, "")
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(run.stdout)
    allowed_links = web_addresses(hostile_rules)
    for element in document.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES, element.attrib
        if element.tag == "a":
            assert element.attrib["href"] in allowed_links
    assert document.find(".//script") is None and document.find(".//img") is None
    body = words(document.find("body"))
    assert "javascript:alert(1)//https://avi.fi/" not in {a.attrib["href"] for a in document.iter("a")}
    if args[0] == "matrix":
        assert f"{NAME} (fi)" in body
        return
    expected = [NAME] if args[0] == "show" else [NAME, HOSTILE, TITLE, SOURCE_TITLE]
    for text in expected:
        assert " ".join(text.split()) in body, text


def test_hostile_rule_text_gives_no_link_html_or_table_break_in_markdown(mlis, hostile_rules: str) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degree", "ala", "-c", "fi", "--rules-dir", hostile_rules, "--format", "markdown")
    assert (run.exit_code, run.stderr) == (0, "")
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(run.stdout)
    inline = [child for token in tokens if token.type == "inline" for child in token.children or ()]
    kinds = {token.type for token in inline}
    assert kinds <= {"text", "link_open", "link_close", "strong_open", "strong_close", "softbreak"}, kinds
    assert not any(token.type.startswith("html") for token in tokens)
    hrefs = {token.attrs["href"] for token in inline if token.type == "link_open"}
    assert hrefs <= web_addresses(hostile_rules)
    assert "javascript:alert(1)//https://avi.fi/" not in "".join(str(h) for h in hrefs)
    # The verdict table keeps its five cells, and the name with its pipe stays in the first.
    cells = [
        "".join(child.content for child in tokens[i + 1].children or ())
        for i, token in enumerate(tokens)
        if token.type == "td_open"
    ]
    profile_cells = 2 * 10
    assert cells[profile_cells:] == [
        f"{NAME} (fi)",
        "decided case by case",
        "decided case by case",
        "-",
        "2026-12-01",
    ]
    texts = " ".join(token.content for token in inline if token.type == "text")
    for text in (HOSTILE, TITLE, SOURCE_TITLE):
        assert text in texts
    # Bare addresses in rule text are broken up so that GitHub does not link them either.
    assert "https\\://evil.example/x www\\.evil.example me\\@evil.example" in run.stdout


def one(block: Paragraph | Items | Table) -> Document:
    return Document("t", (block,))


@given(TEXT)
@example("1. not a list")
@example("- not a list")
@example("# not a heading")
@example("=== not an underline")
@example("> not a quote")
@example("    not code")
@example("[a](javascript:alert(1)) <b>x</b> &amp; &#60; \\* https://example.org/ www.example.org a@b.co")
def test_any_text_reads_back_as_itself_from_markdown(value: str) -> None:
    tokens = (
        MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown(one(Paragraph((value,)))))
    )
    expected = " ".join(value.split())
    if not expected:
        assert tokens == []
        return
    assert [token.type for token in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert [child.type for child in tokens[1].children or ()] == ["text"]
    assert tokens[1].content == markdown(one(Paragraph((value,)))).strip()
    assert tokens[1].children[0].content == expected  # type: ignore[index]


@given(TEXT, TEXT)
@example("a | b", "| c |")
def test_any_text_stays_in_its_table_cell_in_markdown(first: str, second: str) -> None:
    document = one(Table(("one", "two"), (((first,), (second,)),)))
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown(document))
    cells = [tokens[i + 1] for i, token in enumerate(tokens) if token.type == "td_open"]
    assert [cell.children[0].content if cell.children else "" for cell in cells] == [
        " ".join(first.split()),
        " ".join(second.split()),
    ]


@given(TEXT)
@example('"><script>alert(1)</script><p onload="x')
def test_any_text_reads_back_as_itself_from_html(value: str) -> None:
    page = html_page(one(Items((Item((value, Link(value, "https://example.org/?q=" + value))),))))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    (item,) = document.iterfind(".//li")
    assert "".join(item.itertext()) == value * 2
    (anchor,) = item.iterfind("a")
    assert anchor.attrib == {"href": ("https://example.org/?q=" + value).strip()}


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "ftp://x/"]
)
def test_only_web_addresses_become_links(address: str) -> None:
    document = one(Items((Item(("see ", link(address))), Item(("see ", Link("x", address))))))
    assert "<a " not in html_page(document)
    assert "](" not in markdown(document) and "<" + address not in markdown(document)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("flavour", ["gfm", "markdown", "commonmark_x"])
def test_pandoc_reads_the_hostile_markdown_with_only_source_links_and_whole_tables(  # type: ignore[no-untyped-def]
    mlis, hostile_rules: str, flavour: str
) -> None:
    """gfm links bare addresses as GitHub does; markdown is pandoc's own dialect."""
    text = mlis("check", "--degree", "ala", "-c", "fi", "--rules-dir", hostile_rules, "-f", "markdown").stdout
    done = subprocess.run(
        ["pandoc", "-f", flavour, "-t", "html"], input=text, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    document = html5lib.parse(done.stdout, namespaceHTMLElements=False)
    assert document.find(".//script") is None and document.find(".//img") is None
    assert {a.attrib["href"] for a in document.iter("a")} <= web_addresses(hostile_rules)
    profile, verdicts = document.iter("table")
    assert [len(row.findall("td")) for row in profile.iterfind("tbody/tr")] == [2] * 10
    (row,) = verdicts.iterfind("tbody/tr")
    # pandoc's own dialects make quotes curly; nothing else of the name changes.
    assert words(row.find("td")).translate(STRAIGHT_QUOTES) == f"{NAME} (fi)"


STRAIGHT_QUOTES = str.maketrans("\u201c\u201d", '""')
