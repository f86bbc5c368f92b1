"""A plan's steps with their fees and time: as text for people and as plain data for JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlis_cli.engine.step_costs import StepCosts, Total
from mlis_cli.model.ruleset import Duration, Fee
from mlis_cli.render.layout import block, item

if TYPE_CHECKING:
    from rich.console import Console


def costs_dict(costs: StepCosts) -> dict[str, Any]:
    return {
        "steps": [
            {
                "step": step.step,
                "fees": [fee_dict(fee) for fee in step.fees],
                "takes": duration_dict(step.takes) if step.takes is not None else None,
            }
            for step in costs.steps
        ],
        "totals": [
            {"currency": total.currency, "per": total.per, "amount": number(total.amount)}
            for total in costs.totals
        ],
        "no_known_cost": list(costs.no_known_cost),
    }


def fee_dict(fee: Fee) -> dict[str, Any]:
    return {
        "fee": fee.fee,
        "amount": number(fee.amount),
        "currency": fee.currency,
        "per": fee.per,
        "stated": fee.stated,
        "note": fee.note,
        "sources": list(fee.sources),
    }


def duration_dict(takes: Duration) -> dict[str, Any]:
    return {"time": takes.time, "stated": takes.stated, "note": takes.note, "sources": list(takes.sources)}


def number(amount: float) -> float | int:
    """100 rather than 100.0; 57.5 stays as it is."""
    return int(amount) if amount.is_integer() else amount


def money(amount: float, currency: str, per: str) -> str:
    """EUR 1,060; NZD 57.50; NZD 115 a year: as the sources write amounts."""
    figure = f"{int(amount):,}" if amount.is_integer() else f"{amount:,.2f}"
    return f"{currency} {figure}" + (" a year" if per == "year" else "")


def _stated(stated: str) -> str:
    return "no date given" if stated == "nd" else f"stated {stated}"


def fee_words(fee: Fee) -> str:
    about = [part for part in (fee.note, _stated(fee.stated), ", ".join(fee.sources)) if part]
    return f"{fee.fee}: {money(fee.amount, fee.currency, fee.per)} ({'; '.join(about)})"


def duration_words(takes: Duration) -> str:
    about = [part for part in (takes.note, _stated(takes.stated), ", ".join(takes.sources)) if part]
    return f"{takes.time} ({'; '.join(about)})"


def totals_words(totals: tuple[Total, ...]) -> str:
    return "; ".join(money(total.amount, total.currency, total.per) for total in totals)


def numbers_words(numbers: tuple[int, ...]) -> str:
    """1 -> 'step 1'; 1, 3 -> 'steps 1 and 3'; 1, 2, 4 -> 'steps 1, 2 and 4'."""
    if len(numbers) == 1:
        return f"step {numbers[0]}"
    return f"steps {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def render_step_details(costs: StepCosts, console: Console, *, numbered: bool, indent: int) -> list[str]:
    """Each step, then its fees and time; returns the source ids they cite."""
    from rich.markup import escape

    cited: dict[str, None] = {}
    for number, step in enumerate(costs.steps, start=1):
        item(console, f"{number}." if numbered else "-", escape(step.step), indent)
        label_width = len(f"{number}." if numbered else "-") + 1
        for fee in step.fees:
            item(console, "[dim]cost:[/]", f"[dim]{escape(fee_words(fee))}[/]", indent + label_width)
            cited.update(dict.fromkeys(fee.sources))
        if step.takes is not None:
            item(
                console,
                "[dim]time:[/]",
                f"[dim]{escape(duration_words(step.takes))}[/]",
                indent + label_width,
            )
            cited.update(dict.fromkeys(step.takes.sources))
    return list(cited)


def render_plan_steps(costs: StepCosts, console: Console) -> list[str]:
    """`mlis plan`'s next steps, numbered, with their fees, time and totals."""
    if not costs.steps:
        return []
    block(console, "[bold]Next steps, with what they cost and how long they take[/]", 2)
    cited = render_step_details(costs, console, numbered=True, indent=4)
    console.print()
    if costs.totals:
        block(console, f"Known fees in all: {totals_words(costs.totals)}", 2)
    if len(costs.no_known_cost) == len(costs.steps):
        block(console, "No source gives a cost for any of these steps.", 2)
    elif costs.no_known_cost:
        block(console, f"No source gives a cost for {numbers_words(costs.no_known_cost)}.", 2)
    console.print()
    return cited
