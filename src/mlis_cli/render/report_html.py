"""A Document as one self-contained HTML page: inline CSS, no script, no outside asset.

It works offline and prints on A4 and Letter alike: the page size is the
printer's, tables take the width of the page and wrap long addresses, each
country starts a page (and stays on one where it fits), a heading stays with
what follows it, and no table row or list item is split across pages. A
Content-Security-Policy that allows nothing but the page's own style stands
behind the escaping, which html_builder does in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from mlis_cli.model.verdicts import Verdict
from mlis_cli.render.document import (
    Block,
    Document,
    Heading,
    Inline,
    Items,
    Line,
    Link,
    Paragraph,
    Section,
    Strong,
    Table,
    VerdictWords,
    is_web_address,
)
from mlis_cli.render.html_builder import Element, Node, element, serialise

POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Nothing loads and nothing runs: the page's own <style> is all it allows."""
VERDICT_CLASSES: dict[Verdict, str] = {
    verdict: "verdict " + verdict.value.replace("_", "-") for verdict in Verdict
}
STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 52em; margin: 0 auto; padding: 1.5em 2em 3em; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 0.4em; }
h2 { font-size: 1.35em; margin: 1.6em 0 0.4em; padding-bottom: 0.15em; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.1em; margin: 1.3em 0 0.3em; }
h4 { font-size: 1em; margin: 1em 0 0.2em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0.35em 0; }
ul, ol { margin: 0.3em 0; padding-left: 1.6em; }
li { margin: 0.2em 0; }
li ul { margin: 0.15em 0; }
a { color: #0645ad; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 0.8em; font-size: 0.95em; }
th, td { border: 1px solid #c8ccd1; padding: 0.25em 0.5em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f0f2f4; }
table.profile { width: auto; min-width: 60%; }
table.matrix { table-layout: fixed; font-size: 0.75em; }
table.matrix th, table.matrix td { padding: 0.2em 0.25em; }
table.matrix th:first-child { width: 14%; }
table.matrix .verdict { white-space: normal; padding: 0; }
ul.sources { font-size: 0.9em; color: #333; }
tr { break-inside: avoid; page-break-inside: avoid; }
.verdict { font-weight: 600; border-radius: 0.25em; padding: 0 0.25em; white-space: nowrap; }
.eligible { color: #0b6b2b; background: #e3f4e8; }
.conditional { color: #05627a; background: #e0f3f8; }
.case-by-case { color: #7a5300; background: #fdf3d6; }
.unknown { color: #6b2d86; background: #f3e8f8; }
.unlikely { color: #9a3c00; background: #fde9dc; }
.ineligible { color: #a3141b; background: #fbe3e4; }
section.country { break-inside: avoid; page-break-inside: avoid; }
section.requirement { margin-bottom: 0.6em; }
li { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section.country { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  .verdict, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def html_page(document: Document) -> str:
    head = element(
        "head",
        element("meta", charset="utf-8"),
        element("meta", http_equiv="Content-Security-Policy", content=POLICY),
        element("meta", name="viewport", content="width=device-width, initial-scale=1"),
        element("title", document.title),
        element("style", STYLE),
    )
    body = element("body", element("main", *lines(block(part) for part in document.blocks)))
    return "<!DOCTYPE html>\n" + serialise(element("html", head, body, lang="en")) + "\n"


def block(part: Block) -> Element:
    if isinstance(part, Heading):
        return element(f"h{part.level}", *line(part.text))
    if isinstance(part, Paragraph):
        return element("p", *line(part.text))
    if isinstance(part, Items):
        return items(part)
    if isinstance(part, Table):
        return table(part)
    assert isinstance(part, Section)
    return element("section", *lines(block(inner) for inner in part.blocks), class_=part.kind)


def items(part: Items) -> Element:
    entries = []
    for item in part.items:
        below = (element("ul", *(element("li", *line(text)) for text in item.below)),) if item.below else ()
        entries.append(element("li", *line(item.text), *below))
    classes = {"class_": part.kind} if part.kind else {}
    return element("ol" if part.numbered else "ul", *lines(entries), **classes)


def table(part: Table) -> Element:
    header = element("thead", element("tr", *(element("th", name, scope="col") for name in part.header)))
    rows = [element("tr", *(element("td", *line(cell)) for cell in row)) for row in part.rows]
    classes = {"class_": part.kind} if part.kind else {}
    return element("table", header, element("tbody", *lines(rows)), **classes)


def lines(elements: Iterable[Element]) -> list[Node]:
    """Block elements one to a line, so the file reads well as text too."""
    nodes: list[Node] = ["\n"]
    for part in elements:
        nodes += [part, "\n"]
    return nodes


def line(parts: Line) -> list[Node]:
    return [inline(part) for part in parts]


def inline(part: Inline) -> Node:
    if isinstance(part, Link):
        if not is_web_address(part.address):
            return part.text
        return element("a", part.text, href=part.address.strip())
    if isinstance(part, Strong):
        return element("strong", part.text)
    if isinstance(part, VerdictWords):
        return element("span", part.verdict.words, class_=VERDICT_CLASSES[part.verdict])
    return part
