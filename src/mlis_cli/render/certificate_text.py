"""Certificates for people: each with topics, delivery, cost and its date, and the sources."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from mlis_cli.catalog.certificate_filter import CURRENCY, Reason, Selection
from mlis_cli.model.ruleset import Certificate, Cost, Figure, RuleSet
from mlis_cli.render.degree_text import cited, figure_text, source_line, stated
from mlis_cli.render.layout import block, item

if TYPE_CHECKING:
    from rich.console import Console

REASON_WORDS: dict[Reason, str] = {
    Reason.TOPIC: "no topic matches",
    Reason.DELIVERY_UNKNOWN: "the sources do not say how it is taught",
    Reason.NOT_ONLINE: "not fully online",
    Reason.COST_UNKNOWN: "the sources do not give its cost",
    Reason.OTHER_CURRENCY: f"its cost is not in {CURRENCY}",
    Reason.OVER_MAX_COST: "costs more than --max-cost",
}
NOT_STATED = "[dim]not stated in the sources[/]"


def money(amount: float, currency: str) -> str:
    return f"{currency} {amount:,.0f}" if float(amount).is_integer() else f"{currency} {amount:,.2f}"


def cost_text(cost: Cost) -> str:
    from rich.markup import escape

    if cost.per == "certificate":
        text = f"{money(cost.amount, cost.currency)} for the certificate"
    else:
        text = f"{money(cost.amount, cost.currency)} a course"
        total = cost.certificate_total
        if cost.courses is not None and total is not None:
            text += f"; {cost.courses} courses, {money(total, cost.currency)} for the certificate"
    text += f" (stated: {stated(cost.stated)})"
    if cost.note:
        text += f". {escape(cost.note)}"
    return f"{text} {cited(cost.sources)}"


def render_certificates(ruleset: RuleSet, selection: Selection, console: Console) -> None:
    """Sections with a blank line between them: summary, filters, certificates, left out, sources."""
    from rich.markup import escape

    summary = ruleset.certificates.summary
    sections: list[Callable[[], None]] = []
    if summary:
        sections.append(lambda: _summary(summary, console))
    if selection.filters.active:
        sections.append(lambda: block(console, f"[bold]Filters[/]: {escape(_filter_words(selection))}", 0))
    if not selection.shown:
        empty = (
            "No certificate passes these filters."
            if selection.left_out
            else "The rules hold no certificates."
        )
        sections.append(lambda: block(console, empty, 0))
    sections += [partial(render_certificate, certificate, console) for certificate in selection.shown]
    if selection.left_out:
        sections.append(lambda: _left_out(selection, console))
    cited_ids: dict[str, None] = {}
    for figure in summary:
        cited_ids.update(dict.fromkeys(figure.sources))
    for certificate in selection.shown:
        cited_ids.update(dict.fromkeys(certificate.cited()))
    if cited_ids:
        sections.append(lambda: _sources(ruleset, cited_ids, console))
    for index, section in enumerate(sections):
        if index:
            console.print()
        section()


def _summary(summary: tuple[Figure, ...], console: Console) -> None:
    block(console, "[bold]Post-master's certificates at ALA-accredited programs[/]", 0)
    for figure in summary:
        item(console, "-", figure_text(figure), 2)


def _left_out(selection: Selection, console: Console) -> None:
    total = len(selection.shown) + len(selection.left_out)
    block(console, f"[bold]Left out[/]: {len(selection.left_out)} of {total}", 0)
    for reason in Reason:
        count = selection.count(reason)
        if count:
            item(console, "-", f"{count}: {REASON_WORDS[reason]}", 2)


def _sources(ruleset: RuleSet, cited_ids: dict[str, None], console: Console) -> None:
    block(console, "[bold]Sources[/]", 0)
    for source in cited_ids:
        item(console, "-", source_line(ruleset, source), 2)


def render_certificate(certificate: Certificate, console: Console) -> None:
    from rich.markup import escape

    item(
        console,
        "",
        f"[bold]{escape(certificate.provider)}: {escape(certificate.certificate)}[/] "
        f"[dim]({escape(certificate.id)})[/]",
        0,
    )
    item(console, "topics:", escape(", ".join(certificate.topics)), 4)
    delivery = certificate.delivery
    if delivery is None:
        item(console, "delivery:", NOT_STATED, 4)
    else:
        text = delivery.mode.replace("-", " ") if delivery.mode != "online" else "fully online"
        if delivery.note:
            text += f". {escape(delivery.note)}"
        item(console, "delivery:", f"{text} {cited(delivery.sources)}", 4)
    item(console, "cost:", cost_text(certificate.cost) if certificate.cost else NOT_STATED, 4)
    aid = certificate.financial_aid
    item(console, "financial aid:", f"{escape(aid.note)} {cited(aid.sources)}" if aid else NOT_STATED, 4)
    if certificate.note:
        item(console, "note:", escape(certificate.note), 4)
    item(console, "sources:", escape(", ".join(certificate.sources)), 4)


def _filter_words(selection: Selection) -> str:
    chosen = selection.filters
    words = []
    if chosen.topic is not None:
        words.append(f"topic contains '{chosen.topic}'")
    if chosen.online:
        words.append("fully online")
    if chosen.max_cost is not None:
        words.append(f"certificate costs at most {money(chosen.max_cost, CURRENCY)}")
    return "; ".join(words) + f". Shown: {len(selection.shown)}."
