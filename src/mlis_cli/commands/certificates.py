"""mlis certificates: certificates to add after the MLIS, filtered by topic, delivery and cost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlis_cli.commands import completers
from mlis_cli.commands.options import OutputOptions, output_options
from mlis_cli.commands.shared import load_rules
from mlis_cli.render.formats import Output, emit

if TYPE_CHECKING:
    from rich.console import Console


@output_options()
def certificates(
    topic: Annotated[
        str | None,
        typer.Option(
            help="Only certificates with a topic containing this (any case).",
            show_default=False,
            metavar="WORD",
            autocompletion=completers.topics,
        ),
    ] = None,
    online: Annotated[
        bool, typer.Option("--online", help="Only certificates the sources call fully online.")
    ] = False,
    max_cost: Annotated[
        float | None,
        typer.Option(
            "--max-cost",
            help="Only certificates whose whole cost is known and at most this many US dollars.",
            show_default=False,
            metavar="AMOUNT",
        ),
    ] = None,
    *,
    output: OutputOptions,
) -> None:
    """Certificates to add after the MLIS: topics, delivery, cost with its date, sources.

    \b
    Examples:
      mlis certificates
      mlis certificates --topic data
      mlis certificates --online
      mlis certificates --max-cost 6500 --format json

    A filter that needs a fact the sources do not give leaves the certificate
    out and says so: the output counts what was left out and why.
    """
    # imported here, not above: `mlis certificates --help` needs none of it
    from mlis_cli.catalog import certificate_filter

    ruleset = load_rules(output.rules_dir)
    entries = ruleset.certificates.entries
    chosen_filters = certificate_filter.filters(entries, topic, online, max_cost)
    selection = certificate_filter.select(entries, chosen_filters)
    from mlis_cli.render.certificate_dict import certificates_document

    document = certificates_document(ruleset, selection)

    def text(out: Console) -> None:
        from mlis_cli.render.certificate_text import render_certificates

        render_certificates(ruleset, selection, out)

    rows = [
        {
            **certificate,
            "delivery": (certificate["delivery"] or {}).get("mode"),
            **{f"cost_{key}": value for key, value in (certificate["cost"] or {}).items()},
        }
        for certificate in document["certificates"]
    ]
    shown = Output(document, document["certificates"], CERTIFICATE_COLUMNS, text, rows)
    emit(shown, output.format, no_color=output.no_color, pager=output.pager)


CERTIFICATE_COLUMNS = (
    *("id", "provider", "certificate", "topics", "delivery"),
    *("cost_amount", "cost_currency", "cost_per", "cost_courses", "cost_certificate_total", "cost_stated"),
)
"""The CSV columns of mlis certificates: one row per certificate shown."""
