"""mlis certificates: certificates to add after the MLIS, filtered by topic, delivery and cost."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mlis_cli import certificate_filter
from mlis_cli.commands.options import FormatOption, JsonFlag, NoColor, RulesDir
from mlis_cli.commands.shared import console, load_rules
from mlis_cli.render.formats import Format, chosen


def certificates(
    topic: Annotated[
        str | None,
        typer.Option(help="Only certificates with a topic containing this (any case).", show_default=False),
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
        ),
    ] = None,
    fmt: FormatOption = Format.TEXT,
    json_flag: JsonFlag = False,
    no_color: NoColor = False,
    rules_dir: RulesDir = None,
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
    ruleset = load_rules(rules_dir)
    entries = ruleset.certificates.entries
    chosen_filters = certificate_filter.filters(entries, topic, online, max_cost)
    selection = certificate_filter.select(entries, chosen_filters)
    if chosen(fmt, json_flag) is Format.JSON:
        from mlis_cli.render.certificate_dict import certificates_document
        from mlis_cli.render.json_out import write_json

        write_json(certificates_document(ruleset, selection), sys.stdout)
    else:
        from mlis_cli.render.certificate_text import render_certificates

        render_certificates(ruleset, selection, console(no_color))
